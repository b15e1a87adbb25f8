/**
 * The producer: builds the seller (shops, catalog, incidents) and then walks the calendar one
 * day at a time, emitting every table's rows for the day; after the last day it emits the
 * tables that summarise the whole span (customers, campaigns, market sizes). Each `yield` is
 * one unit of work the streaming loaders pull (see tee.ts).
 */
import { startOfDayUtc } from '../core/time.js';
import type { DayInfo } from './calendar.js';
import { buildCatalog } from './catalog.js';
import { campaignRows } from './campaigns.js';
import { CustomerPool } from './customers.js';
import { adRows } from './ads.js';
import { expenseRows } from './finance.js';
import { IncidentBook, planIncidents } from './incidents.js';
import { Inventory } from './inventory.js';
import { marketRows } from './market.js';
import { generateShopDay } from './orders.js';
import { Rng } from './prng.js';
import { idleSessions, liveRows, liveWindows } from './service.js';
import { demoShops, shopRow } from './shops.js';
import { DayCutter, TIMEZONE, type DemoTables, type World } from './state.js';
import type { Tee } from './tee.js';
import { trafficRows } from './traffic.js';

/** average order lines per order (see basket.ts LINE_COUNTS) */
const LINES_PER_ORDER = 1.34;
const BATCH = 5_000;

export function createWorld(days: readonly DayInfo[], orderLines: number, seed: number, tee: Tee<DemoTables>): World {
  const rng = new Rng(seed);
  const firstMs = startOfDayUtc(days[0]!.day, TIMEZONE).getTime();
  const catalogs = buildCatalog(demoShops, rng, firstMs);
  const demandSum = days.reduce((s, d) => s + d.demand, 0);
  const last = days[days.length - 1]!;
  return {
    rng, shops: demoShops, catalogs, tee, days,
    pools: demoShops.map((s, i) => (s.hidesBuyer ? null : new CustomerPool(s.id, `${s.platform.slice(0, 2)}${i + 1}_`))),
    stock: catalogs.map((c) => new Int32Array(c.skus.length)),
    soldToday: catalogs.map((c) => new Int32Array(c.skus.length)),
    incidents: new IncidentBook(planIncidents(days, demoShops, catalogs)),
    baseOrders: demoShops.map((s) => (orderLines * s.share) / (demandSum * LINES_PER_ORDER)),
    endMs: startOfDayUtc(last.day, TIMEZONE).getTime() + 86_400_000,
    cut: new DayCutter(),
    seq: { order: demoShops.map(() => 0), refund: demoShops.map(() => 0), cs: demoShops.map(() => 0) },
    tally: { orderLines: 0, orders: 0, campaignPaid: new Map(), campaignNewBuyers: new Map(), campaignAdCost: new Map(), marketPaid: new Map() },
  };
}

export function* produce(w: World, onProgress?: (orderLines: number) => void): Generator<void> {
  const { tee } = w;
  tee.emit('shops', w.shops.map(shopRow));
  tee.emit('products', w.catalogs.flatMap((c) => c.skus.map((k) => k.row)));
  tee.emit('incidents', w.incidents.plans.map((p) => p.row));
  const inventory = new Inventory(w);
  for (const day of w.days) {
    const dayStartMs = startOfDayUtc(day.day, TIMEZONE).getTime();
    inventory.receive(day);
    w.shops.forEach((_, s) => {
      w.pools[s]?.startDay(day.index);
      if (w.incidents.isDataGap(s, day.index)) return;
      const live = liveWindows(w, s, day, dayStartMs);
      const result = generateShopDay(w, s, day, dayStartMs, live);
      tee.emit('traffic_daily', trafficRows(w, s, day, result));
      tee.emit('ad_spend_daily', adRows(w, s, day, result));
      tee.emit('expenses', expenseRows(w, s, day, result));
      tee.emit('live_sessions', liveRows(w, s, day, live, result));
      tee.emit('cs_sessions', idleSessions(w, s, day, dayStartMs, result));
    });
    const { snapshots, purchases } = inventory.close(day, dayStartMs);
    tee.emit('inventory_daily', snapshots);
    tee.emit('purchases', purchases);
    onProgress?.(w.tally.orderLines);
    yield;
  }
  const { campaigns, phases } = campaignRows(w.days, w.tally, w.rng);
  tee.emit('campaigns', campaigns);
  tee.emit('campaign_phases', phases);
  tee.emit('market_sizes', marketRows(w.tally, w.rng));
  // Millions of buyers at 10 M lines: emit them in batches, never all at once.
  for (const pool of w.pools) {
    if (!pool) continue;
    let batch: DemoTables['customers'][] = [];
    for (const row of pool.rows()) {
      batch.push(row);
      if (batch.length === BATCH) {
        tee.emit('customers', batch);
        batch = [];
        yield;
      }
    }
    tee.emit('customers', batch);
  }
}
