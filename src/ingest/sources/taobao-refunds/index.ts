import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const taobaoRefunds: SourceFormat<typeof columns> = {
  id: 'taobao-refunds',
  names: { zh: '淘宝/天猫 退款报表', en: 'Taobao/Tmall refund report' },
  platform: 'taobao', role: 'platform', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一个退款', en: 'one row per refund' },
  columns, required, signature, normalize,
};
