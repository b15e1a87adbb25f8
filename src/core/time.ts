/**
 * Timestamps are stored in UTC; business days are cut in the shop's time zone. Days travel
 * as 'YYYY-MM-DD' text. Offsets are looked up once per 15-minute UTC slot and cached, so
 * cutting millions of timestamps costs a map lookup each, DST zones included.
 */

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
const SLOT_MS = 15 * 60 * 1000;
const DAY_MS = 86_400_000;

const cutters = new Map<string, (utcMs: number) => number>();

/** Offset of `tz` from UTC in ms at the instant `utcMs`. */
function offsetAt(tz: string, utcMs: number, fmt: Intl.DateTimeFormat): number {
  const parts = fmt.formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Returns a function giving the zone's offset (ms) at a UTC instant. Throws RangeError for an unknown zone. */
export function zoneOffsetFn(tz: string): (utcMs: number) => number {
  let fn = cutters.get(tz);
  if (fn) return fn;
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const cache = new Map<number, number>();
  fn = (utcMs: number) => {
    const slot = Math.floor(utcMs / SLOT_MS);
    let off = cache.get(slot);
    if (off === undefined) {
      off = offsetAt(tz, slot * SLOT_MS, fmt);
      cache.set(slot, off);
    }
    return off;
  };
  cutters.set(tz, fn);
  return fn;
}

/** Day number (days since 1970-01-01) of a UTC instant in `tz`. */
export function dayNumberInZone(utcMs: number, tz: string): number {
  return Math.floor((utcMs + zoneOffsetFn(tz)(utcMs)) / DAY_MS);
}

export function dayNumberToText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → day number; undefined when not a real calendar day. */
export function dayTextToNumber(text: string): number | undefined {
  const m = DAY_TEXT.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / DAY_MS;
  return dayNumberToText(day) === text ? day : undefined;
}

/** The shop-local day of a UTC instant as 'YYYY-MM-DD'. */
export function dayInZone(utc: Date, tz: string): string {
  return dayNumberToText(dayNumberInZone(utc.getTime(), tz));
}

/** UTC instant of local midnight starting `day` in `tz`. */
export function startOfDayUtc(day: string, tz: string): Date {
  const n = dayTextToNumber(day);
  if (n === undefined) throw new RangeError(`not a day: ${day}`);
  const localMidnightAsUtc = n * DAY_MS;
  // Two passes settle the offset across a DST change at midnight.
  let guess = localMidnightAsUtc - zoneOffsetFn(tz)(localMidnightAsUtc);
  guess = localMidnightAsUtc - zoneOffsetFn(tz)(guess);
  return new Date(guess);
}

export function addDays(day: string, n: number): string {
  const d = dayTextToNumber(day);
  if (d === undefined) throw new RangeError(`not a day: ${day}`);
  return dayNumberToText(d + n);
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
