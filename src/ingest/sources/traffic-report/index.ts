import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const trafficReport: SourceFormat<typeof columns> = {
  id: 'traffic-report',
  names: { zh: '流量报表(日)', en: 'Daily traffic report' },
  platform: 'other', role: 'report', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一天 × 来源(× 商品)', en: 'one row per day and source (and SKU)' },
  columns, required, signature, normalize,
};
