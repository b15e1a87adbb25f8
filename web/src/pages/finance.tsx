import { AnalysisPanel } from '../components/analysis-panel';
import { MetricBoard } from '../components/metric-board';

export function Page() {
  return (
    <MetricBoard
      title="navFinance"
      tiles={['net_sales', 'gross_profit', 'gross_margin', 'net_profit', 'settlement_rate', 'refund_amount']}
      trend={['net_sales', 'gross_profit']}
      breakdowns={[{ dimension: 'shop', metrics: ['gross_profit'], chart: 'bar' }]}
    >
      <AnalysisPanel name="pnl" />
      <AnalysisPanel name="reconcile" />
    </MetricBoard>
  );
}
