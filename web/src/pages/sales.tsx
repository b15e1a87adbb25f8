import { MetricBoard } from '../components/metric-board';

export function Page() {
  return (
    <MetricBoard
      title="navSales"
      tiles={['paid_amount', 'net_sales', 'paid_orders', 'paying_buyers', 'aov', 'order_value', 'refund_amount', 'refund_rate']}
      trend={['paid_amount', 'net_sales']}
      breakdowns={[
        { dimension: 'category_l1', metrics: ['paid_amount'], chart: 'bar' },
        { dimension: 'source', metrics: ['paid_amount'], chart: 'pie' },
        { dimension: 'province', metrics: ['paid_amount'], chart: 'bar' },
        { dimension: 'platform', metrics: ['paid_amount', 'net_sales'], chart: 'bar' },
      ]}
    />
  );
}
