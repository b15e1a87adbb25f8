/**
 * Answers kept until the store changes. Every load (import, demo) records a row in
 * `data_changes`, so the latest change number is part of the key and a stale answer is never
 * served; the caller's shop scope is part of the key too, so an answer never reaches someone
 * whose scope differs. Kept per warehouse: two stores (two servers in one test process) may
 * both be at change 1. A request for an answer being computed joins it rather than running the
 * same SQL again (a page and its prefetch, or one page in two tabs).
 */
import { latestDataChange, type Warehouse } from '../warehouse/index.js';

export class AnswerCache<T> {
  private readonly stores = new WeakMap<Warehouse, Map<string, Promise<T>>>();

  /** `max`: answers kept per warehouse, oldest out first. */
  constructor(private readonly max: number) {}

  /** `key` must hold everything the answer depends on besides the data: scope, request. */
  async get(wh: Warehouse, key: unknown, compute: () => Promise<T>): Promise<T> {
    let answers = this.stores.get(wh);
    if (!answers) this.stores.set(wh, (answers = new Map()));
    const k = JSON.stringify([String(await latestDataChange(wh)), key]);
    const known = answers.get(k);
    if (known) return known;
    const answer = compute();
    // A Map iterates in insertion order: the first key is the oldest.
    if (answers.size >= this.max) answers.delete(answers.keys().next().value!);
    answers.set(k, answer);
    // A failed answer is not kept: the next request tries again (and reports its own error).
    answer.catch(() => { if (answers.get(k) === answer) answers.delete(k); });
    return answer;
  }
}
