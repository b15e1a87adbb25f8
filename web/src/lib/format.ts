import type { Lang } from '../i18n/dict';
import type { Cell } from '../api/types';
import { dayOf } from '../filters/dates';

/**
 * Display formatting only: money arrives as exact decimal text and is shown rounded to yuan
 * (or 万/亿 in tiles); the exact value stays in tables and exports.
 */
export function toNumber(v: Cell | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

// One formatter each, made on first use: `n.toLocaleString(locale, options)` builds a new ICU
// formatter on every call (the same output, per ECMA-402), which a page of tiles pays dozens of times.
const formatters = new Map<string, Intl.NumberFormat>();
function grouped(n: number, fractionDigits: 'int' | 'fen' | 'upTo2'): string {
  let f = formatters.get(fractionDigits);
  if (!f) {
    f = new Intl.NumberFormat('zh-CN', fractionDigits === 'fen' ? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
      : fractionDigits === 'upTo2' ? { maximumFractionDigits: 2 } : {});
    formatters.set(fractionDigits, f);
  }
  return f.format(n);
}

const isMoney = (unit?: string) => unit === 'money' || unit === 'fen' || unit === 'yuan' || unit === 'CNY';
const isRatio = (unit?: string) => unit === 'ratio' || unit === 'percent' || unit === 'rate';

export function formatValue(v: Cell | undefined, unit: string | undefined, lang: Lang, compact = false): string {
  const n = toNumber(v);
  if (n === null) return v === null || v === undefined ? '—' : String(v);
  if (isRatio(unit)) return `${(n * 100).toFixed(2)}%`;
  if (isMoney(unit)) {
    // the sign before the currency: -¥10.00, as a bank statement writes it
    const sign = n < 0 ? '-' : '';
    if (compact) return `${sign}¥${compactNumber(Math.abs(n), lang)}`;
    return typeof v === 'string' && /^-?\d+\.\d{2}$/.test(v) ? `${sign}¥${groupDigits(v.replace(/^-/, ''))}` : `${sign}¥${grouped(Math.abs(n), 'fen')}`;
  }
  const plain = compact ? compactNumber(n, lang) : Number.isInteger(n) ? grouped(n, 'int') : grouped(n, 'upTo2');
  const per = DURATION[unit ?? ''];
  return per ? `${plain} ${per[lang]}` : plain;
}

/** A duration says what it counts: 31.18 秒, 15.98 小时, 21.41 天. */
const DURATION: Record<string, Record<Lang, string>> = {
  seconds: { zh: '秒', en: 's' }, hours: { zh: '小时', en: 'h' }, days: { zh: '天', en: 'days' },
};

/** "1234567.89" → "1,234,567.89" without going through a float. */
function groupDigits(text: string): string {
  const [int, frac] = text.split('.');
  const neg = int!.startsWith('-');
  const digits = neg ? int!.slice(1) : int!;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
}

function compactNumber(n: number, lang: Lang): string {
  const abs = Math.abs(n);
  if (lang === 'zh') {
    if (abs >= 1e8) return `${(n / 1e8).toFixed(2)}亿`;
    if (abs >= 1e4) return `${(n / 1e4).toFixed(2)}万`;
  } else {
    if (abs >= 1e9) return `${(n / 1e9).toFixed(2)}B`;
    if (abs >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
    if (abs >= 1e4) return `${(n / 1e3).toFixed(1)}K`;
  }
  return Number.isInteger(n) ? grouped(n, 'int') : n.toFixed(2);
}

/** Relative change current vs previous; null when the base is 0 or missing. */
export function relChange(cur: Cell | undefined, prev: Cell | undefined): number | null {
  const c = toNumber(cur);
  const p = toNumber(prev);
  if (c === null || p === null || p === 0) return null;
  return (c - p) / Math.abs(p);
}

/** An ISO instant as the viewer's local wall clock: "2026-11-22 22:11:24". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${dayOf(d)} ${d.toTimeString().slice(0, 8)}`;
}
