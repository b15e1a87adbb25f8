/**
 * Derived-metric expressions: `{a} / {b}`, `1 - {a} / {b}`, `({a} - {b}) / {c} * 1000`.
 * Parsed once into a tree; division compiles to a null-safe divide.
 */
export type Expr =
  | { k: 'ref'; id: string }
  | { k: 'num'; v: number }
  | { k: 'neg'; a: Expr }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; a: Expr; b: Expr };

const TOKEN = /\s*(?:\{([a-z][a-z0-9_]*)\}|(\d+(?:\.\d+)?)|([-+*/()]))/y;

type Tok = { ref?: string; num?: number; op?: string };

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`unexpected "${text.slice(pos).trim().slice(0, 12)}" at character ${pos + 1}`);
    pos = TOKEN.lastIndex;
    out.push(m[1] ? { ref: m[1] } : m[2] ? { num: Number(m[2]) } : { op: m[3]! });
  }
  return out;
}

/** Parses an expression; throws Error with a readable message on bad syntax. */
export function parseExpr(text: string): Expr {
  const toks = tokenize(text);
  let i = 0;
  const peek = () => toks[i];
  const primary = (): Expr => {
    const t = toks[i++];
    if (!t) throw new Error('expression ends too early');
    if (t.ref) return { k: 'ref', id: t.ref };
    if (t.num !== undefined) return { k: 'num', v: t.num };
    if (t.op === '-') return { k: 'neg', a: primary() };
    if (t.op === '(') {
      const e = sum();
      if (toks[i++]?.op !== ')') throw new Error('missing ")"');
      return e;
    }
    throw new Error(`unexpected "${t.op}"`);
  };
  const product = (): Expr => {
    let e = primary();
    while (peek()?.op === '*' || peek()?.op === '/') {
      const op = toks[i++]!.op as '*' | '/';
      e = { k: 'bin', op, a: e, b: primary() };
    }
    return e;
  };
  const sum = (): Expr => {
    let e = product();
    while (peek()?.op === '+' || peek()?.op === '-') {
      const op = toks[i++]!.op as '+' | '-';
      e = { k: 'bin', op, a: e, b: product() };
    }
    return e;
  };
  const e = sum();
  if (i < toks.length) throw new Error(`unexpected "${toks[i]!.op ?? toks[i]!.ref ?? toks[i]!.num}" after the expression`);
  return e;
}

export function refsOf(e: Expr, out: Set<string> = new Set()): Set<string> {
  if (e.k === 'ref') out.add(e.id);
  else if (e.k === 'neg') refsOf(e.a, out);
  else if (e.k === 'bin') {
    refsOf(e.a, out);
    refsOf(e.b, out);
  }
  return out;
}

/** Evaluates with JS numbers; null propagates and x / 0 is null, as in SQL. */
export function evalExpr(e: Expr, value: (id: string) => number | null): number | null {
  switch (e.k) {
    case 'ref':
      return value(e.id);
    case 'num':
      return e.v;
    case 'neg': {
      const a = evalExpr(e.a, value);
      return a === null ? null : -a;
    }
    case 'bin': {
      const a = evalExpr(e.a, value);
      const b = evalExpr(e.b, value);
      if (a === null || b === null) return null;
      if (e.op === '+') return a + b;
      if (e.op === '-') return a - b;
      if (e.op === '*') return a * b;
      return b === 0 ? null : a / b;
    }
  }
}
