import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const taobaoItems: SourceFormat<typeof columns> = {
  id: 'taobao-items',
  names: { zh: '淘宝/天猫 宝贝报表', en: 'Taobao/Tmall item report' },
  platform: 'taobao', role: 'platform', fileKinds: ['csv'],
  grain: { zh: '每行一个宝贝(订单行)', en: 'one row per item (order line)' },
  columns, required, signature, normalize,
};
