/**
 * The demo's calendar: 24 months ending on the end day, a weekly rhythm, a seasonal curve,
 * steady growth, and the two big campaigns (618 and 双11) with their phases. Phase dates
 * follow recent Tmall/JD practice, simplified to one range per phase:
 *   618:  warm-up (预热) 06-01..06-15, burst (爆发) 06-16..06-18, encore (返场) 06-19..06-20
 *   双11: warm-up (预热) 10-20..10-31, burst (爆发) 11-01..11-11, encore (返场) 11-12..11-13
 * During warm-up shoppers browse and fill carts but hold back payment for the burst, so
 * traffic and add-to-cart rise more than orders.
 */
import { addDays, dayNumberToText, dayTextToNumber } from '../core/time.js';
import type { CampaignPhase } from '../model/index.js';

export interface PhaseSpec {
  phase: CampaignPhase;
  /** MM-DD, inclusive */
  from: string;
  to: string;
  /** order multiplier on ordinary days of the phase */
  orders: number;
  /** visitor multiplier (browsing) */
  traffic: number;
}

export interface CampaignSpec {
  kind: '618' | 'double11';
  zh: string;
  phases: readonly PhaseSpec[];
  /** MM-DD → extra order multiplier on the peak day itself */
  peak: { day: string; orders: number };
}

export const campaignSpecs: readonly CampaignSpec[] = [
  {
    kind: '618', zh: '618',
    phases: [
      { phase: 'warmup', from: '06-01', to: '06-15', orders: 1.25, traffic: 1.7 },
      { phase: 'burst', from: '06-16', to: '06-18', orders: 3.2, traffic: 2.6 },
      { phase: 'encore', from: '06-19', to: '06-20', orders: 1.6, traffic: 1.6 },
    ],
    peak: { day: '06-18', orders: 1.8 },
  },
  {
    kind: 'double11', zh: '双11',
    phases: [
      { phase: 'warmup', from: '10-20', to: '10-31', orders: 1.2, traffic: 1.8 },
      { phase: 'burst', from: '11-01', to: '11-11', orders: 2.4, traffic: 2.2 },
      { phase: 'encore', from: '11-12', to: '11-13', orders: 1.7, traffic: 1.6 },
    ],
    peak: { day: '11-11', orders: 3.5 },
  },
];

/** Monday … Sunday: evenings and Sundays sell more; Friday is the quiet day. */
const WEEKLY = [1.02, 0.98, 0.96, 0.95, 0.9, 1.04, 1.15] as const;
/** January … December: Spring Festival logistics pause in February, a summer lull. */
const MONTHLY = [0.95, 0.72, 0.98, 1.0, 1.02, 1.05, 0.9, 0.92, 1.0, 1.05, 1.1, 1.12] as const;
/** Share of the day's orders by local hour: lunch and the 20–23 h evening peak. */
export const HOUR_WEIGHTS = [
  2.2, 1.2, 0.6, 0.3, 0.25, 0.3, 0.7, 1.6, 2.8, 3.8, 4.3, 4.6, 5.0, 4.7, 4.4, 4.3, 4.3, 4.4, 4.5, 5.0, 6.2, 7.0, 6.8, 4.9,
] as const;
/** On a burst opening day a third of the orders land in the first hour (定金尾款 / 0点开抢). */
export const BURST_HOUR_WEIGHTS = HOUR_WEIGHTS.map((w, h) => (h === 0 ? 40 : w));

export interface DayInfo {
  /** index from the first day */
  index: number;
  day: string;
  dayNumber: number;
  /** order multiplier: growth × weekday × season × campaign */
  demand: number;
  /** visitor multiplier relative to orders (warm-up browsing) */
  trafficBoost: number;
  /** campaign id and phase the day belongs to, if any */
  campaignId: string | null;
  phase: CampaignPhase | null;
  /** first day of a burst phase, or the peak day: the midnight rush */
  midnightRush: boolean;
}

/** `demo-2025-double11`: the demo's campaigns cover every shop, and removing the demo finds them by this prefix. */
export const DEMO_CAMPAIGN_PREFIX = 'demo-';
export function campaignIdOf(kind: string, year: number): string {
  return `${DEMO_CAMPAIGN_PREFIX}${year}-${kind}`;
}

/** The days from 24 months before `endDay` (exclusive) to `endDay`, with their multipliers. */
export function buildCalendar(endDay: string): DayInfo[] {
  const end = dayTextToNumber(endDay);
  if (end === undefined) throw new RangeError(`not a day: ${endDay}`);
  const [y, m, d] = endDay.split('-').map(Number) as [number, number, number];
  // Same day two years back (29 Feb falls back to 28 Feb), then the day after it.
  const lastOfMonth = new Date(Date.UTC(y - 2, m, 0)).getUTCDate();
  const firstText = addDays(dayNumberToText(Date.UTC(y - 2, m - 1, Math.min(d, lastOfMonth)) / 86_400_000), 1);
  const first = dayTextToNumber(firstText)!;
  const days: DayInfo[] = [];
  for (let n = first; n <= end; n++) {
    const text = dayNumberToText(n);
    const date = new Date(n * 86_400_000);
    const weekday = (date.getUTCDay() + 6) % 7;
    const year = date.getUTCFullYear();
    const mmdd = text.slice(5);
    const growth = 1 + 0.3 * ((n - first) / 365);
    let demand = growth * WEEKLY[weekday]! * MONTHLY[date.getUTCMonth()]!;
    let trafficBoost = 1;
    let campaignId: string | null = null;
    let phase: CampaignPhase | null = null;
    let midnightRush = false;
    for (const c of campaignSpecs) {
      const p = c.phases.find((ph) => mmdd >= ph.from && mmdd <= ph.to);
      if (!p) continue;
      campaignId = campaignIdOf(c.kind, year);
      phase = p.phase;
      demand *= p.orders * (mmdd === c.peak.day ? c.peak.orders : 1);
      trafficBoost = p.traffic / p.orders;
      midnightRush = (p.phase === 'burst' && mmdd === p.from) || mmdd === c.peak.day;
    }
    days.push({ index: n - first, day: text, dayNumber: n, demand, trafficBoost, campaignId, phase, midnightRush });
  }
  return days;
}

/** Campaigns whose phases touch the calendar, with their phase ranges as real days. */
export function campaignsInRange(days: readonly DayInfo[]): { id: string; spec: CampaignSpec; year: number; phases: { phase: CampaignPhase; start: string; end: string }[] }[] {
  const out: ReturnType<typeof campaignsInRange> = [];
  const firstYear = Number(days[0]!.day.slice(0, 4));
  const lastYear = Number(days[days.length - 1]!.day.slice(0, 4));
  const first = days[0]!.day;
  const last = days[days.length - 1]!.day;
  for (let year = firstYear; year <= lastYear; year++) {
    for (const spec of campaignSpecs) {
      const phases = spec.phases.map((p) => ({ phase: p.phase, start: `${year}-${p.from}`, end: `${year}-${p.to}` }));
      if (phases[phases.length - 1]!.end < first || phases[0]!.start > last) continue;
      out.push({ id: campaignIdOf(spec.kind, year), spec, year, phases });
    }
  }
  return out;
}
