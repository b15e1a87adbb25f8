import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import type { columns } from './columns.js';
import { parseSeconds } from './seconds.js';

export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const agent = r.text('agent', true);
  const started_at = r.time('started_at', true);
  const waited = r.text('first_response', true);
  const first_response_s = waited === undefined ? undefined : parseSeconds(waited);
  if (waited !== undefined && first_response_s === undefined) r.problem('first_response', 'INGEST_DURATION_INVALID');
  if (!agent || !started_at || first_response_s === undefined) return;
  const customer_id = r.text('customer_id') ?? null;
  // Without a conversation id one is its agent, buyer and start.
  const session_id = r.id('session_id') ?? `${agent}|${customer_id ?? ''}@${started_at.toISOString()}`;
  out.cs({ session_id, agent, customer_id, started_at, first_response_s, converted_order_id: r.id('converted_order_id') ?? null });
}
