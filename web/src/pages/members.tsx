import { AnalysisPanel } from '../components/analysis-panel';
import { MetricBoard } from '../components/metric-board';
import { SegmentBuyers } from './members-buyers';

export function Page() {
  return (
    <MetricBoard
      title="navMembers"
      tiles={['paying_buyers', 'new_buyers', 'returning_buyer_share', 'repurchase_rate', 'retention_next_period', 'member_active_rate', 'ltv_180']}
      trend={['new_buyers', 'paying_buyers']}
      breakdowns={[{ dimension: 'member_tier', metrics: ['paying_buyers'], chart: 'pie' }]}
    >
      <AnalysisPanel name="rfm" />
      <SegmentBuyers />
      <AnalysisPanel name="members" />
      <AnalysisPanel name="cohort" />
      <AnalysisPanel name="ltv" />
    </MetricBoard>
  );
}
