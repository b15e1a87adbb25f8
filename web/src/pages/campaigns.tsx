import { AnalysisPanel } from '../components/analysis-panel';
import { MetricBoard } from '../components/metric-board';

export function Page() {
  return (
    <MetricBoard title="navCampaigns" tiles={['campaign_target_attainment', 'paid_amount', 'new_buyers', 'roi']}
      breakdowns={[{ dimension: 'campaign', metrics: ['paid_amount'], chart: 'bar' }]}>
      <AnalysisPanel name="campaign" />
    </MetricBoard>
  );
}
