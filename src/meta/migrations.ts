/**
 * One ordered list of migrations; each carries its SQL per dialect, so adding an engine is a
 * compile error until every migration speaks it. Applied versions are recorded in
 * meta_migrations; a store newer than this code is refused rather than guessed at.
 */
import { fail } from '../core/errors.js';
import { MetaErrors } from './errors.js';
import { toNumber, type MetaDialect, type SqlDb } from './sql-db.js';

export interface MetaMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: Record<MetaDialect, string>;
}

const common = (auto: string) => `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  shops TEXT NOT NULL,
  platforms TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE roles (
  id TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  permissions TEXT NOT NULL,
  requires_shop_list INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  ip TEXT,
  user_agent TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  permissions TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
CREATE TABLE audit_log (
  seq ${auto},
  at BIGINT NOT NULL,
  actor_id TEXT,
  actor_name TEXT,
  action TEXT NOT NULL,
  target TEXT,
  outcome TEXT NOT NULL,
  ip TEXT,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TABLE documents (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  owner_id TEXT,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX documents_owner ON documents(kind, owner_id);
`;

export const metaMigrations: readonly MetaMigration[] = [
  {
    version: 1,
    description: 'users, roles, sessions, API tokens, append-only audit log, documents',
    sql: {
      // The audit log is append-only in the engine itself, not only in our code: a trigger
      // refuses UPDATE and DELETE, so a bug or a stray admin statement cannot rewrite history.
      sqlite: common('INTEGER PRIMARY KEY AUTOINCREMENT') + `
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
      postgres: common('BIGSERIAL PRIMARY KEY') + `
CREATE FUNCTION shoplens_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION shoplens_audit_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION shoplens_audit_append_only();
`,
    },
  },
];

export const latestMetaVersion = metaMigrations[metaMigrations.length - 1]!.version;

export async function metaSchemaVersion(db: SqlDb): Promise<number> {
  await db.script('CREATE TABLE IF NOT EXISTS meta_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
  const [row] = await db.all<{ v: unknown }>('SELECT max(version) AS v FROM meta_migrations');
  return row?.v === null || row?.v === undefined ? 0 : toNumber(row.v);
}

export async function migrateMeta(db: SqlDb): Promise<number> {
  const current = await metaSchemaVersion(db);
  if (current > latestMetaVersion) fail(MetaErrors.META_SCHEMA_TOO_NEW, { location: db.location, found: current, supported: latestMetaVersion });
  for (const m of metaMigrations) {
    if (m.version <= current) continue;
    await db.transaction(async (tx) => {
      await tx.script(m.sql[db.dialect]);
      await tx.run('INSERT INTO meta_migrations (version, applied_at) VALUES (?, ?)', [m.version, Date.now()]);
    });
  }
  return latestMetaVersion;
}
