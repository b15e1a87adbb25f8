import { useEffect } from 'react';
import dayjs from 'dayjs';
import { lastDays } from '../filters/dates';
import { updateFilters } from '../filters/use-filters';
import { useLocation } from '../lib/router';
import { useFilterOptions } from './global-filters';

/**
 * With no dates in the URL, the view starts at the last 30 days that have data (not the last 30
 * calendar days, which may be empty for a store imported last week), written into the URL so
 * the view is shareable as is.
 */
export function DefaultDates() {
  const { search } = useLocation();
  const last = useFilterOptions().data?.lastDay;
  const missing = !search.get('from') || !search.get('to');
  useEffect(() => {
    if (!missing || !last) return;
    const r = lastDays(30, dayjs(last).add(1, 'day').toDate());
    updateFilters({ from: search.get('from') ?? r.from, to: search.get('to') ?? r.to });
  }, [missing, last]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}
