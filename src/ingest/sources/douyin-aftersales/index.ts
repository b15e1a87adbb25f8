import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const douyinAftersales: SourceFormat<typeof columns> = {
  id: 'douyin-aftersales',
  names: { zh: '抖店 售后单', en: 'Douyin after-sales cases' },
  platform: 'douyin', role: 'platform', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一个售后单', en: 'one row per after-sales case' },
  columns, required, signature, normalize,
};
