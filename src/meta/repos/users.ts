import { fail } from '../../core/errors.js';
import { MetaErrors } from '../errors.js';
import { toNumber, toNumberOrNull, type MetaRow, type SqlDb } from '../sql-db.js';
import { isUniqueViolation, newId } from './util.js';

export interface UserRecord {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly role: string;
  /** granted shops, or 'all' */
  readonly shops: readonly string[] | 'all';
  /** granted platforms: every shop of these platforms is in scope too */
  readonly platforms: readonly string[];
  readonly disabled: boolean;
  readonly failedLogins: number;
  readonly lockedUntil: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface NewUser {
  name: string;
  displayName?: string;
  passwordHash: string;
  role: string;
  shops: readonly string[] | 'all';
  platforms?: readonly string[];
}

export type UserPatch = Partial<Pick<UserRecord, 'displayName' | 'passwordHash' | 'role' | 'shops' | 'platforms' | 'disabled'>>;

export interface UserRepo {
  create(user: NewUser): Promise<UserRecord>;
  byId(id: string): Promise<UserRecord | undefined>;
  byName(name: string): Promise<UserRecord | undefined>;
  list(): Promise<UserRecord[]>;
  count(): Promise<number>;
  update(id: string, patch: UserPatch): Promise<UserRecord>;
  delete(id: string): Promise<boolean>;
  /** counts a failed login; locks the account for `lockMs` when the count reaches `lockAfter` */
  recordFailedLogin(id: string, lockAfter: number, lockMs: number, now?: number): Promise<{ failedLogins: number; lockedUntil: number | null }>;
  clearFailedLogins(id: string): Promise<void>;
}

const fromRow = (r: MetaRow): UserRecord => ({
  id: String(r.id),
  name: String(r.name),
  displayName: String(r.display_name),
  passwordHash: String(r.password_hash),
  role: String(r.role),
  shops: r.shops === '*' ? 'all' : (JSON.parse(String(r.shops)) as string[]),
  platforms: JSON.parse(String(r.platforms)) as string[],
  disabled: toNumber(r.disabled) !== 0,
  failedLogins: toNumber(r.failed_logins),
  lockedUntil: toNumberOrNull(r.locked_until),
  createdAt: toNumber(r.created_at),
  updatedAt: toNumber(r.updated_at),
});

const shopsText = (s: readonly string[] | 'all') => (s === 'all' ? '*' : JSON.stringify(s));

export function userRepo(db: SqlDb): UserRepo {
  const byId = async (id: string) => {
    const [r] = await db.all('SELECT * FROM users WHERE id = ?', [id]);
    return r ? fromRow(r) : undefined;
  };
  return {
    async create(u) {
      const now = Date.now();
      const id = newId('u');
      try {
        await db.run(
          `INSERT INTO users (id, name, display_name, password_hash, role, shops, platforms, disabled, failed_logins, locked_until, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, NULL, ?, ?)`,
          [id, u.name, u.displayName ?? u.name, u.passwordHash, u.role, shopsText(u.shops), JSON.stringify(u.platforms ?? []), now, now],
        );
      } catch (e) {
        if (isUniqueViolation(e)) fail(MetaErrors.META_CONFLICT, { what: 'user', id: u.name });
        throw e;
      }
      return (await byId(id))!;
    },
    byId,
    async byName(name) {
      const [r] = await db.all('SELECT * FROM users WHERE name = ?', [name]);
      return r ? fromRow(r) : undefined;
    },
    async list() {
      return (await db.all('SELECT * FROM users ORDER BY name')).map(fromRow);
    },
    async count() {
      const [r] = await db.all<{ n: unknown }>('SELECT count(*) AS n FROM users');
      return toNumber(r?.n ?? 0);
    },
    async update(id, p) {
      const sets: string[] = [];
      const vals: (string | number)[] = [];
      const set = (col: string, v: string | number) => (sets.push(`${col} = ?`), vals.push(v));
      if (p.displayName !== undefined) set('display_name', p.displayName);
      if (p.passwordHash !== undefined) set('password_hash', p.passwordHash);
      if (p.role !== undefined) set('role', p.role);
      if (p.shops !== undefined) set('shops', shopsText(p.shops));
      if (p.platforms !== undefined) set('platforms', JSON.stringify(p.platforms));
      if (p.disabled !== undefined) set('disabled', p.disabled ? 1 : 0);
      set('updated_at', Date.now());
      const n = await db.run(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`, [...vals, id]);
      if (n === 0) fail(MetaErrors.META_NOT_FOUND, { what: 'user', id });
      return (await byId(id))!;
    },
    async delete(id) {
      return (await db.run('DELETE FROM users WHERE id = ?', [id])) > 0;
    },
    async recordFailedLogin(id, lockAfter, lockMs, now = Date.now()) {
      // One statement, so two concurrent failures both count.
      await db.run(
        `UPDATE users SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END
         WHERE id = ?`,
        [lockAfter, now + lockMs, id],
      );
      const u = await byId(id);
      return { failedLogins: u?.failedLogins ?? 0, lockedUntil: u?.lockedUntil ?? null };
    },
    async clearFailedLogins(id) {
      await db.run('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?', [id]);
    },
  };
}
