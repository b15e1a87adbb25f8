/**
 * Builds the cleaned table of a run from the raw cells read_csv gives (one VARCHAR column
 * `c<i>` per header column, read-csv.ts): one row per data row, in file order, with per field
 * the cleaned value (`f_<field>`), the problem code (`e_<field>`), for times the never-marker
 * (`n_<field>`), plus the raw cells used (for the quarantine and the JS way), the shop cells,
 * the short-row flag and `js` — a cell the SQL cleaners cannot decide exactly, whose row then
 * goes through the JS cleaners.
 */
import type { HeaderMap } from '../sources/header-map.js';
import { buyerKeySql, cellTextSql, fenSql, regionSql, idSql, intSql, vocabSql, wallTimeSql, writtenCellTextSql, type Layers } from './clean-sql.js';
import type { CleanRow, Derived, SqlSource } from './sql-source.js';
import type { ZoneSql } from './zone-sql.js';

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const rawCol = (index: number) => `c${index}`;

/** SQL of the raw cell of header column `index` in the cleaned row (alias c); `read`: the plan's indexes. */
export const rawCellSql = (read: readonly number[], index: number) => `c.raw_cells[${read.indexOf(index) + 1}]`;

export interface CleanPlan {
  /** header indexes read (the raw cells kept) */
  indexes: number[];
  /** SELECT … giving the cleaned table from `from` (the raw cells) */
  sql(from: string): string;
}

/**
 * `guarded`: the header columns whose cells may be guarded or padded (scan-csv.ts); the cell
 * text of the others is taken as written. Without it every column gets the full rules.
 */
export function cleanPlan(src: SqlSource, map: HeaderMap, shopMap: HeaderMap<'shop_id' | 'shop_name'>, width: number, guarded?: ReadonlySet<number>): CleanPlan {
  const indexes = new Set<number>([width - 1]);
  const levels: Record<string, string>[] = [];
  const put = (at: number, layers: Layers) => layers.forEach((l, k) => Object.assign((levels[at + k] ??= {}), l));
  /** cell text of a header column as `t_<name>` (layers 0–4) */
  const text = (name: string, index: number | undefined) => {
    const t = q(`t_${name}`);
    if (index === undefined) put(4, [{ [t]: 'CAST(NULL AS VARCHAR)' }]);
    else {
      indexes.add(index);
      const cellText = !guarded || guarded.has(index) ? cellTextSql : writtenCellTextSql;
      put(0, cellText(rawCol(index), (sfx) => q(`t_${name}${sfx ? `__${sfx}` : ''}`)));
    }
    return t;
  };
  const x = (f: string) => (sfx: string) => q(`x_${f}__${sfx}`);
  const out: string[] = ['rn', 'short'];
  const js: string[] = [];
  for (const [f, kind] of Object.entries(src.kinds)) {
    const t = text(f, map.get(f)?.index);
    if (kind === 'text') { out.push(`${t} AS ${q(`f_${f}`)}`); continue; }
    if (kind === 'buyer') {
      put(5, [{ [x(f)('v')]: buyerKeySql(t) }]);
      out.push(`${x(f)('v')} AS ${q(`f_${f}`)}`);
      continue;
    }
    if (kind === 'address') {
      put(5, regionSql(t, x(f)));
      out.push(`${t} AS ${q(`f_${f}`)}`, `${x(f)('province')} AS ${q(`rp_${f}`)}`, `${x(f)('city')} AS ${q(`rc_${f}`)}`);
      continue;
    }
    const cleaner = { id: idSql, fen: fenSql, int: intSql, time: wallTimeSql }[kind];
    put(5, cleaner(t, x(f)));
    out.push(`${x(f)('v')} AS ${q(`f_${f}`)}`, `${x(f)('e')} AS ${q(`e_${f}`)}`);
    if (kind === 'time') out.push(`${x(f)('never')} AS ${q(`n_${f}`)}`);
    if (kind !== 'id') js.push(x(f)('js'));
  }
  put(5, vocabSql(q(`t_${src.status.field}`), src.status.vocab, (sfx) => (sfx ? `m__status__${sfx}` : 'm__status')));
  js.push('m__status__js');
  for (const [f, vocab] of Object.entries(src.vocabs ?? {})) {
    put(5, vocabSql(q(`t_${f}`), vocab, (sfx) => q(sfx ? `m_${f}__${sfx}` : `m_${f}`)));
    js.push(q(`m_${f}__js`));
    out.push(q(`m_${f}`));
  }
  put(5, idSql(text('_shop_id', shopMap.get('shop_id')?.index), x('_shop_id')));
  text('_shop_name', shopMap.get('shop_name')?.index);
  const jsSql = `(${js.join(' OR ')})`;
  out.push('m__status', `${x('_shop_id')('v')} AS sid`, 't__shop_name AS sname', `${jsSql} AS js`);
  const read = [...indexes].sort((a, b) => a - b);
  const sql = (from: string) => {
    let s = `SELECT *, ${rawCol(width - 1)} IS NULL AS short FROM ${from}`;
    for (const level of levels) {
      if (!level) continue;
      s = `SELECT *, ${Object.entries(level).map(([name, e]) => `${e} AS ${name}`).join(',\n  ')} FROM (${s})`;
    }
    // Raw cells are kept only where the quarantine or the JS way may need them: memory.
    const errors = Object.entries(src.kinds).filter(([, k]) => !['text', 'buyer', 'address'].includes(k)).map(([f]) => `${x(f)('e')} IS NOT NULL`);
    const missing = [...src.head, ...src.tail].filter(([, req]) => req).map(([f]) => `${q(`t_${f}`)} IS NULL`);
    const keep = `(${jsSql} OR short OR ${[...errors, ...missing].join(' OR ')} OR (${x('_shop_id')('v')} IS NULL AND t__shop_name IS NULL))`;
    // One list column: a NULL list costs a row far less than as many NULL text columns.
    return `SELECT ${[...out, `CASE WHEN ${keep} THEN [${read.map(rawCol).join(', ')}] END AS raw_cells`].join(', ')} FROM (${s})`;
  };
  return { indexes: read, sql };
}

