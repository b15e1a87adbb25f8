/**
 * Masking of buyers' personal information (PIPL). Columns of the canonical model carry their
 * PII kind (`.pii`); a reader without `pii:read` sees the masked form. Masks keep enough to
 * recognise a buyer on a call (last digits, the province) and nothing more.
 */
import type { PiiKind, Columns } from '../model/index.js';
import type { Principal } from './principal.js';

const keepEnds = (s: string, head: number, tail: number, star = '*'): string => {
  const chars = [...s];
  if (chars.length <= head + tail) return chars.length <= 1 ? star : chars[0] + star.repeat(chars.length - 1);
  return chars.slice(0, head).join('') + star.repeat(Math.max(1, chars.length - head - tail)) + chars.slice(chars.length - tail).join('');
};

/** 13812341234 → 138****1234; +86 138 1234 1234 keeps its digits only. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 11) {
    const d = digits.slice(-11);
    return `${d.slice(0, 3)}****${d.slice(7)}`;
  }
  // Landlines and short numbers: keep the first 3 and last 4 when at least one digit stays hidden.
  if (digits.length >= 8) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  return '*'.repeat(Math.max(digits.length, 1));
}

/** 张三丰 → 张**; a two-character name → 张*. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/**
 * Keeps the region down to the city (浙江省杭州市, 上海市) and hides the district, street and
 * number; an address without a recognisable city keeps its first third (at most 6 characters).
 */
export function maskAddress(address: string): string {
  const text = address.trim();
  if (text === '') return '';
  const region = /^.{0,12}?(?:市|自治州|地区|盟)/u.exec(text) ?? /^.{0,8}?(?:省|自治区)/u.exec(text);
  if (region && region[0].length < [...text].length) return region[0] + '****';
  return [...text].slice(0, Math.min(6, Math.floor([...text].length / 3))).join('') + '****';
}

/** tb_lucky2020 → t**********0 */
export function maskAccount(account: string): string {
  return keepEnds(account.trim(), 1, 1);
}

export const maskers: Record<PiiKind, (value: string) => string> = {
  name: maskName,
  phone: maskPhone,
  address: maskAddress,
  account: maskAccount,
};

/** Which output columns hold personal information, by PII kind. */
export type ColumnsPii = Readonly<Record<string, PiiKind | undefined>>;

/** The PII map of a canonical table's columns. */
export function piiOfColumns(columns: Columns): ColumnsPii {
  const out: Record<string, PiiKind> = {};
  for (const [name, col] of Object.entries(columns)) if (col.pii) out[name] = col.pii;
  return out;
}

export function maskRow<R extends Record<string, unknown>>(row: R, columnsPii: ColumnsPii, principal: Principal): R {
  if (principal.permissions.has('pii:read')) return row;
  let out: Record<string, unknown> | undefined;
  for (const [col, kind] of Object.entries(columnsPii)) {
    const v = row[col];
    if (kind === undefined || typeof v !== 'string') continue;
    out ??= { ...row };
    out[col] = maskers[kind](v);
  }
  return (out ?? row) as R;
}

export function maskRows<R extends Record<string, unknown>>(rows: readonly R[], columnsPii: ColumnsPii, principal: Principal): R[] {
  return rows.map((r) => maskRow(r, columnsPii, principal));
}
