/**
 * The application metadata store: users, roles, sessions, API tokens, the audit log and JSON
 * documents (dashboards, saved reports, alert rules, actions, import log). One interface, two
 * engines — a SQLite file beside the warehouse (default) or PostgreSQL (SHOPLENS_META_URL).
 */
import { apiTokenRepo, type ApiTokenRepo } from './repos/api-tokens.js';
import { auditRepo, type AuditRepo } from './repos/audit.js';
import { documentRepo, type DocumentRepo } from './repos/documents.js';
import { roleRepo, type RoleRepo } from './repos/roles.js';
import { sessionRepo, type SessionRepo } from './repos/sessions.js';
import { userRepo, type UserRepo } from './repos/users.js';
import type { MetaDialect, SqlDb } from './sql-db.js';

export interface MetaStore {
  readonly engine: MetaDialect;
  /** file path, or the URL without its password */
  readonly location: string;
  readonly users: UserRepo;
  readonly roles: RoleRepo;
  readonly sessions: SessionRepo;
  readonly tokens: ApiTokenRepo;
  readonly audit: AuditRepo;
  readonly documents: DocumentRepo;
  /** all of `fn` lands or none of it */
  transaction<T>(fn: (store: MetaStore) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function metaStoreOn(db: SqlDb): MetaStore {
  return {
    engine: db.dialect,
    location: db.location,
    users: userRepo(db),
    roles: roleRepo(db),
    sessions: sessionRepo(db),
    tokens: apiTokenRepo(db),
    audit: auditRepo(db),
    documents: documentRepo(db),
    transaction: (fn) => db.transaction((tx) => fn(metaStoreOn(tx))),
    close: () => db.close(),
  };
}
