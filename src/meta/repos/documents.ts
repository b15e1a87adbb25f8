import { toNumber, type MetaRow, type SqlDb } from '../sql-db.js';

/**
 * Objects other layers keep in the metadata store as JSON: dashboards, saved reports, alert
 * rules, actions, import runs. The owning layer validates the body (its own zod schema); the
 * store only keeps it. Kinds are listed so a typo is a compile error.
 */
export const documentKinds = ['dashboard', 'saved_report', 'alert_rule', 'alert_event', 'action', 'import_log', 'setting', 'report_schedule'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface DocumentRecord<T = unknown> {
  readonly kind: DocumentKind;
  readonly id: string;
  readonly ownerId: string | null;
  readonly body: T;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface DocumentRepo {
  /** inserts or replaces; `createdAt` survives a replace */
  put<T>(kind: DocumentKind, id: string, ownerId: string | null, body: T): Promise<DocumentRecord<T>>;
  get<T>(kind: DocumentKind, id: string): Promise<DocumentRecord<T> | undefined>;
  list<T>(kind: DocumentKind, options?: { ownerId?: string }): Promise<DocumentRecord<T>[]>;
  delete(kind: DocumentKind, id: string): Promise<boolean>;
  /** how many documents of each kind the user owns */
  countByOwner(ownerId: string): Promise<Partial<Record<DocumentKind, number>>>;
  /** hands the user's documents of `kinds` to another user; the count moved, by kind */
  transferOwner(fromId: string, toId: string, kinds: readonly DocumentKind[]): Promise<Partial<Record<DocumentKind, number>>>;
}

const fromRow = <T>(r: MetaRow): DocumentRecord<T> => ({
  kind: String(r.kind) as DocumentKind,
  id: String(r.id),
  ownerId: r.owner_id === null ? null : String(r.owner_id),
  body: JSON.parse(String(r.body)) as T,
  createdAt: toNumber(r.created_at),
  updatedAt: toNumber(r.updated_at),
});

/** bigint (money in fen) survives as decimal text instead of throwing in JSON.stringify. */
const bodyText = (body: unknown) => JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

export function documentRepo(db: SqlDb): DocumentRepo {
  const get = async <T>(kind: DocumentKind, id: string) => {
    const [r] = await db.all('SELECT * FROM documents WHERE kind = ? AND id = ?', [kind, id]);
    return r ? fromRow<T>(r) : undefined;
  };
  return {
    async put<T>(kind: DocumentKind, id: string, ownerId: string | null, body: T) {
      const now = Date.now();
      // Same statement on both engines: SQLite ≥ 3.24 and PostgreSQL both speak ON CONFLICT.
      await db.run(
        `INSERT INTO documents (kind, id, owner_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, id) DO UPDATE SET owner_id = excluded.owner_id, body = excluded.body, updated_at = excluded.updated_at`,
        [kind, id, ownerId, bodyText(body), now, now],
      );
      return (await get<T>(kind, id))!;
    },
    get,
    async list<T>(kind: DocumentKind, options: { ownerId?: string } = {}) {
      const rows = options.ownerId === undefined
        ? await db.all('SELECT * FROM documents WHERE kind = ? ORDER BY created_at, id', [kind])
        : await db.all('SELECT * FROM documents WHERE kind = ? AND owner_id = ? ORDER BY created_at, id', [kind, options.ownerId]);
      return rows.map((r) => fromRow<T>(r));
    },
    async delete(kind, id) {
      return (await db.run('DELETE FROM documents WHERE kind = ? AND id = ?', [kind, id])) > 0;
    },
    async countByOwner(ownerId) {
      const rows = await db.all('SELECT kind, count(*) AS n FROM documents WHERE owner_id = ? GROUP BY kind ORDER BY kind', [ownerId]);
      return Object.fromEntries(rows.map((r) => [String(r.kind), toNumber(r.n)]));
    },
    async transferOwner(fromId, toId, kinds) {
      const moved: Partial<Record<DocumentKind, number>> = {};
      for (const kind of kinds) {
        const n = await db.run('UPDATE documents SET owner_id = ?, updated_at = ? WHERE kind = ? AND owner_id = ?', [toId, Date.now(), kind, fromId]);
        if (n > 0) moved[kind] = n;
      }
      return moved;
    },
  };
}
