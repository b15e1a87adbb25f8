import { toNumber, toNumberOrNull, type MetaRow, type SqlDb } from '../sql-db.js';
import { newId } from './util.js';

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  /** SHA-256 of the token; the token itself is shown once and never stored */
  readonly tokenHash: string;
  /** the token's scope: a subset of its owner's permissions at the time of use */
  readonly permissions: readonly string[];
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly lastUsedAt: number | null;
  readonly revokedAt: number | null;
}

export interface ApiTokenRepo {
  create(t: { userId: string; name: string; tokenHash: string; permissions: readonly string[]; expiresAt: number | null }): Promise<ApiTokenRecord>;
  /** a live token: not revoked, not expired */
  byHash(tokenHash: string, now?: number): Promise<ApiTokenRecord | undefined>;
  listForUser(userId: string): Promise<ApiTokenRecord[]>;
  revoke(id: string, userId: string): Promise<boolean>;
  touch(id: string, now?: number): Promise<void>;
}

const fromRow = (r: MetaRow): ApiTokenRecord => ({
  id: String(r.id),
  userId: String(r.user_id),
  name: String(r.name),
  tokenHash: String(r.token_hash),
  permissions: JSON.parse(String(r.permissions)) as string[],
  createdAt: toNumber(r.created_at),
  expiresAt: toNumberOrNull(r.expires_at),
  lastUsedAt: toNumberOrNull(r.last_used_at),
  revokedAt: toNumberOrNull(r.revoked_at),
});

export function apiTokenRepo(db: SqlDb): ApiTokenRepo {
  const get = async (id: string) => {
    const [r] = await db.all('SELECT * FROM api_tokens WHERE id = ?', [id]);
    return r ? fromRow(r) : undefined;
  };
  return {
    async create(t) {
      const id = newId('tok');
      await db.run(
        'INSERT INTO api_tokens (id, user_id, name, token_hash, permissions, created_at, expires_at, last_used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)',
        [id, t.userId, t.name, t.tokenHash, JSON.stringify(t.permissions), Date.now(), t.expiresAt],
      );
      return (await get(id))!;
    },
    async byHash(tokenHash, now = Date.now()) {
      const [r] = await db.all(
        'SELECT * FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)',
        [tokenHash, now],
      );
      return r ? fromRow(r) : undefined;
    },
    async listForUser(userId) {
      return (await db.all('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at, id', [userId])).map(fromRow);
    },
    async revoke(id, userId) {
      return (await db.run('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL', [Date.now(), id, userId])) > 0;
    },
    async touch(id, now = Date.now()) {
      await db.run('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', [now, id]);
    },
  };
}
