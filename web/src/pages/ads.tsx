import { AnalysisPanel } from '../components/analysis-panel';
import { MetricBoard } from '../components/metric-board';

export function Page() {
  return (
    <MetricBoard
      title="navAds"
      tiles={['ad_cost', 'roi', 'overall_roi', 'cac', 'ctr', 'cpc']}
      trend={['ad_cost']}
      breakdowns={[{ dimension: 'channel', metrics: ['ad_cost'], chart: 'pie' }, { dimension: 'channel', metrics: ['roi'], chart: 'bar' }]}
    >
      <AnalysisPanel name="channel" />
    </MetricBoard>
  );
}
