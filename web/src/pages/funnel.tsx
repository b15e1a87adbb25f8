import { MetricBoard } from '../components/metric-board';
import { AnalysisPanel } from '../components/analysis-panel';
import { funnelChart } from '../lib/analysis-charts';

export function Page() {
  return (
    <MetricBoard
      title="navFunnel"
      tiles={['visitors', 'page_views', 'pv_per_visitor', 'add_to_cart_rate', 'cart_abandon_rate', 'conversion_rate', 'bounce_rate']}
      trend={['visitors', 'paying_buyers']}
      breakdowns={[{ dimension: 'source', metrics: ['visitors'], chart: 'bar' }, { dimension: 'source', metrics: ['conversion_rate'], chart: 'bar' }]}
    >
      <AnalysisPanel name="funnel" chart={funnelChart} />
    </MetricBoard>
  );
}
