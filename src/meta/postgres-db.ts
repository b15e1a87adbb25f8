import pg from 'pg';
import type { MetaRow, MetaValue, SqlDb } from './sql-db.js';

/** `?` → `$n`. Repository SQL never holds a literal `?` (values are bound, not spliced). */
export function toPgPlaceholders(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

type Queryable = pg.Pool | pg.PoolClient;

class PgConn implements SqlDb {
  readonly dialect = 'postgres' as const;
  constructor(protected readonly q: Queryable, readonly location: string) {}

  async all<R extends MetaRow = MetaRow>(sql: string, params: readonly MetaValue[] = []): Promise<R[]> {
    const r = await this.q.query(toPgPlaceholders(sql), params as MetaValue[]);
    return r.rows as R[];
  }

  async run(sql: string, params: readonly MetaValue[] = []): Promise<number> {
    const r = await this.q.query(toPgPlaceholders(sql), params as MetaValue[]);
    return r.rowCount ?? 0;
  }

  async script(sql: string): Promise<void> {
    await this.q.query(sql);
  }

  async transaction<T>(fn: (db: SqlDb) => Promise<T>): Promise<T> {
    return fn(this);
  }

  async close(): Promise<void> {}
}

export class PostgresDb extends PgConn {
  private constructor(private readonly pool: pg.Pool, location: string) {
    super(pool, location);
  }

  static async open(url: string): Promise<PostgresDb> {
    const pool = new pg.Pool({ connectionString: url, max: 5 });
    // Fail at open, not at the first request, when the server is missing or the URL is wrong.
    const client = await pool.connect().catch(async (e) => {
      await pool.end();
      throw e;
    });
    client.release();
    return new PostgresDb(pool, url.replace(/\/\/[^@/]*@/, '//***@'));
  }

  override async transaction<T>(fn: (db: SqlDb) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(new PgConn(client, this.location));
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  override async close(): Promise<void> {
    await this.pool.end();
  }
}
