import { defineErrors } from '../core/errors.js';

export const ActionErrors = defineErrors({
  ACTION_INVALID: {
    http: 400, userCaused: true,
    zh: (p: { id: string; detail: string }) => `行动项 ${p.id} 无效:${p.detail}`,
    en: (p: { id: string; detail: string }) => `action ${p.id} is not valid: ${p.detail}`,
  },
  ACTION_NOT_FOUND: {
    http: 404, userCaused: true,
    zh: (p: { id: string }) => `找不到行动项或问题 ${p.id}`,
    en: (p: { id: string }) => `no action or problem ${p.id}`,
  },
  ACTION_BAD_MOVE: {
    http: 409, userCaused: true,
    zh: (p: { id: string; from: string; to: string; allowed: string }) => `行动项 ${p.id} 不能从 ${p.from} 移到 ${p.to}(可移到:${p.allowed})`,
    en: (p: { id: string; from: string; to: string; allowed: string }) => `action ${p.id} cannot move from ${p.from} to ${p.to} (allowed: ${p.allowed})`,
  },
  ACTION_NOT_STARTED: {
    http: 409, userCaused: true,
    zh: (p: { id: string }) => `行动项 ${p.id} 还没有可比较的"执行后"数据:尚未开始执行,或开始后还没有完整的一天`,
    en: (p: { id: string }) => `action ${p.id} has no "after" to compare yet: it has not started, or no full day has passed since it did`,
  },
});
