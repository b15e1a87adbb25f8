import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MetaRow, MetaValue, SqlDb } from './sql-db.js';

/**
 * better-sqlite3 is synchronous; the async surface matches PostgreSQL. A transaction holds a
 * promise-chain lock so two requests never interleave statements inside one BEGIN … COMMIT.
 */
export class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  private lock: Promise<unknown> = Promise.resolve();
  private inTx = false;

  private constructor(private readonly db: Database.Database, readonly location: string) {}

  static open(path: string): SqliteDb {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return new SqliteDb(db, path);
  }

  private async exclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    if (this.inTx) return fn();
    const prev = this.lock;
    let release!: () => void;
    this.lock = new Promise<void>((r) => (release = r));
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }

  async all<R extends MetaRow = MetaRow>(sql: string, params: readonly MetaValue[] = []): Promise<R[]> {
    return this.exclusive(() => this.db.prepare(sql).all(...params) as R[]);
  }

  async run(sql: string, params: readonly MetaValue[] = []): Promise<number> {
    return this.exclusive(() => this.db.prepare(sql).run(...params).changes);
  }

  async script(sql: string): Promise<void> {
    await this.exclusive(() => this.db.exec(sql));
  }

  async transaction<T>(fn: (db: SqlDb) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    return this.exclusive(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      this.inTx = true;
      try {
        const out = await fn(this);
        this.db.exec('COMMIT');
        return out;
      } catch (e) {
        this.db.exec('ROLLBACK');
        throw e;
      } finally {
        this.inTx = false;
      }
    });
  }

  async close(): Promise<void> {
    await this.lock;
    this.db.close();
  }
}
