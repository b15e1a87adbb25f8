import { defineErrors } from '../core/errors.js';

export const DemoErrors = defineErrors({
  DEMO_BAD_END_DAY: {
    http: 400, userCaused: true,
    zh: (p: { value: string }) => `演示数据的最后一天 "${p.value}" 无效,应为 YYYY-MM-DD 格式的日期`,
    en: (p: { value: string }) => `invalid demo end day "${p.value}": expected a date as YYYY-MM-DD`,
  },
  DEMO_BAD_SIZE: {
    http: 400, userCaused: true,
    zh: (p: { value: number; min: number; max: number }) => `订单行数 ${p.value} 超出范围,应在 ${p.min} 到 ${p.max} 之间`,
    en: (p: { value: number; min: number; max: number }) => `order lines ${p.value} out of range: expected ${p.min} to ${p.max}`,
  },
  DEMO_BAD_SEED: {
    http: 400, userCaused: true,
    zh: (p: { value: number }) => `随机种子 ${p.value} 无效,应为 0 到 4294967295 之间的整数`,
    en: (p: { value: number }) => `invalid seed ${p.value}: expected an integer from 0 to 4294967295`,
  },
});
