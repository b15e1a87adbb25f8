/**
 * SQL fragments of measures (`sql`, `filter`) are a small, checked language: fact columns,
 * numbers, quoted strings, comparison and arithmetic, CASE/AND/OR/NOT/IS NULL/IN and a few
 * portable functions. Anything else is a catalog error, so a catalog file can never smuggle
 * arbitrary SQL (a second statement, a comment, a subquery) into a query.
 */
const TOKEN = /\s*(?:('(?:[^']|'')*')|([A-Za-z_][A-Za-z0-9_]*)|(\d+(?:\.\d+)?)|(<>|!=|<=|>=|[-+*/%(),=<>]))/y;

const KEYWORDS = new Set(['and', 'or', 'not', 'is', 'null', 'in', 'between', 'case', 'when', 'then', 'else', 'end', 'true', 'false', 'like']);
const FUNCTIONS = new Set(['coalesce', 'abs', 'nullif', 'greatest', 'least']);

export type FragmentPart = { text: string } | { column: string };

/** Splits a fragment into literal text and column references; throws Error on anything not allowed. */
export function parseFragment(text: string, columns: ReadonlySet<string>): FragmentPart[] {
  const out: FragmentPart[] = [];
  let pos = 0;
  let depth = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`not allowed here: "${text.slice(pos).trim().slice(0, 16)}"`);
    pos = TOKEN.lastIndex;
    const [, str, ident, num, op] = m;
    if (str !== undefined || num !== undefined) out.push({ text: ` ${str ?? num}` });
    else if (op !== undefined) {
      if (op === '(') depth++;
      if (op === ')' && --depth < 0) throw new Error('unbalanced ")"');
      out.push({ text: op === '(' || op === ')' || op === ',' ? op : ` ${op}` });
    } else if (ident !== undefined) {
      const lower = ident.toLowerCase();
      if (columns.has(ident)) out.push({ column: ident });
      else if (KEYWORDS.has(lower)) out.push({ text: ` ${lower.toUpperCase()}` });
      else if (FUNCTIONS.has(lower)) out.push({ text: ` ${lower}` });
      else throw new Error(`unknown column or function "${ident}" (columns: ${[...columns].join(', ')})`);
    }
  }
  if (depth !== 0) throw new Error('unbalanced "("');
  return out;
}

/** Renders parsed parts with each column replaced by its SQL. */
export function renderFragment(parts: readonly FragmentPart[], columnSql: (name: string) => string): string {
  return parts
    .map((p) => ('column' in p ? ` ${columnSql(p.column)}` : p.text))
    .join('')
    .replace(/\( /g, '(')
    .trim();
}
