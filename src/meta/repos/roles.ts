import { fail } from '../../core/errors.js';
import { MetaErrors } from '../errors.js';
import type { MetaRow, SqlDb } from '../sql-db.js';
import { isUniqueViolation } from './util.js';

/** A custom role; built-in roles live in code (auth/roles.ts) and are never stored. */
export interface RoleRecord {
  readonly id: string;
  readonly name: { zh: string; en: string };
  readonly permissions: readonly string[];
  readonly requiresShopList: boolean;
}

export interface RoleRepo {
  create(role: RoleRecord): Promise<void>;
  get(id: string): Promise<RoleRecord | undefined>;
  list(): Promise<RoleRecord[]>;
  update(role: RoleRecord): Promise<void>;
  delete(id: string): Promise<boolean>;
}

const fromRow = (r: MetaRow): RoleRecord => ({
  id: String(r.id),
  name: { zh: String(r.name_zh), en: String(r.name_en) },
  permissions: JSON.parse(String(r.permissions)) as string[],
  requiresShopList: Number(r.requires_shop_list) !== 0,
});

export function roleRepo(db: SqlDb): RoleRepo {
  return {
    async create(r) {
      try {
        await db.run(
          'INSERT INTO roles (id, name_zh, name_en, permissions, requires_shop_list, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          [r.id, r.name.zh, r.name.en, JSON.stringify(r.permissions), r.requiresShopList ? 1 : 0, Date.now()],
        );
      } catch (e) {
        if (isUniqueViolation(e)) fail(MetaErrors.META_CONFLICT, { what: 'role', id: r.id });
        throw e;
      }
    },
    async get(id) {
      const [r] = await db.all('SELECT * FROM roles WHERE id = ?', [id]);
      return r ? fromRow(r) : undefined;
    },
    async list() {
      return (await db.all('SELECT * FROM roles ORDER BY id')).map(fromRow);
    },
    async update(r) {
      const n = await db.run('UPDATE roles SET name_zh = ?, name_en = ?, permissions = ?, requires_shop_list = ? WHERE id = ?', [
        r.name.zh, r.name.en, JSON.stringify(r.permissions), r.requiresShopList ? 1 : 0, r.id,
      ]);
      if (n === 0) fail(MetaErrors.META_NOT_FOUND, { what: 'role', id: r.id });
    },
    async delete(id) {
      return (await db.run('DELETE FROM roles WHERE id = ?', [id])) > 0;
    },
  };
}
