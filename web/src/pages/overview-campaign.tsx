import { Card, Empty, Progress, Space, Typography } from 'antd';
import { useMetricQuery } from '../api/queries';
import type { MetricQuery } from '../api/types';
import { Async } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { formatValue, toNumber } from '../lib/format';
import { useLabels } from '../lib/use-labels';
import { CAMPAIGN_METRIC as METRIC } from './overview-queries';

/**
 * The running campaign(s) in the selected dates: paid amount against the GMV target. `query` is
 * null when the catalog does not offer the metric (overviewQueries).
 */
export function CampaignAttainment({ query }: { query: MetricQuery | null }) {
  const { t, lang } = useI18n();
  const labels = useLabels();
  const q = useMetricQuery(query);
  if (query === null) return null;
  return (
    <Card size="small" title={t('campaignAttainment')} data-testid="campaign-attainment">
      <Async state={q}>
        {(d) => {
          const rows = d.rows.filter((r) => toNumber(r[METRIC] ?? null) !== null && r.campaign !== null);
          if (rows.length === 0) return <Empty description={t('noRunningCampaign')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
          return (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {rows.map((r) => {
                const v = toNumber(r[METRIC] ?? null) ?? 0;
                return (
                  <div key={String(r.campaign)}>
                    <Typography.Text strong>{labels.value('campaign', r.campaign)}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{formatValue(v, 'ratio', lang)}</Typography.Text>
                    <Progress percent={Math.round(v * 1000) / 10} status={v >= 1 ? 'success' : 'active'} />
                  </div>
                );
              })}
            </Space>
          );
        }}
      </Async>
    </Card>
  );
}
