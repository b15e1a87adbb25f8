import type { SourceFormat } from '../types.js';
import { columns, required, signature } from './columns.js';
import { normalize } from './normalize.js';

export const expenseReport: SourceFormat<typeof columns> = {
  id: 'expense-report',
  names: { zh: '费用明细', en: 'Expense sheet' },
  platform: 'other', role: 'report', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一笔费用(同日同类相加)', en: 'one row per expense (a day’s rows of a kind add up)' },
  columns, required, signature, normalize,
};
