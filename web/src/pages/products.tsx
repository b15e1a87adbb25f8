import { Space, Typography } from 'antd';
import { AnalysisPanel } from '../components/analysis-panel';
import { MetricBoard } from '../components/metric-board';

export function Page() {
  return (
    <MetricBoard
      title="navProducts"
      tiles={['hit_sku_count', 'active_sku_rate', 'slow_moving_share', 'sell_through_rate', 'return_rate']}
      breakdowns={[{ dimension: 'sku', metrics: ['paid_amount'], chart: 'bar', limit: 15 }, { dimension: 'category_l1', metrics: ['paid_amount'], chart: 'pie' }]}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">ABC · 爆品 · 滞销</Typography.Text>
        <AnalysisPanel name="abc" />
        <AnalysisPanel name="inventory" tables={['slow_movers']} testId="analysis-slow-movers" />
      </Space>
    </MetricBoard>
  );
}
