import { useMemo } from 'react';
import { setSearch, useLocation } from '../lib/router';
import { lastDays, type DayRange } from './dates';

/** Drill-down levels, outermost first: a click on a chart goes one level in. */
export const DRILL_LEVELS = ['platform', 'shop', 'category_l1', 'sku'] as const;
export type DrillLevel = (typeof DRILL_LEVELS)[number];

export interface GlobalFilters extends DayRange {
  platform: string[];
  shop: string[];
  category: string[];
  /** Drill-down steps taken, e.g. [['platform','tmall'], ['shop','tm-1']]. */
  drill: Array<[DrillLevel, string]>;
}

const list = (s: URLSearchParams, k: string) => (s.get(k) ?? '').split(',').filter(Boolean);

function parseDrill(text: string | null): Array<[DrillLevel, string]> {
  if (!text) return [];
  const out: Array<[DrillLevel, string]> = [];
  for (const part of text.split('|')) {
    const i = part.indexOf(':');
    const level = part.slice(0, i) as DrillLevel;
    if (DRILL_LEVELS.includes(level)) out.push([level, part.slice(i + 1)]);
  }
  return out;
}

/** The filters a query string holds; dates default to the last 30 days. */
export function parseFilters(search: URLSearchParams): GlobalFilters {
  const def = lastDays(30);
  return {
    from: search.get('from') ?? def.from,
    to: search.get('to') ?? def.to,
    platform: list(search, 'platform'),
    shop: list(search, 'shop'),
    category: list(search, 'category'),
    drill: parseDrill(search.get('drill')),
  };
}

/** The global filters, read from and written to the URL so a view can be bookmarked and shared. */
export function useFilters(): { filters: GlobalFilters; update: (patch: Partial<GlobalFilters>) => void } {
  const { search } = useLocation();
  const key = search.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo<GlobalFilters>(() => parseFilters(search), [key]);
  return { filters, update: updateFilters };
}

export function updateFilters(patch: Partial<GlobalFilters>): void {
  setSearch((s) => {
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'drill') {
        const d = v as GlobalFilters['drill'];
        if (d.length) s.set('drill', d.map(([l, x]) => `${l}:${x}`).join('|'));
        else s.delete('drill');
      } else if (Array.isArray(v)) {
        if (v.length) s.set(k, v.join(','));
        else s.delete(k);
      } else if (typeof v === 'string') s.set(k, v);
    }
  });
}

/** The filters as the API's query filter map: global selections plus drill-down steps. */
export function apiFilters(f: GlobalFilters): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (f.platform.length) out.platform = f.platform;
  if (f.shop.length) out.shop = f.shop;
  if (f.category.length) out.category_l1 = f.category;
  for (const [level, value] of f.drill) out[level] = [value];
  return out;
}

/** The level a chart shows now: one past the last drill step (SKU is the floor). */
export function currentLevel(f: GlobalFilters): DrillLevel {
  return DRILL_LEVELS[Math.min(f.drill.length, DRILL_LEVELS.length - 1)]!;
}
