/**
 * `generateDemo`: replaces the store's canonical data with a deterministic demo seller. The
 * whole load is one transaction (delete every canonical table, stream every table in, record
 * the change), so a failure leaves the previous data untouched. All tables load at once from
 * one day-by-day producer (tee.ts), which keeps memory flat at ten million order lines.
 */
import { fail } from '../core/errors.js';
import { dayNumberInZone, dayNumberToText, dayTextToNumber } from '../core/time.js';
import { canonicalTables } from '../model/index.js';
import { recordDataChange, type Warehouse } from '../warehouse/index.js';
import { buildCalendar } from './calendar.js';
import { DemoErrors as E } from './errors.js';
import { TIMEZONE, type DemoTables } from './state.js';
import { Tee } from './tee.js';
import { createWorld, produce } from './world.js';

export const DEFAULT_DEMO_ORDER_LINES = 1_000_000;
const MIN_LINES = 1_000;
const MAX_LINES = 100_000_000;

export interface DemoOptions {
  /** order lines to generate, approximately (±1 %) */
  orderLines: number;
  seed: number;
  /** last day, YYYY-MM-DD; default: yesterday in Asia/Shanghai */
  endDay?: string;
  onProgress?: (orderLinesDone: number) => void;
}

export interface DemoSummary {
  orderLines: number;
  orders: number;
  shops: number;
  skus: number;
  customers: number;
  firstDay: string;
  lastDay: string;
  incidents: number;
}

export function yesterdayInShanghai(now = Date.now()): string {
  return dayNumberToText(dayNumberInZone(now, TIMEZONE) - 1);
}

export async function generateDemo(wh: Warehouse, options: DemoOptions): Promise<DemoSummary> {
  const { orderLines, seed } = options;
  if (!Number.isSafeInteger(orderLines) || orderLines < MIN_LINES || orderLines > MAX_LINES) {
    fail(E.DEMO_BAD_SIZE, { value: orderLines, min: MIN_LINES, max: MAX_LINES });
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) fail(E.DEMO_BAD_SEED, { value: seed });
  const endDay = options.endDay ?? yesterdayInShanghai();
  if (dayTextToNumber(endDay) === undefined) fail(E.DEMO_BAD_END_DAY, { value: endDay });
  const days = buildCalendar(endDay);
  const names = canonicalTables.map((t) => t.name);
  let producer: Generator<void> | undefined;
  const tee = new Tee<DemoTables>(names, () => !producer!.next().done);
  const world = createWorld(days, orderLines, seed, tee);
  producer = produce(world, options.onProgress);
  const q = wh.dialect.quoteIdent;
  return wh.transaction(async (tx) => {
    // Replace, never merge: a second demo run must not double the first one's rows.
    for (const t of canonicalTables) await tx.exec(`DELETE FROM ${q(t.name)}`);
    await Promise.all(canonicalTables.map((t) => tx.bulkLoad(t, tee.rows(t.name) as AsyncIterable<never>)));
    await recordDataChange(tx, { origin: 'demo', fromDay: days[0]!.day, toDay: endDay });
    return {
      orderLines: world.tally.orderLines,
      orders: world.tally.orders,
      shops: world.shops.length,
      skus: world.catalogs.reduce((s, c) => s + c.skus.length, 0),
      customers: world.pools.reduce((s, p) => s + (p?.size ?? 0), 0),
      firstDay: days[0]!.day,
      lastDay: endDay,
      incidents: world.incidents.plans.length,
    };
  });
}
