import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const pddOrders: SourceFormat<typeof columns> = {
  id: 'pdd-orders',
  names: { zh: '拼多多 订单', en: 'Pinduoduo orders' },
  platform: 'pdd', role: 'platform', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一个订单', en: 'one row per order' },
  columns, required, signature, normalize,
};
