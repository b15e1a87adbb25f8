/** What a seller calls an expense → the canonical kind the P&L groups by. */
import type { ExpenseKind } from '../../stage/emit.js';

const WORDS: [ExpenseKind, readonly string[]][] = [
  ['commission', ['佣金', '服务费', '扣点', '手续费', 'commission']],
  ['shipping', ['快递', '物流', '运费', '配送', 'shipping']],
  ['packaging', ['包材', '包装', '耗材', 'packaging']],
  ['labour', ['人工', '工资', '薪', '人力', 'labour', 'labor']],
  ['marketing', ['推广', '营销', '广告', '直通车', '引力魔方', '千川', '投放', 'marketing']],
  ['other', ['其他', '其它', 'other']],
];

/** The kind a wording names (快递费(中通) → shipping), or undefined when it names none. */
export function expenseKind(text: string): ExpenseKind | undefined {
  const t = text.trim().toLowerCase();
  return WORDS.find(([, words]) => words.some((w) => t.includes(w)))?.[0];
}
