import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loadCatalog } from '../metrics/index.js';
import { ruleFromTemplate } from './templates/index.js';
import { loadRuleSeries } from './source.js';

it('`per` takes only metrics that add up across days, and says which one does not', async () => {
  const rule = ruleFromTemplate('refund_rate_spike', 'r', {}, { per: 'conversion_rate' });
  // the rule is refused before any query runs
  const never = async () => { throw new Error('no query expected'); };
  await assert.rejects(loadRuleSeries(never, loadCatalog(), rule, { from: '2026-05-01', to: '2026-05-02' }, { shopIds: 'all' }),
    (e: { code?: string; params?: { metric?: string } }) => e.code === 'ALERT_METRIC_UNSUPPORTED' && e.params?.metric === 'conversion_rate');
});
