/**
 * The eight standard RFM segments (RFM 八大客户群) of Chinese e-commerce operations: each of
 * R, F and M is "high" when its score reaches the high mark (default 3 of 5), and the
 * three high/low flags name the segment.
 */
import type { Bilingual } from '../result.js';

export interface Segment extends Bilingual {
  code: string;
  r: boolean;
  f: boolean;
  m: boolean;
}

export const rfmSegments: readonly Segment[] = [
  { code: 'important_value', zh: '重要价值客户', en: 'important value', r: true, f: true, m: true },
  { code: 'important_develop', zh: '重要发展客户', en: 'important to develop', r: true, f: false, m: true },
  { code: 'important_keep', zh: '重要保持客户', en: 'important to keep', r: false, f: true, m: true },
  { code: 'important_winback', zh: '重要挽留客户', en: 'important to win back', r: false, f: false, m: true },
  { code: 'general_value', zh: '一般价值客户', en: 'general value', r: true, f: true, m: false },
  { code: 'general_develop', zh: '一般发展客户', en: 'general to develop', r: true, f: false, m: false },
  { code: 'general_keep', zh: '一般保持客户', en: 'general to keep', r: false, f: true, m: false },
  { code: 'general_winback', zh: '一般挽留客户', en: 'general to win back', r: false, f: false, m: false },
];

/** SQL CASE naming each buyer's segment code from its r/f/m scores. */
export function segmentCaseSql(high: number): string {
  const flag = (col: string, on: boolean) => `${col} ${on ? '>=' : '<'} ${high}`;
  const whens = rfmSegments.map((s) => `WHEN ${flag('r_score', s.r)} AND ${flag('f_score', s.f)} AND ${flag('m_score', s.m)} THEN '${s.code}'`);
  return `CASE ${whens.join(' ')} END`;
}
