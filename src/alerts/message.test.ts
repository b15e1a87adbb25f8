import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { AlertEvent } from './lifecycle.js';
import { loadCatalog } from '../metrics/index.js';
import { alertMessage, ruleMetricInfo } from './message.js';
import { ruleFromTemplate } from './templates/index.js';

it('says what moved, by how much, against what baseline, and who contributed', () => {
  const rule = ruleFromTemplate('refund_rate_spike', 'refund');
  const ev: AlertEvent = {
    id: 'refund:shop=douyin_live|sku=S1:2026-05-09', ruleId: 'refund', entityKey: 'shop=douyin_live|sku=S1', entity: { shop: 'douyin_live', sku: 'S1' },
    metric: 'refund_rate', severity: 'critical', status: 'open', openedDay: '2026-05-09', lastBreachDay: '2026-05-09', clearStreak: 0,
    value: 0.38, baseline: 0.05, deltaRatio: 6.6, z: 7.25, peakValue: 0.38, shopIds: ['douyin_live'],
    contributors: [{ dimension: 'province', value: '广东', share: 0.5, current: 10, previous: 2 }],
  };
  const m = alertMessage(ev, rule, { id: 'refund_rate', name: { zh: '退款率', en: 'refund rate' }, unit: 'ratio' }, { baseUrl: 'http://127.0.0.1:7070/' });
  assert.equal(m.title.zh, '退款率飙升:店铺 douyin_live,SKU S1');
  assert.equal(m.title.en, 'Refund-rate spike: shop douyin_live, SKU S1');
  // 38 % against 5 %: +33.0 percentage points
  assert.equal(m.lines[0]!.zh, '退款率 38.0%,近期基线(中位数) 5.0%(+33.0 个百分点)');
  assert.equal(m.lines[0]!.en, 'refund rate 38.0% vs recent baseline (median) 5.0% (+33.0 pts)');
  assert.deepEqual(m.facts!.map((f) => f.value), ['退款率 / refund rate', '店铺 douyin_live,SKU S1 / shop douyin_live, SKU S1', '2026-05-09', '7.3', '广东: 50%']);
  assert.equal(m.link!.url, 'http://127.0.0.1:7070/alerts/refund%3Ashop%3Ddouyin_live%7Csku%3DS1%3A2026-05-09');
  assert.equal(m.severity, 'critical');
});

it('a rule with `per` reads as the ratio of its two metrics, in percentage points', () => {
  const catalog = loadCatalog();
  const rule = ruleFromTemplate('refund_rate_spike', 'refund');
  assert.equal(rule.per, 'paid_amount');
  const info = ruleMetricInfo(catalog, rule);
  assert.equal(info.unit, 'ratio');
  assert.equal(info.name.en, `${catalog.get(rule.metric).name.en} per ${catalog.get('paid_amount').name.en}`);
  // without `per` the catalog's own metric
  assert.equal(ruleMetricInfo(catalog, { metric: 'refund_rate' }).unit, 'ratio');
  assert.equal(ruleMetricInfo(catalog, { metric: 'refund_amount' }).unit, 'money');
});
