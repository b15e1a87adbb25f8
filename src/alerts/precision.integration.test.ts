/**
 * The built-in rules against the demo store's planted incidents (the `incidents` table), over
 * the whole 24 months, as `shoplens alerts backtest` runs them. An alert is a true positive when
 * it is about the incident's shop (and SKU / traffic source where the incident has one) and
 * opens inside the incident's detection window; every other alert of these rules is false.
 *
 * Levels held, and why (150 k order lines, small enough for CI; seed 42 is deterministic, so the
 * figures below are exact for this store, and the levels leave a little room under them):
 * - recall = 1: all four incidents. The refund spike is the marginal one: at this size the bad
 *   SKU sells ~2 orders a day, so the planted week is 13 lines and 4 of them refunded (~30 %, the
 *   README's ~40 % within binomial noise). The rule judges refunds by the refunded orders' paid day
 *   (14 days late, once returns are back), where that week reads ~23 % against a baseline of ~0; by
 *   the refund's finished day (the old rule) the same 4 refunds fall over May 8–16 and are diluted
 *   by the next weeks' sales, below any cut-off that ignores single stray refunds.
 * - precision ≥ 0.12 (measured 4 / 26 ≈ 0.15; it was 3 / 34 ≈ 0.09 before this change, with the
 *   refund spike missed). Stock-out risk now needs two days in a row (15 → 6 false); the refund
 *   rule's false alerts are weeks where 2–3 ordinary refunds hit a SKU selling ~12 orders — the
 *   same count as the planted 4, so they cannot be told apart at this volume.
 * - false alerts ≤ 0.2 per shop-month (measured ≈ 0.15, about one a month across the six shops).
 *   The demo runs SKUs low on stock and has genuinely weak conversion days on its own (they are not
 *   in the incident table but a seller would look at most of them), so precision against the table
 *   is bounded well below 1; the per-shop-month rate is what a team feels.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { tempStore } from '../../test/helpers/store.js';
import { addDays } from '../core/time.js';
import { generateDemo } from '../demo/index.js';
import { loadCatalog } from '../metrics/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { backtest } from './backtest.js';
import type { AlertEvent } from './lifecycle.js';
import { ruleFromTemplate, templates } from './templates/index.js';

interface Incident { incident_id: string; kind: string; shop_id: string; sku_id: string | null; source: string | null; start_day: string; end_day: string }

/** Days around an incident in which an alert counts as finding it. */
const windows: Record<string, { before: number; after: number }> = {
  stockout: { before: 14, after: 0 }, // an early warning while stock runs down counts
  conversion_drop: { before: 0, after: 3 },
  refund_spike: { before: 0, after: 21 }, // refunds finish days to weeks after payment
  data_gap: { before: 0, after: 1 },
};

function matches(a: AlertEvent, i: Incident, kind: string): boolean {
  if (kind !== i.kind || a.entity.shop !== i.shop_id) return false;
  if (i.sku_id !== null && 'sku' in a.entity && a.entity.sku !== i.sku_id) return false;
  if (i.source !== null && 'source' in a.entity && a.entity.source !== i.source) return false;
  const w = windows[i.kind]!;
  return a.openedDay >= addDays(i.start_day, -w.before) && a.openedDay <= addDays(i.end_day, w.after);
}

let store: Awaited<ReturnType<typeof tempStore>>;
let wh: Warehouse;
let firstDay: string;
let lastDay: string;

before(async () => {
  store = await tempStore();
  wh = store.wh;
  const s = await generateDemo(wh, { orderLines: 150_000, seed: 42, endDay: '2026-06-30' });
  firstDay = s.firstDay;
  lastDay = s.lastDay;
});
after(() => store.cleanup());

it('built-in rules find the planted incidents with few false alerts over 24 months', { timeout: 1_800_000 }, async () => {
  const incidents = await wh.query<Incident & Record<string, string | null>>('SELECT incident_id, kind, shop_id, sku_id, source, start_day, end_day FROM incidents');
  assert.equal(incidents.length, 4);
  const catching = templates.filter((t) => t.catches);
  const kindOf = new Map(catching.map((t) => [t.id, t.catches!]));
  const rules = catching.map((t) => ruleFromTemplate(t.id, t.id));
  const result = await backtest(wh, loadCatalog(), rules, { from: firstDay, to: lastDay }, { shopIds: 'all' });

  const found = new Set<string>();
  let truePositives = 0;
  const perRule = new Map<string, { tp: number; fp: number }>();
  for (const a of result.alerts) {
    const hit = incidents.find((i) => matches(a, i, kindOf.get(a.ruleId)!));
    if (hit) found.add(hit.incident_id);
    if (hit) truePositives++;
    const r = perRule.get(a.ruleId) ?? { tp: 0, fp: 0 };
    r[hit ? 'tp' : 'fp']++;
    perRule.set(a.ruleId, r);
  }
  const alerts = result.alerts.length;
  const precision = alerts === 0 ? 0 : truePositives / alerts;
  const recall = found.size / incidents.length;
  const shops = new Set((await wh.query<{ shop_id: string }>('SELECT shop_id FROM shops')).map((r) => r.shop_id)).size;
  const months = (Date.parse(lastDay) - Date.parse(firstDay)) / (30.44 * 86_400_000);
  const falsePerShopMonth = (alerts - truePositives) / (shops * months);
  console.log(JSON.stringify({ from: firstDay, to: lastDay, alerts, truePositives, precision, recall, falsePerShopMonth, found: [...found], perRule: Object.fromEntries(perRule) }, null, 2));

  for (const kind of ['data_gap', 'stockout', 'conversion_drop', 'refund_spike']) {
    const inc = incidents.find((i) => i.kind === kind)!;
    assert.ok(found.has(inc.incident_id), `${kind} ${inc.shop_id} ${inc.start_day}…${inc.end_day} must be found`);
  }
  assert.equal(recall, 1, `recall ${recall}`);
  assert.ok(falsePerShopMonth <= 0.2, `false alerts per shop-month ${falsePerShopMonth.toFixed(3)}`);
  assert.ok(precision >= 0.12, `precision ${precision.toFixed(3)}`);
});
