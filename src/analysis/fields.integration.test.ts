/**
 * Every key every analysis returns has a name in both languages and a display kind, so no page
 * or export shows a seller `on_hand` or `kept_drop_off`. Run on a small demo store, where every
 * analysis has rows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../test/helpers/store.js';
import { generateDemo } from '../demo/index.js';
import { loadCatalog } from '../metrics/catalog/load.js';
import { fieldsOf } from './fields.js';
import { analyses, parseOptions, type AnalysisResult } from './index.js';

const END = '2026-06-30';
const VARIANTS: Record<string, Record<string, unknown>[]> = {
  rfm: [{ list: 'all' }], pnl: [{ by: 'month' }, { by: 'sku' }], abc: [{ by: 'category', measure: 'units' }, { by: 'customer', measure: 'gross_profit' }],
  funnel: [{ by: 'sku' }, { by: 'none' }], forecast: [{ by: 'category' }], basket: [{ item: 'category', within: 'buyer' }], cohort: [{ grain: 'week' }],
};

describe('analysis fields', () => {
  const catalog = loadCatalog();
  const results = new Map<string, AnalysisResult>();
  let store: Awaited<ReturnType<typeof tempStore>>;
  after(async () => store?.cleanup());
  before(async () => {
    store = await tempStore();
    await generateDemo(store.wh, { orderLines: 8_000, seed: 7, endDay: END });
    for (const a of analyses) {
      const shape = (a.options as unknown as { shape: Record<string, unknown> }).shape;
      const dates = { ...('from' in shape ? { from: '2026-04-01' } : {}), ...('to' in shape ? { to: END } : {}) };
      // with the tables and columns only some options bring
      for (const extra of [{}, ...(VARIANTS[a.name] ?? [])]) {
        const key = [a.name, ...Object.values(extra)].join(' ');
        results.set(key, await a.run(store.wh, parseOptions(a, { ...dates, ...extra }), { shopIds: 'all' }));
      }
    }
  });

  it('names every key of every analysis, headline figures and tables', () => {
    const unnamed: string[] = [];
    let keys = 0;
    for (const [name, r] of results) {
      const fields = fieldsOf(r, catalog);
      const places: [string, string[]][] = [['summary', Object.keys(r.summary)], ...Object.entries(r.tables).map(([t, tb]): [string, string[]] => [`tables.${t}`, Object.keys(tb.rows[0] ?? {})])];
      for (const [place, ks] of places) {
        for (const k of ks) {
          keys++;
          if (!fields[place as keyof typeof fields]?.[k]) unnamed.push(`${name} ${place} ${k}`);
        }
      }
    }
    assert.deepEqual(unnamed, []);
    // and every code a coded field holds (by: source, suggestion: increase …) has a name
    const codes = [...results.values()].flatMap((r) => {
      const fields = fieldsOf(r, catalog);
      const rows: [string, Record<string, unknown>][] = [['summary', r.summary], ...Object.entries(r.tables).flatMap(([t, tb]) => tb.rows.map((row): [string, Record<string, unknown>] => [`tables.${t}`, row]))];
      return rows.flatMap(([place, row]) => Object.entries(row)
        .filter(([k, v]) => typeof v === 'string' && v !== '' && fields[place as keyof typeof fields]?.[k]?.values && !fields[place as keyof typeof fields]![k]!.values![v])
        .map(([k, v]) => `${r.analysis} ${place} ${k}=${String(v)}`));
    });
    assert.deepEqual([...new Set(codes)], []);
    assert.ok(keys > 400, `only ${keys} keys seen: some analysis returned no rows`);
  });

  it('names a key by where it is: a catalog metric by the catalog, a pair by its stem, a cohort period by its table', () => {
    const inv = fieldsOf(results.get('inventory')!, catalog);
    assert.deepEqual(inv['tables.skus']!.on_hand, { zh: '在库', en: 'On hand', kind: 'count' });
    assert.deepEqual(inv['tables.skus']!.slow_mover, { zh: '滞销', en: 'Slow mover', kind: 'flag' });
    assert.deepEqual(inv.summary.active_sku_rate, { zh: '动销率', en: 'active SKU rate', kind: 'ratio' });
    const members = fieldsOf(results.get('members')!, catalog);
    assert.deepEqual(members['tables.layers']!.layer_zh, members['tables.layers']!.layer);
    const funnel = fieldsOf(results.get('funnel')!, catalog);
    assert.equal(funnel['tables.traffic']!.conversion_rate_prev!.zh, '上期支付转化率');
    assert.deepEqual(funnel.summary.by!.values!.source, { zh: '流量来源', en: 'traffic source' });
    const cohort = fieldsOf(results.get('cohort')!, catalog);
    assert.equal(cohort['tables.matrix']!.period!.kind, 'count');
    assert.equal(cohort['tables.periods']!.period!.kind, 'day');
  });
});
