/**
 * The cleaners of clean/*.ts as DuckDB SQL, one builder per cleaner. Each takes the column
 * holding a cell and returns layers of named expressions (SQL has no `let`: a layer's
 * expressions use the names of the layers before it; clean-table.ts nests them as
 * sub-selects), ending with the value, the problem code (NULL when fine) and for some a flag
 * for "the JS way must decide". They must give exactly what the JS cleaners give;
 * `fast.integration.test.ts` runs every fixture through both paths and compares.
 *
 * Two JS details matter here: `\s` and `trim()` mean every Unicode space (RE2's `\s` is ASCII
 * only, so the class is spelled out), and `fold()` is NFKC, which SQL does not have. The SQL
 * folds the full-width forms (`１２，：`) and `￥`; a cell holding any other character NFKC might
 * change is "exotic" and its row goes through the JS cleaners instead (see `exoticSql`).
 */

const JS_SPACE_CHARS = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
/** RE2 class body of JS's `\s` */
const JS_SPACE = '\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
/** Characters NFKC leaves alone or that `foldSql` maps exactly: ASCII, CJK ideographs, full-width ASCII, ideographic space, ￥ and ¥. */
const FOLD_SAFE = '\\x{00}-\\x{7f}\\x{4e00}-\\x{9fff}\\x{ff01}-\\x{ff5e}\\x{3000}\\x{ffe5}\\x{a5}';
const EMPTY = ['', '-', '--', '—', '#NULL!', '#N/A', 'null', 'NULL', 'None', 'N/A', '无'];
/** bytes of the longest spelling: a longer cell is never one, and strlen costs nothing (DuckDB stores it) */
const EMPTY_BYTES = Math.max(...EMPTY.map((s) => Buffer.byteLength(s)));

/**
 * `v` is an "empty" spelling, as IN lists of at most four: DuckDB plans a list of five or more
 * constants as a join against them, one hash join per text column (1 M rows × 22 columns: 1.4 s).
 * Cells longer than every spelling (IDs, times, titles) skip the comparisons.
 */
function isEmptySql(v: string): string {
  const lists: string[] = [];
  for (let i = 0; i < EMPTY.length; i += 4) lists.push(`${v} IN (${EMPTY.slice(i, i + 4).map(lit).join(', ')})`);
  return `(strlen(${v}) <= ${EMPTY_BYTES} AND (${lists.join(' OR ')}))`;
}

/** A SQL string literal of our own constant text (never user input). */
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

const FULL_FROM = Array.from({ length: 0x5e }, (_, i) => String.fromCharCode(0xff01 + i)).join('') + '\u3000\uffe5';
const FULL_TO = Array.from({ length: 0x5e }, (_, i) => String.fromCharCode(0x21 + i)).join('') + ' \u00a5';

/** JS `s.trim()` */
export const trimSql = (s: string) => `trim(${s}, ${lit(JS_SPACE_CHARS)})`;

/**
 * `fold()` (NFKC) for the characters `FOLD_SAFE` admits. translate() is slow (it walks its
 * whole map per character): only text holding a full-width form goes through it.
 */
export const foldSql = (s: string) =>
  `CASE WHEN regexp_matches(${s}, '[\\x{ff01}-\\x{ff5e}\\x{3000}\\x{ffe5}]') THEN translate(${s}, ${lit(FULL_FROM)}, ${lit(FULL_TO)}) ELSE ${s} END`;

