import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const erpProducts: SourceFormat<typeof columns> = {
  id: 'erp-products',
  names: { zh: 'ERP 商品资料(商家编码、成本)', en: 'ERP product master (merchant code, cost)' },
  platform: 'other', role: 'report', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一个 SKU', en: 'one row per SKU' },
  columns, required, signature, normalize,
};
