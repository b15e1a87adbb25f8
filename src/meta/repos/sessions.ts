import { toNumber, type MetaRow, type SqlDb } from '../sql-db.js';

export interface SessionRecord {
  /** SHA-256 of the cookie value; the value itself is never stored */
  readonly idHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface SessionRepo {
  create(s: Omit<SessionRecord, 'createdAt'>): Promise<void>;
  /** the session, unless it has expired */
  get(idHash: string, now?: number): Promise<SessionRecord | undefined>;
  delete(idHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<number>;
  deleteExpired(now?: number): Promise<number>;
}

const fromRow = (r: MetaRow): SessionRecord => ({
  idHash: String(r.id_hash),
  userId: String(r.user_id),
  csrfToken: String(r.csrf_token),
  createdAt: toNumber(r.created_at),
  expiresAt: toNumber(r.expires_at),
  ip: r.ip === null ? null : String(r.ip),
  userAgent: r.user_agent === null ? null : String(r.user_agent),
});

export function sessionRepo(db: SqlDb): SessionRepo {
  return {
    async create(s) {
      await db.run(
        'INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [s.idHash, s.userId, s.csrfToken, Date.now(), s.expiresAt, s.ip, s.userAgent],
      );
    },
    async get(idHash, now = Date.now()) {
      const [r] = await db.all('SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?', [idHash, now]);
      return r ? fromRow(r) : undefined;
    },
    async delete(idHash) {
      await db.run('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
    },
    async deleteForUser(userId) {
      return db.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
    },
    async deleteExpired(now = Date.now()) {
      return db.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);
    },
  };
}
