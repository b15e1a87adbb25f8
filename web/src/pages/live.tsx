import { MetricBoard } from '../components/metric-board';

/** Live streams by their own figures (the sessions' GMV and views), not all orders of the shop. */
export function Page() {
  return (
    <MetricBoard title="navLive" tiles={['live_gmv', 'live_gpm', 'paid_amount']}
      trend={['live_gmv', 'live_gpm']}
      breakdowns={[
        { dimension: 'host', metrics: ['live_gmv'], chart: 'bar' },
        { dimension: 'live_room', metrics: ['live_gmv'], chart: 'bar' },
      ]} />
  );
}
