/**
 * The import log, quarantine and quality report live in the warehouse beside the data, so a
 * run's record commits (or rolls back) atomically with what it loaded.
 */
import { bool, int, json, str, ts } from './columns.js';
import { defineTable } from './table.js';

export const importRuns = defineTable({
  name: 'import_runs',
  grain: 'one row per import run (one file)',
  key: ['run_id'],
  columns: {
    run_id: str('run id, e.g. r20260301-101500-3f2a9c'),
    started_at: ts('start, UTC'),
    finished_at: ts('end, UTC'),
    file: str('file path as given'),
    sha256: str('sha256 of the file bytes'),
    source: str('detected or named source format(s)'),
    encoding: str('utf-8 | utf-8-bom | gb18030 | xlsx …'),
    shop_ids: str('shops the run touched, comma separated'),
    status: str('committed | rejected'),
    strict: bool('--strict: any bad row rejects the file'),
    rows_read: int('data rows read'),
    rows_inserted: int('canonical rows inserted (all tables)'),
    rows_updated: int('canonical rows changed (all tables)'),
    rows_unchanged: int('canonical rows identical to what the store held'),
    rows_quarantined: int('source rows set aside with a reason'),
    duration_ms: int('wall time'),
  },
});

export const importRunTables = defineTable({
  name: 'import_run_tables',
  grain: 'one row per import run and canonical table it wrote',
  key: ['run_id', 'table_name'],
  columns: {
    run_id: str('run'),
    table_name: str('canonical table'),
    staged: int('rows the file gave'),
    duplicates: int('rows that repeated a key inside the file (last one kept)'),
    inserted: int('new rows'),
    updated: int('changed rows (newest export wins)'),
    unchanged: int('identical rows'),
    linked: int('rows that matched an order another source owns (ERP ↔ platform), not added'),
  },
});

export const importQuarantine = defineTable({
  name: 'import_quarantine',
  grain: 'one row per problem found in a source row',
  key: ['run_id', 'seq'],
  columns: {
    run_id: str('run'),
    seq: int('problem number within the run'),
    file: str('file (and #sheet)'),
    row_no: int('spreadsheet row (header is row 1)'),
    column_name: str('header of the bad cell'),
    code: str('error code'),
    value: str('the cell as read'),
    reason_zh: str('reason, Chinese'),
    reason_en: str('reason, English'),
  },
});

export const importQuality = defineTable({
  name: 'import_quality',
  grain: 'one row per import run, quality check and table',
  key: ['run_id', 'check_name', 'table_name'],
  columns: {
    run_id: str('run'),
    check_name: str('duplicates_removed | null_required | unknown_status | orders_without_lines | …'),
    table_name: str('table checked'),
    found: int('rows found'),
    examples: json('a few example keys or values'),
  },
});

/** Which source owns an order: a platform export outranks an ERP copy (cross-source linking). */
export const importOrderOrigins = defineTable({
  name: 'import_order_origins',
  grain: 'one row per order loaded by an import',
  key: ['shop_id', 'order_id'],
  columns: {
    shop_id: str('shop'),
    order_id: str('order'),
    role: str('platform | erp'),
    source: str('source format that last wrote the order'),
    run_id: str('run that last wrote the order'),
    amounts_from_lines: bool('order amounts are the sum of its lines (generic mappings without order amounts)'),
    alloc_lines: bool('the source gives no per-line paid share: lines share the order paid amount by goods amount'),
  },
});

export const importTables = [importRuns, importRunTables, importQuarantine, importQuality, importOrderOrigins] as const;
