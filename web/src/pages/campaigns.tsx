import { useState } from 'react';
import { clearApiCache } from '../api/use-api';
import { AnalysisPanel } from '../components/analysis-panel';
import { MetricBoard } from '../components/metric-board';
import { CampaignCalendar } from './campaign-calendar';

export function Page() {
  // A campaign saved or removed moves orders between campaigns: every figure here is asked again.
  const [version, setVersion] = useState(0);
  return (
    <MetricBoard key={version} title="navCampaigns" tiles={['campaign_target_attainment', 'paid_amount', 'new_buyers', 'roi']}
      breakdowns={[{ dimension: 'campaign', metrics: ['paid_amount'], chart: 'bar' }]}>
      <AnalysisPanel name="campaign" />
      <CampaignCalendar onChange={() => { clearApiCache(); setVersion((v) => v + 1); }} />
    </MetricBoard>
  );
}
