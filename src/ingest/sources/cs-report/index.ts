import type { SourceFormat } from '../types.js';
import { columns, required, signature } from './columns.js';
import { normalize } from './normalize.js';

export const csReport: SourceFormat<typeof columns> = {
  id: 'cs-report',
  names: { zh: '客服接待明细', en: 'Customer-service conversations' },
  platform: 'other', role: 'report', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一次接待', en: 'one row per conversation' },
  columns, required, signature, normalize,
};
