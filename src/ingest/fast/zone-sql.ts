/**
 * The shop's time zone in SQL, exactly as core/time.ts applies it in JS: the offset is the
 * one at the start of each 15-minute UTC slot, wall → UTC takes two passes (DST edges), and a
 * business day is the UTC instant plus its offset, cut at midnight.
 *
 * Offsets are piecewise constant; over the range of the file's times they are written as a
 * CASE over the change points found in JS (none for Asia/Shanghai since 1991), so SQL needs
 * no time zone database and cannot disagree with the JS path.
 */
import { zoneOffsetFn } from '../../core/time.js';

const SLOT_MS = 15 * 60 * 1000;
const DAY_MS = 86_400_000;

export interface ZoneSql {
  /** SQL: the zone's offset (ms) at an instant given as epoch ms; pass a column, it is repeated per change point */
  offset(ms: string): string;
  /** SQL: epoch ms (BIGINT) → TIMESTAMP */
  timestamp(ms: string): string;
  /** SQL: epoch ms of a UTC instant → the business DATE in the zone */
  day(utcMs: string): string;
}

/** `minMs`/`maxMs`: the range of wall times in the file (epoch ms), or undefined when it has none. */
export function zoneSql(tz: string, minMs: number | undefined, maxMs: number | undefined): ZoneSql {
  const off = zoneOffsetFn(tz);
  // Offsets are at most ±14 h: two days of margin cover wall and UTC readings of every time.
  const from = Math.floor(((minMs ?? 0) - 2 * DAY_MS) / DAY_MS) * DAY_MS;
  const to = (maxMs ?? 0) + 2 * DAY_MS;
  const first = off(from);
  const changes: { at: number; off: number }[] = [];
  let prev = first;
  for (let t = from + DAY_MS; t <= to + DAY_MS; t += DAY_MS) {
    const o = off(t);
    if (o === prev) continue;
    // The first slot of the day with the new offset (one change per day at most, as in every zone).
    let lo = (t - DAY_MS) / SLOT_MS;
    let hi = t / SLOT_MS;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (off(mid * SLOT_MS) === prev) lo = mid; else hi = mid;
    }
    changes.push({ at: hi * SLOT_MS, off: o });
    prev = o;
  }
  const offSql = (ms: string) => {
    if (changes.length === 0) return String(first);
    let sql = `CASE WHEN ${ms} < ${changes[0]!.at} THEN ${first}`;
    changes.forEach((c, i) => {
      const next = changes[i + 1];
      sql += next ? ` WHEN ${ms} < ${next.at} THEN ${c.off}` : ` ELSE ${c.off}`;
    });
    return `(${sql} END)`;
  };
  return {
    offset: offSql,
    timestamp: (ms) => `make_timestamp(${ms} * 1000)`,
    day: (u) => `CAST(make_timestamp((${u} + ${offSql(u)}) * 1000) AS DATE)`,
  };
}
