/** Shorthand for the built-in catalog data modules; every field is still checked by the schema at load. */
import type { MetricInput } from './schema.js';

type Names = readonly [zh: string, en: string];

export function metric(
  id: string,
  name: Names,
  tier: MetricInput['tier'],
  definition: Names,
  unit: MetricInput['unit'],
  direction: MetricInput['direction'],
  body: Pick<MetricInput, 'measure' | 'expr' | 'dimensions' | 'drivers' | 'hidden'>,
): MetricInput {
  return { id, name: { zh: name[0], en: name[1] }, tier, definition: { zh: definition[0], en: definition[1] }, unit, direction, ...body };
}

/** Paid orders only: an order belongs to the period of its paid day. */
export const PAID = 'paid_day IS NOT NULL';
