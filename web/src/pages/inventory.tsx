import { AnalysisPanel } from '../components/analysis-panel';
import { MetricBoard } from '../components/metric-board';

export function Page() {
  return (
    <MetricBoard title="navInventory" tiles={['days_of_cover', 'inventory_turnover_days', 'sell_through_rate', 'slow_moving_share', 'active_sku_rate']}>
      <AnalysisPanel name="inventory" />
    </MetricBoard>
  );
}