/**
 * The cleaned row (alias `c`) as the emit functions of a SQL normalizer see it, and the FROM
 * clause giving it: `cln` plus, per time field, the UTC instant (`u_<field>`), wall → UTC in
 * two passes as core/time.ts does, one layer each so the zone's CASE stays linear in size.
 */
export function cleanRow(src: SqlSource, z: ZoneSql): CleanRow & { from: string } {
  const times = Object.keys(src.kinds).filter((f) => src.kinds[f] === 'time');
  const pass = (col: (f: string) => string, name: (f: string) => string) =>
    times.map((f) => `CASE WHEN ${q(`f_${f}`)} IS NOT NULL THEN ${q(`f_${f}`)} - ${z.offset(col(f))} END AS ${name(f)}`).join(', ');
  const base = src.derived ? withDerived(src.derived) : 'cln';
  const from = times.length === 0 ? `${base} c`
    : `(SELECT *, ${pass((f) => q(`a_${f}`), (f) => q(`u_${f}`))} FROM (SELECT *, ${pass((f) => q(`f_${f}`), (f) => q(`a_${f}`))} FROM ${base})) c`;
  return {
    from,
    v: (f) => {
      const kind = src.kinds[f];
      if (kind === undefined) throw new Error(`${src.id}: field ${f} has no kind`);
      return `c.${q(`${kind === 'time' ? 'u' : 'f'}_${f}`)}`;
    },
    region: (f) => ({ province: `c.${q(`rp_${f}`)}`, city: `c.${q(`rc_${f}`)}` }),
    status: (fallback) => `coalesce(c.m__status, ${fallback})`,
    mapped: (f, fallback) => `coalesce(c.${q(`m_${f}`)}, ${fallback})`,
    statusRaw: `coalesce(c.${q(`f_${src.status.field}`)}, '')`,
    statusKnown: `(c.m__status IS NOT NULL)`,
    d: (name) => `c.${q(`d_${name}`)}`,
  };
}

/** The TEMP table of a piece's derived values (sql-source.ts `Derived`), one row per distinct combination. */
export const DERIVED = 'cln_derived';

/** `cln` with the derived values of its rows (a NULL field matches a NULL one: a join on IS NOT DISTINCT FROM). */
function withDerived(d: Derived): string {
  const names = Object.keys(d.values((f) => f)).map((name) => `d.${q(`d_${name}`)}`);
  const on = d.of.map((f) => `c.${q(`f_${f}`)} IS NOT DISTINCT FROM d.${q(`f_${f}`)}`).join(' AND ');
  return `(SELECT c.*, ${names.join(', ')} FROM cln c LEFT JOIN ${DERIVED} d ON ${on})`;
}

export function derivedTableSql(d: Derived): string {
  const values = Object.entries(d.values((f) => q(`f_${f}`))).map(([name, sql]) => `${sql} AS ${q(`d_${name}`)}`);
  return `CREATE TEMP TABLE ${DERIVED} AS SELECT *, ${values.join(', ')} FROM (SELECT DISTINCT ${d.of.map((f) => q(`f_${f}`)).join(', ')} FROM cln)`;
}