/** Full-width forms of a text's ASCII punctuation (what exports write in Chinese: ，：（）). */
export const fullWidth = (s: string) => s.replace(/[!-/:-@[-`{-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** true when the text holds a character `foldSql` cannot fold as NFKC would. */
export const exoticSql = (t: string) => `coalesce(regexp_matches(${t}, ${lit(`[^${FOLD_SAFE}]`)}), false)`;

/** Named SQL expressions per layer; a layer may use the names of earlier layers. */
export type Layers = Record<string, string>[];

/** `name(suffix)`: the column name a cleaner gives its own intermediate or result. */
export type Namer = (suffix: string) => string;

/*
 * Speed: a string function costs about as much per cell as read_csv's parsing of it, so each
 * cleaner tests the common shape with one cheap check and runs the full rules (regular
 * expressions, folding) only inside CASE branches that DuckDB evaluates for the other rows.
 */

/** At least two characters, not starting with a guard or space, not ending in a control character or space. */
const PLAIN_CELL = "[!=' \t]*[!\u0001- ]";
/** One character, neither a guard nor a space or control character. */
const PLAIN_CHAR = "[!='\u0001- ]";
/** Only ASCII digits (a non-empty cell): GLOB, because a regular expression costs ~10× more per cell. */
const digitsSql = (t: string) => `NOT ${t} GLOB '*[!0-9]*'`;
/**
 * sources/common.ts `shortHash` (FNV-1a, 32 bits, over UTF-16 code units) of text `s`, as 8 hex
 * digits: characters past U+FFFF count as their surrogate pair, as in JS.
 */
export function shortHashSql(s: string): string {
  const units = `flatten(list_transform(string_split(${s}, ''), ch -> CASE WHEN unicode(ch) > 65535
    THEN [55296 + ((unicode(ch) - 65536) >> 10), 56320 + ((unicode(ch) - 65536) & 1023)] ELSE [unicode(ch)] END))`;
  // h < 2^32 and the prime < 2^25: the product fits a BIGINT before it is cut back to 32 bits.
  const fnv = `list_reduce(${units}, (h, u) -> (xor(h, u) * 16777619) % 4294967296, 2166136261)`;
  return `CASE WHEN ${s} = '' THEN '811c9dc5' ELSE lpad(lower(hex(${fnv})), 8, '0') END`;
}

/** Only digits and hyphens (拼多多's `260312-123456789012345`): never scientific, never spaced, a valid ID as it stands. */
const idCharsSql = (t: string) => `NOT ${t} GLOB '*[!0-9-]*'`;

/**
 * `cellText()` of raw column `c`: Excel guards off, trimmed, every spelling of "empty" → NULL.
 * Result `n('')`. Fast shapes: a plain cell, and an ID behind a guard (`="123"`, tab, apostrophe).
 */
export function cellTextSql(c: string, n: Namer): Layers {
  const [shape, a, g, v] = [n('shape'), n('a'), n('g'), n('v')];
  return [
    {
      [shape]: `CASE WHEN ${c} GLOB ${lit(PLAIN_CELL)} OR ${c} GLOB ${lit(PLAIN_CHAR)} OR ${c} = '' THEN 'plain' WHEN regexp_full_match(${c}, '="[0-9]+"') THEN 'eq'
        WHEN regexp_full_match(${c}, '[\\t''][0-9]+') THEN 'lead'
        WHEN coalesce(regexp_matches(${c}, ${lit(`^[=\\t' ]|[\\x{00}-\\x{20}]$`)}), false) THEN 'guarded' ELSE 'plain' END`,
    },
    { [a]: `CASE WHEN ${shape} = 'guarded' THEN ${trimSql(c)} END` },
    {
      [g]: `CASE WHEN starts_with(${a}, '="') AND ends_with(${a}, '"') THEN CASE WHEN length(${a}) > 3 THEN substring(${a}, 3, length(${a}) - 3) ELSE '' END
        WHEN starts_with(${a}, '=') THEN substring(${a}, 2) ELSE ${a} END`,
    },
    {
      [v]: `CASE ${shape} WHEN 'plain' THEN ${c} WHEN 'eq' THEN substring(${c}, 3, length(${c}) - 3) WHEN 'lead' THEN substring(${c}, 2)
        ELSE ${trimSql(`CASE WHEN starts_with(${g}, '''') THEN substring(${g}, 2) ELSE ${g} END`)} END`,
    },
    { [n('')]: `CASE WHEN ${isEmptySql(v)} THEN NULL ELSE ${v} END` },
  ];
}

/**
 * `cellText()` of raw column `c` when the scan found none of its cells guarded or padded
 * (scan-csv.ts `guarded`): every cell is as written, only "empty" spellings become NULL.
 * Result `n('')`. The same as `cellTextSql` on such cells, without testing each cell's shape.
 */
export function writtenCellTextSql(c: string, n: Namer): Layers {
  return [{ [n('')]: `CASE WHEN ${isEmptySql(c)} THEN NULL ELSE ${c} END` }];
}

/** `parseId()` over cell text `t`: Excel scientific notation is reported, never repaired. Results `n('v')`, `n('e')`. */
export function idSql(t: string, n: Namer): Layers {
  const error = `CASE WHEN ${t} IS NULL OR (${t} <> '' AND ${idCharsSql(t)}) THEN NULL
    WHEN regexp_full_match(${t}, '[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+') OR regexp_full_match(${t}, '\\d+\\.\\d+') THEN 'INGEST_ID_SCIENTIFIC'
    WHEN regexp_matches(${t}, ${lit(`[${JS_SPACE},]`)}) THEN 'INGEST_ID_INVALID' END`;
  return [{ [n('e')]: error }, { [n('v')]: `CASE WHEN ${n('e')} IS NULL THEN ${t} END` }];
}

const DECIMAL = '^(-?)(\\d+)(?:\\.(\\d{0,2}))?$';

/**
 * `parseFen()` over cell text `t`: exact integer fen. Results `n('v')`, `n('e')`, and `n('js')`:
 * a character only NFKC folds, or more digits than a BIGINT of fen holds (the JS way decides).
 */
export function fenSql(t: string, n: Namer): Layers {
  const stripped = `regexp_replace(regexp_replace(${foldSql(t)}, ${lit(`[¥$,${JS_SPACE}]|元|RMB|CNY`)}, '', 'g'), '^\\+', '')`;
  const [fast, s, ok, p] = [n('fast'), n('s'), n('ok'), n('p')];
  return [
    // The usual 1299.00: exact through DECIMAL(18,2) (16 digits before the point fit).
    { [fast]: `coalesce(length(${t}) <= 16 AND regexp_full_match(${t}, '-?[0-9]+(\\.[0-9]{1,2})?'), false)` },
    { [s]: `CASE WHEN NOT ${fast} THEN CASE WHEN regexp_full_match(${t}, '-?\\d+(\\.\\d{1,2})?') THEN ${t} ELSE ${stripped} END END` },
    {
      [ok]: `CASE WHEN ${fast} THEN true ELSE coalesce(regexp_matches(${s}, ${lit(DECIMAL)}), false) END`,
      [p]: `CASE WHEN NOT ${fast} THEN regexp_extract(${s}, ${lit(DECIMAL)}, ['neg', 'int', 'frac']) END`,
    },
    {
      [n('v')]: `CASE WHEN ${fast} THEN CAST(CAST(${t} AS DECIMAL(18, 2)) * 100 AS BIGINT)
        WHEN ${ok} AND length(${p}.int) <= 16
        THEN (CAST(${p}.int AS BIGINT) * 100 + CAST(rpad(${p}.frac, 2, '0') AS BIGINT)) * CASE WHEN ${p}.neg = '-' THEN -1 ELSE 1 END END`,
      [n('e')]: `CASE WHEN ${t} IS NOT NULL AND NOT ${ok} THEN 'INGEST_AMOUNT_INVALID' END`,
      [n('js')]: `CASE WHEN ${fast} OR ${t} IS NULL THEN false ELSE (${ok} AND length(${p}.int) > 16) OR ${exoticSql(t)} END`,
    },
  ];
}

/** `parseInt_()` over cell text `t`. Results `n('v')`, `n('e')`, `n('js')`: NFKC or past the INTEGER range (the JS way decides). */
export function intSql(t: string, n: Namer): Layers {
  const [fast, s, ok] = [n('fast'), n('s'), n('ok')];
  return [
    { [fast]: `coalesce(length(${t}) BETWEEN 1 AND 9 AND ${digitsSql(t)}, false)` },
    { [s]: `CASE WHEN NOT ${fast} THEN regexp_replace(regexp_replace(${foldSql(t)}, ${lit(`[,${JS_SPACE}]|件`)}, '', 'g'), '\\.0+$', '') END` },
    { [ok]: `CASE WHEN ${fast} THEN true ELSE coalesce(regexp_full_match(${s}, '-?\\d+'), false) END` },
    {
      [n('v')]: `CASE WHEN ${fast} THEN CAST(${t} AS INTEGER) WHEN ${ok} AND length(${s}) <= 9 THEN CAST(${s} AS INTEGER) END`,
      [n('e')]: `CASE WHEN ${t} IS NOT NULL AND NOT ${ok} THEN 'INGEST_NUMBER_INVALID' END`,
      [n('js')]: `CASE WHEN ${fast} OR ${t} IS NULL THEN false ELSE (${ok} AND length(${s}) > 9) OR ${exoticSql(t)} END`,
    },
  ];
}

const DATE_TIME = '^(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.\\d+)?)?)?$';
/** the empty groups give the compact form the same six parts */
const COMPACT = '^(\\d{4})(\\d{2})(\\d{2})()()()$';
const PARTS = ['y', 'mo', 'd', 'h', 'mi', 'se'] as const;
/** 2026-03-01 10:00:00, hours 00–23 (two patterns: a GLOB has no alternation) */
const ISO_SHAPES = ['[01][0-9]', '2[0-3]'].map((h) => `[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] ${h}:[0-9][0-9]:[0-9][0-9]`);

/**
 * `parseLocalTime()` over cell text `t`, up to the wall clock. Results `n('v')`: the local
 * time as epoch milliseconds (the zone is applied later, zone-sql.ts); `n('never')`: JD's
 * 0001-01-01; `n('e')`; `n('js')`: a character only NFKC folds.
 */
export function wallTimeSql(t: string, n: Namer): Layers {
  const [ts, fast, s, m, k] = [n('ts'), n('fast'), n('s'), n('m'), n('k')];
  const part = (g: string) => n(`_${g}`);
  const [y, mo, d, h, mi, se] = PARTS.map(part) as [string, string, string, string, string, string];
  const list = `[${PARTS.map(lit).join(', ')}]`;
  // Date.UTC reads years 0–99 as 1900–1999.
  const year = `CASE WHEN ${y} < 100 THEN ${y} + 1900 ELSE ${y} END`;
  const slow = (e: string) => `CASE WHEN NOT ${fast} THEN ${e} END`;
  return [
    // The usual 2026-03-01 10:00:00 (years from 100): every field two or four digits, so the
    // cast's range checks (month, day of month, 59:59) are exactly the JS ones. The cast reads
    // 24:00:00 as the next day, hence hours 00–23 only (else it equals try_strptime on this
    // shape, checked for every month, day, hour, minute and second; the cast costs less).
    { [ts]: `CASE WHEN (${ISO_SHAPES.map((p) => `${t} GLOB '${p}'`).join(' OR ')}) AND ${t} >= '0100' THEN TRY_CAST(${t} AS TIMESTAMP) END` },
    { [fast]: `${ts} IS NOT NULL` },
    { [s]: slow(foldSql(t)) },
    {
      [m]: slow(`CASE WHEN regexp_full_match(${s}, ${lit(DATE_TIME)}) THEN regexp_extract(${s}, ${lit(DATE_TIME)}, ${list})
        WHEN regexp_full_match(${s}, ${lit(COMPACT)}) THEN regexp_extract(${s}, ${lit(COMPACT)}, ${list}) END`),
    },
    Object.fromEntries(PARTS.map((g) => [part(g), `coalesce(TRY_CAST(nullif(${m}.${g}, '') AS INTEGER), 0)`])),
    {
      // the month is clamped so make_date never throws; its validity is checked on its own
      [k]: `CASE WHEN ${fast} THEN 'ok' WHEN ${m} IS NULL THEN 'bad' WHEN ${y} = 1 AND ${mo} = 1 AND ${d} = 1 THEN 'never'
        WHEN ${mo} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND 31 AND ${h} <= 23 AND ${mi} <= 59 AND ${se} <= 59
          AND ${d} <= day(last_day(make_date(${year}, least(greatest(${mo}, 1), 12), 1))) THEN 'ok'
        ELSE 'bad' END`,
    },
    {
      [n('v')]: `CASE WHEN ${fast} THEN epoch_ms(${ts}) WHEN ${k} = 'ok' THEN epoch_ms(make_timestamp(${year}, ${mo}, ${d}, ${h}, ${mi}, ${se})) END`,
      [n('never')]: `coalesce(${k} = 'never', false)`,
      [n('e')]: `CASE WHEN ${t} IS NOT NULL AND ${k} = 'bad' THEN 'INGEST_DATE_INVALID' END`,
      [n('js')]: `CASE WHEN ${fast} OR ${t} IS NULL THEN false ELSE ${exoticSql(t)} END`,
    },
  ];
}

/** The key a vocabulary is looked up by (statuses.ts: folded, no spaces). */
export const vocabKeySql = (t: string) => `regexp_replace(${foldSql(t)}, ${lit(`[${JS_SPACE}]+`)}, '', 'g')`;

/**
 * `vocab.get(key)` over cell text `t`: result `n('')`, NULL when unknown, and `n('js')`: a
 * character only NFKC folds. The cell itself is tried as a key first (the usual case); only the
 * other rows are folded.
 */
export function vocabSql(t: string, vocab: ReadonlyMap<string, string>, n: Namer): Layers {
  const whens = [...vocab].map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`).join(' ');
  // The keys as exports usually write them: folded, or with full-width punctuation.
  const spelled = new Map([...vocab, ...[...vocab].map(([k, v]) => [fullWidth(k), v] as const)]);
  const direct = n('direct');
  return [
    { [direct]: `CASE ${t} ${[...spelled].map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`).join(' ')} END` },
    {
      [n('')]: `CASE WHEN ${direct} IS NOT NULL THEN ${direct} ELSE CASE ${vocabKeySql(`coalesce(${t}, '')`)} ${whens} END END`,
      [n('js')]: `CASE WHEN ${direct} IS NOT NULL OR ${t} IS NULL THEN false ELSE ${exoticSql(t)} END`,
    },
  ];
}

/** `isMasked()` */
export const maskedSql = (s: string) =>
  `(contains(${s}, '**') OR starts_with(${s}, '##') OR contains(${s}, '密文') OR (${s} <> '' AND NOT ${s} GLOB '*[!*]*'))`;

/** `buyerKey()` */
export const buyerKeySql = (t: string) => `CASE WHEN ${t} IS NOT NULL AND ${t} <> '' AND NOT ${maskedSql(t)} THEN ${t} END`;

/** `regionOf(address)` over cell text `t`: results `n('province')`, `n('city')`. */
export function regionSql(t: string, n: Namer): Layers {
  const [simple, parts, p1, p2] = [n('simple'), n('parts'), n('p1'), n('p2')];
  const kept = (p: string) => `CASE WHEN ${p} IS NOT NULL AND NOT ${maskedSql(p)} THEN ${p} END`;
  return [
    // The usual "浙江省 杭州市 西湖区 …" has single ASCII spaces only (the text is trimmed): its
    // first two parts come from split_part, at a fraction of the cost of a regular-expression split.
    { [simple]: `NOT regexp_matches(${t}, ${lit(`[${JS_SPACE.replace(' ', '')},，]|  `)})` },
    { [parts]: `CASE WHEN NOT ${simple} THEN list_filter(regexp_split_to_array(${t}, ${lit(`[${JS_SPACE},，]+`)}), x -> x <> '') END` },
    {
      [p1]: `CASE WHEN ${simple} THEN split_part(${t}, ' ', 1) ELSE ${parts}[1] END`,
      [p2]: `CASE WHEN ${simple} THEN nullif(split_part(${t}, ' ', 2), '') ELSE ${parts}[2] END`,
    },
    { [n('province')]: kept(p1), [n('city')]: kept(p2) },
  ];
}
