import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import type { columns } from './columns.js';

export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const host = r.text('host', true);
  const started_at = r.time('started_at', true);
  const ended_at = r.time('ended_at', true);
  const gmv = r.fen('gmv', true);
  if (!host || !started_at || !ended_at || gmv === undefined) return;
  // Without a session id a stream is its host and start: the same stream exported again is the same row.
  const session_id = r.id('session_id') ?? `${host}@${started_at.toISOString()}`;
  out.live({
    session_id, host, started_at, ended_at, gmv,
    views: r.int('views') ?? 0, peak_online: r.int('peak_online') ?? 0, orders: r.int('orders') ?? 0,
  });
}
