import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isShopLensError } from '../../core/errors.js';
import { tempDir } from '../../../test/helpers/store.js';
import { loadCatalog } from './load.js';

/** Metric ids listed in shared/METRICS.md, read from its table (so a new row there fails here until the catalog holds it). */
function metricsMdIds(): string[] {
  const md = readFileSync(new URL('../../../../shared/METRICS.md', import.meta.url), 'utf8');
  return [...md.matchAll(/^\| ([a-z][a-z0-9_]*) \|/gm)].map((m) => m[1]!).filter((id) => id !== 'id');
}

describe('metric catalog', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());
  const write = (name: string, text: string) => {
    const p = join(tmp.dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('holds every metric of shared/METRICS.md with names, tier, definition and unit', () => {
    const c = loadCatalog();
    const ids = metricsMdIds();
    assert.equal(ids.length, 46);
    for (const id of ids) {
      const m = c.get(id);
      assert.ok(m.name.zh && m.name.en && m.definition.zh && m.definition.en, id);
      assert.ok(m.dimensions.size > 0, `${id} has no dimension`);
    }
    assert.equal(c.get('paid_amount').tier, 'strategic');
    assert.equal(c.get('cpc').tier, 'execution');
  });

  it('a user catalog adds and overrides metrics without code', () => {
    const path = write('ok.json', JSON.stringify({
      metrics: [
        { id: 'big_order_share', name: { zh: '大单占比', en: 'big-order share' }, tier: 'execution', definition: { zh: '支付金额 ≥ 200 元的订单占比', en: 'share of paid orders of 200 yuan or more' },
          unit: 'ratio', direction: 'neutral', expr: '{big_orders} / {paid_orders}' },
        { id: 'big_orders', name: { zh: '大单数', en: 'big orders' }, tier: 'execution', definition: { zh: '支付金额 ≥ 200 元的订单数', en: 'paid orders of 200 yuan or more' },
          unit: 'count', direction: 'higher_better', measure: { fact: 'orders', agg: 'count', filter: 'paid_day IS NOT NULL AND paid_amount >= 20000' } },
        { id: 'aov', name: { zh: '客单价(按订单)', en: 'AOV per order' }, tier: 'tactical', definition: { zh: '支付金额 / 支付订单数', en: 'paid_amount / paid_orders' },
          unit: 'money', direction: 'higher_better', expr: '{paid_amount} / {paid_orders}' },
      ],
    }, null, 2));
    const c = loadCatalog({ userCatalogPath: path });
    assert.equal(c.get('big_order_share').leaves.sort().join(), 'big_orders,paid_orders');
    assert.equal(c.get('aov').exprText, '{paid_amount} / {paid_orders}');
    assert.equal(c.get('aov').source.file, path);
  });

  it('a bad user catalog reports every problem with its file and line', () => {
    const text = [
      '{', //                                                    1
      '  "metrics": [', //                                       2
      '    {', //                                                3
      '      "id": "x1",', //                                    4
      '      "name": { "zh": "甲", "en": "x one" },', //          5
      '      "tier": "strategik",', //                           6
      '      "definition": { "zh": "甲", "en": "x" },', //       7
      '      "unit": "count", "direction": "neutral",', //       8
      '      "expr": "{paid_amount} / {nope}"', //               9
      '    },', //                                               10
      '    {', //                                                11
      '      "id": "x2",', //                                    12
      '      "name": { "zh": "乙", "en": "x two" }, "tier": "tactical",', // 13
      '      "definition": { "zh": "乙", "en": "x" }, "unit": "count", "direction": "neutral",', // 14
      '      "measure": { "fact": "orders", "agg": "sum", "sql": "paid_amount; DROP TABLE orders" }', // 15
      '    },', //                                               16
      '    { "id": "x3", "name": { "zh": "丙", "en": "c" }, "tier": "tactical", "definition": { "zh": "丙", "en": "c" }, "unit": "count", "direction": "neutral", "expr": "{x4} + 1" },', // 17
      '    { "id": "x4", "name": { "zh": "丁", "en": "d" }, "tier": "tactical", "definition": { "zh": "丁", "en": "d" }, "unit": "count", "direction": "neutral", "expr": "{x3} * 2" }', // 18
      '  ]', //                                                  19
      '}',
    ].join('\n');
    const path = write('bad.json', text);
    assert.throws(() => loadCatalog({ userCatalogPath: path }), (e) => {
      assert.ok(isShopLensError(e));
      assert.equal(e.code, 'METRIC_CATALOG_INVALID');
      const msg = e.messageEn;
      assert.match(msg, new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6 \\[x1\\] tier`));
      assert.match(msg, /:15 \[x2\] sql: not allowed here: ";/);
      assert.match(msg, /circular definition: x3 → x4 → x3|circular definition: x4 → x3 → x4/);
      assert.match(msg, /:17 \[x3\]|:18 \[x4\]/);
      assert.equal((e.params as { count: number }).count, 3);
      return true;
    });
  });

  it('a user catalog that is not JSON says on which line', () => {
    const path = write('broken.json', '{\n  "metrics": [\n    { "id": "a", }\n  ]\n}');
    assert.throws(() => loadCatalog({ userCatalogPath: path }), (e) => isShopLensError(e) && /broken\.json:3 not valid JSON/.test(e.messageEn));
  });

  it('an unknown metric reference in an expression is reported', () => {
    const path = write('ref.json', JSON.stringify({ metrics: [
      { id: 'y', name: { zh: '戊', en: 'y' }, tier: 'tactical', definition: { zh: '戊', en: 'y' }, unit: 'ratio', direction: 'neutral', expr: '{paid_amount} / {ghost}' },
    ] }));
    assert.throws(() => loadCatalog({ userCatalogPath: path }), (e) => isShopLensError(e) && /unknown metric \{ghost\}/.test(e.messageEn));
  });
});
