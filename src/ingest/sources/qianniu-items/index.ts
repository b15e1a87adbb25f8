import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const qianniuItems: SourceFormat<typeof columns> = {
  id: 'qianniu-items',
  names: { zh: '千牛 xlsx 子订单页', en: 'Qianniu xlsx item (sub-order) sheet' },
  platform: 'taobao', role: 'platform', fileKinds: ['xlsx'],
  grain: { zh: '每行一个子订单', en: 'one row per sub-order' },
  columns, required, signature, normalize,
};
