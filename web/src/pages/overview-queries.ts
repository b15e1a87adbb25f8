import { prefetchMetricQuery } from '../api/queries';
import type { Catalog, CatalogMetric, MetricQuery } from '../api/types';
import { apiFilters, currentLevel, parseFilters, type GlobalFilters } from '../filters/use-filters';

/** The boss's tiles, in reading order; finance tiles appear only when the catalog offers them. */
export const OVERVIEW_TILES = ['paid_amount', 'gmv', 'paid_orders', 'paying_buyers', 'aov', 'conversion_rate', 'refund_rate', 'gross_profit', 'net_profit'];
export const CAMPAIGN_METRIC = 'campaign_target_attainment';

/**
 * Every query 经营总览 sends, built in one place for the page and for `prefetchOverview`: the
 * answers are cached under the query's JSON, so both must build it field for field the same.
 * A query is null while it cannot be built yet (it depends on what the catalog offers).
 */
export function overviewQueries(filters: GlobalFilters, catalog: Catalog | undefined) {
  const base = apiFilters(filters);
  const range = { from: filters.from, to: filters.to };
  const offers = (id: string) => catalog?.metrics.some((x) => x.id === id) ?? false;
  const tiles = catalog ? OVERVIEW_TILES.filter(offers) : [];
  return {
    tiles,
    campaignAvailable: offers(CAMPAIGN_METRIC),
    tile: tiles.length ? { metrics: tiles, filters: base, ...range, compare: ['mom', 'yoy'] } satisfies MetricQuery : null,
    trend: { metrics: ['paid_amount', 'paid_orders'], filters: base, ...range, grain: 'day' } satisfies MetricQuery,
    split: { metrics: ['paid_amount'], dimensions: [currentLevel(filters)], filters: base, ...range, limit: 20 } satisfies MetricQuery,
    shop: { metrics: ['paid_amount', 'paying_buyers'], dimensions: ['shop'], filters: base, ...range } satisfies MetricQuery,
    campaign: offers(CAMPAIGN_METRIC)
      ? { metrics: [CAMPAIGN_METRIC], dimensions: ['campaign'], filters: base, ...range } satisfies MetricQuery
      : null,
  };
}

/**
 * Sends the page's queries at start-up, in parallel with the sign-in check and the catalog,
 * so the answers are there when the page mounts. Only for a URL with dates: without them the
 * page waits for the default dates anyway (DefaultDates).
 *
 * The tile and campaign queries depend on what the catalog offers this user. Waiting for the
 * catalog would put them behind the app's first render (its answer is read on the main thread),
 * so they are sent for a catalog that offers everything — what an owner or a finance user sees.
 * For anyone else the guess names a metric they may not see and the server refuses it (quietly);
 * the page then sends its own query once the catalog is in, as it would without a prefetch.
 */
export function prefetchOverview(search: URLSearchParams): void {
  if (!search.get('from') || !search.get('to')) return;
  const everything: Catalog = { metrics: [...OVERVIEW_TILES, CAMPAIGN_METRIC].map((id) => ({ id }) as CatalogMetric), dimensions: [] };
  const q = overviewQueries(parseFilters(search), everything);
  for (const query of [q.tile, q.trend, q.split, q.shop, q.campaign]) prefetchMetricQuery(query);
}
