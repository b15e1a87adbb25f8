/** What the detectors read: per entity, one point per business day. */

export interface DayPoint {
  /** the metric over the trailing window ending this day; null = no data (e.g. 0/0) */
  readonly value: number | null;
  /** the rule's volume metric over the same window, when it has one */
  readonly volume?: number | null;
  /** a comparison metric (threshold `againstMetric`) over the same window */
  readonly against?: number | null;
}

export interface EntitySeries {
  /** stable key of the entity: its dimension values joined */
  readonly key: string;
  /** dimension → value, e.g. { shop: 'jd_pop', sku: 'JD-001' }; {} for the whole scope */
  readonly entity: Readonly<Record<string, string>>;
  readonly points: ReadonlyMap<string, DayPoint>;
}

export function entityKey(entity: Readonly<Record<string, string>>): string {
  const keys = Object.keys(entity).sort();
  return keys.length === 0 ? '*' : keys.map((k) => `${k}=${entity[k]}`).join('|');
}
