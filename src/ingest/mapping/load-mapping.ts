import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fail } from '../../core/errors.js';
import { isValidTimeZone } from '../../core/time.js';
import { IngestErrors as E } from '../errors.js';
import { openTable } from '../read/open-table.js';
import { cellText, headerKey } from '../clean/text.js';
import { lineFields, mappingSchema, orderFields, type Mapping } from './mapping-schema.js';

export async function loadMapping(path: string): Promise<Mapping> {
  const file = basename(path);
  const text = await readFile(path, 'utf8').catch(() => fail(E.INGEST_FILE_MISSING, { file: path }));
  let json: unknown;
  try { json = JSON.parse(text); } catch (e) { fail(E.INGEST_MAPPING_INVALID, { file, detail: (e as Error).message }); }
  const r = mappingSchema.safeParse(json);
  if (!r.success) fail(E.INGEST_MAPPING_INVALID, { file, detail: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  const m = r.data;
  const allowed: readonly string[] = m.kind === 'orders' ? orderFields : lineFields;
  const problems = [
    ...Object.keys(m.columns).filter((f) => !allowed.includes(f)).map((f) => `columns.${f}: unknown field (allowed: ${allowed.join(', ')})`),
    ...(m.timezone && !isValidTimeZone(m.timezone) ? [`timezone: unknown zone ${m.timezone}`] : []),
    ...(!m.columns.order_id && !m.orderIdFromRow ? ['columns.order_id or orderIdFromRow is required'] : []),
    ...(!m.columns.created_at && m.kind === 'orders' ? ['columns.created_at is required'] : []),
  ];
  if (problems.length) fail(E.INGEST_MAPPING_INVALID, { file, detail: problems.join('; ') });
  return m;
}

/** Loads the lookup tables a mapping names (files beside the data file): key → value. */
export async function loadLookups(m: Mapping, dataFile: string): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const [field, l] of Object.entries(m.lookups)) {
    const path = isAbsolute(l.file) ? l.file : join(dirname(dataFile), l.file);
    const opened = await openTable(path);
    const map = new Map<string, string>();
    for await (const part of opened.parts) {
      const keys = part.header.map(headerKey);
      const ki = keys.indexOf(headerKey(l.key));
      const vi = keys.indexOf(headerKey(l.value));
      if (ki < 0 || vi < 0) fail(E.INGEST_MAPPING_INVALID, { file: basename(path), detail: `lookup needs columns ${l.key} and ${l.value}` });
      for await (const batch of part.rows) {
        for (const row of batch) {
          const k = cellText(row.cells[ki]);
          const v = cellText(row.cells[vi]);
          if (k !== undefined && v !== undefined) map.set(k, v);
        }
      }
    }
    out.set(field, map);
  }
  return out;
}
