/**
 * 人群名单: the buyers of one RFM segment — who to win back, who to thank — to export for a
 * 人群包 or an SMS campaign. For roles that may read buyer lists (customers:read).
 */
import { Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useAnalysis } from '../api/queries';
import { holds, useSession } from '../api/session';
import { AnalysisPanel } from '../components/analysis-panel';
import { apiFilters, useFilters } from '../filters/use-filters';
import { useI18n } from '../i18n/i18n';
import { formatValue } from '../lib/format';

/** The page shows the first rows; the export takes the whole segment up to this many. */
const EXPORT_LIMIT = 100_000;

export function SegmentBuyers() {
  const { t, pick, lang } = useI18n();
  const session = useSession();
  const { filters } = useFilters();
  const [segment, setSegment] = useState<string>();
  // the same request as the RFM panel above: answered from its cache
  const rfm = useAnalysis(holds(session, ['customers:read']) ? 'rfm' : null, { from: filters.from, to: filters.to, filters: apiFilters(filters), options: {} });
  if (!holds(session, ['customers:read'])) return null;
  const segments = (rfm.data?.tables.segments?.rows ?? []) as { segment: string; segment_zh: string; segment_en: string; buyers: number }[];
  const name = segments.find((s) => s.segment === segment);
  return (
    <Card size="small" title={t('segmentBuyers')} data-testid="segment-buyers">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select style={{ width: 280 }} placeholder={t('segmentPick')} value={segment} onChange={setSegment} data-testid="segment-pick"
            options={segments.filter((s) => s.buyers > 0).map((s) => ({ value: s.segment, label: `${pick({ zh: s.segment_zh, en: s.segment_en })}(${formatValue(s.buyers, 'count', lang)})` }))} />
          <Typography.Text type="secondary">{t('segmentBuyersHint').replace('{n}', formatValue(EXPORT_LIMIT, 'count', lang))}</Typography.Text>
        </Space>
        {segment && (
          <AnalysisPanel name="rfm" title={`${t('segmentBuyers')} · ${name ? pick({ zh: name.segment_zh, en: name.segment_en }) : segment}`}
            options={{ list: segment }} exportOptions={{ list: segment, limit: EXPORT_LIMIT }} tables={['buyers']} summary={false} testId="rfm-buyers" />
        )}
      </Space>
    </Card>
  );
}
