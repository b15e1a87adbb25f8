/** Bookkeeping tables of the warehouse itself (not business data). */
import { day, int, str, ts } from './columns.js';
import { defineTable } from './table.js';

/**
 * Every load (demo, import) records which shops and days it changed, in the same
 * transaction as the data, so derived structures (rollups) know what to refresh.
 */
export const dataChanges = defineTable({
  name: 'data_changes',
  grain: 'one row per load that changed canonical data',
  key: ['change_id'],
  columns: {
    change_id: int('increasing change number'),
    changed_at: ts('when, UTC'),
    origin: str('demo | import:<run id> | …'),
    shop_id: str('shop changed; empty text for all shops'),
    from_day: day('first business day changed').nullable(),
    to_day: day('last business day changed').nullable(),
  },
});
