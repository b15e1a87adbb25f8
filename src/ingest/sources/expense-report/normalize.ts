import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import type { columns } from './columns.js';
import { expenseKind } from './kinds.js';

export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const day = r.time('day', true);
  const raw = r.text('kind', true);
  const amount = r.fen('amount', true);
  if (!day || raw === undefined || amount === undefined) return;
  const kind = expenseKind(raw);
  // A wording no kind names counts as other, and the quality report lists it to be checked.
  if (kind === undefined) out.unknownStatus(raw);
  out.expense({ day, kind: kind ?? 'other', amount });
}
