import { MetricBoard } from '../components/metric-board';

export function Page() {
  return (
    <MetricBoard title="navCs" tiles={['cs_first_response_s', 'inquiry_conversion_rate', 'ship_within_24h_rate', 'avg_ship_hours']}
      trend={['cs_first_response_s']}
      breakdowns={[{ dimension: 'agent', metrics: ['inquiry_conversion_rate'], chart: 'bar' }]} />
  );
}
