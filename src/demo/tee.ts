/**
 * One deterministic producer feeding several bulk loads at once. The producer makes one
 * calendar day at a time and pushes rows of many tables into their queues; each table's
 * loader pulls from its own queue and asks for another day when it runs dry. A loader that
 * runs dry waits while any other queue is above the high-water mark, so no queue grows
 * without bound and ten million order lines stream in bounded memory.
 */
const HIGH_WATER = 20_000;

class Queue<T> {
  private chunks: T[][] = [];
  private head: T[] = [];
  private at = 0;
  size = 0;

  push(rows: T[]): void {
    if (rows.length === 0) return;
    this.chunks.push(rows);
    this.size += rows.length;
  }

  shift(): T | undefined {
    while (this.at >= this.head.length) {
      const next = this.chunks.shift();
      if (!next) return undefined;
      this.head = next;
      this.at = 0;
    }
    this.size--;
    return this.head[this.at++];
  }
}

export class Tee<Tables extends Record<string, unknown>> {
  private readonly queues = new Map<keyof Tables, Queue<unknown>>();
  private finished = false;
  private producing = false;
  private error: unknown = undefined;

  /** `step` produces one unit of work (a day) and returns false when there is nothing left. */
  constructor(names: readonly (keyof Tables)[], private readonly step: (out: Tee<Tables>) => boolean) {
    for (const n of names) this.queues.set(n, new Queue());
  }

  emit<K extends keyof Tables>(table: K, rows: Tables[K][]): void {
    const q = this.queues.get(table);
    if (!q) throw new Error(`demo: no loader for table ${String(table)}`);
    q.push(rows);
  }

  async *rows<K extends keyof Tables>(table: K): AsyncGenerator<Tables[K]> {
    const q = this.queues.get(table)! as Queue<Tables[K]>;
    for (;;) {
      const row = q.shift();
      if (row !== undefined) {
        yield row;
        continue;
      }
      if (this.error !== undefined) throw this.error;
      if (this.finished) return;
      if (this.producing || this.othersFull(q)) {
        // Let the other loaders drain (or the producer finish) before asking for more.
        await new Promise((r) => setImmediate(r));
        continue;
      }
      this.producing = true;
      try {
        if (!this.step(this)) this.finished = true;
      } catch (e) {
        // Stop every other loader too, or they would wait for a producer that is gone.
        this.error = e;
        throw e;
      } finally {
        this.producing = false;
      }
    }
  }

  private othersFull(mine: Queue<unknown>): boolean {
    for (const q of this.queues.values()) if (q !== mine && q.size > HIGH_WATER) return true;
    return false;
  }
}
