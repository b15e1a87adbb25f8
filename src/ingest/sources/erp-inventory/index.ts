import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const erpInventory: SourceFormat<typeof columns> = {
  id: 'erp-inventory',
  names: { zh: 'ERP 库存快照', en: 'ERP inventory snapshot' },
  platform: 'other', role: 'report', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一个 SKU × 仓库 × 日期', en: 'one row per SKU, warehouse and day' },
  columns, required, signature, normalize,
};
