/**
 * Money is integer fen (1/100 yuan) everywhere inside ShopLens: it sums exactly in every
 * engine. These are the only conversions between fen and decimal text.
 */

export type Fen = bigint;

/** 129900n → "1299.00"; -5n → "-0.05". */
export function fenToDecimal(fen: bigint | number): string {
  const v = typeof fen === 'bigint' ? fen : BigInt(fen);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${yuan}.${cents}`;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d{0,2}))?$/;

/** "1299.00" → 129900n. Returns undefined for anything that is not a plain decimal with at most 2 places. */
export function decimalToFen(text: string): bigint | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m) return undefined;
  const cents = (m[3] ?? '').padEnd(2, '0');
  const v = BigInt(m[2]!) * 100n + BigInt(cents);
  return m[1] ? -v : v;
}

/** fen as a JS number for generators and charts; throws if it cannot be exact. */
export function fenToNumber(fen: bigint): number {
  if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`fen amount ${fen} exceeds the exact range of a JS number`);
  }
  return Number(fen);
}
