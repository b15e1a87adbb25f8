import { MetricBoard } from '../components/metric-board';

export function Page() {
  return (
    <MetricBoard title="navLive" tiles={['live_gpm', 'paid_amount', 'paid_orders']}
      trend={['live_gpm']}
      breakdowns={[{ dimension: 'live_room', metrics: ['paid_amount'], chart: 'bar' }]} />
  );
}
