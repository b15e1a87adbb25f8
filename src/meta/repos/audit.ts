import { toNumber, type MetaRow, type MetaValue, type SqlDb } from '../sql-db.js';

/** What the audit log records; new kinds are added here so readers can filter on them. */
export const auditActions = [
  'login', 'login.failed', 'logout', 'setup',
  'user.create', 'user.update', 'user.delete', 'user.password',
  'role.create', 'role.update', 'role.delete',
  'token.create', 'token.revoke',
  'export', 'import', 'delete', 'demo', 'settings.update', 'pii.purge',
  'alert.update', 'report.update', 'dashboard.update', 'action.update', 'campaign.update',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly action: AuditAction;
  /** what was acted on: a user id, a file name, a shop/buyer … */
  readonly target?: string | null;
  readonly outcome?: 'ok' | 'denied' | 'failed';
  /** from where: the client IP */
  readonly ip?: string | null;
  readonly detail?: Record<string, unknown>;
}

export interface AuditRecord extends Required<Omit<AuditEntry, 'detail'>> {
  readonly seq: number;
  readonly at: number;
  readonly detail: Record<string, unknown>;
}

export interface AuditQuery {
  limit?: number;
  /** entries older than this sequence number (paging backwards) */
  beforeSeq?: number;
  action?: AuditAction;
  actorId?: string;
}

/** Append-only: there is no update or delete here, and the engine refuses them too. */
export interface AuditRepo {
  append(e: AuditEntry, at?: number): Promise<void>;
  list(q?: AuditQuery): Promise<AuditRecord[]>;
}

const fromRow = (r: MetaRow): AuditRecord => ({
  seq: toNumber(r.seq),
  at: toNumber(r.at),
  actorId: r.actor_id === null ? null : String(r.actor_id),
  actorName: r.actor_name === null ? null : String(r.actor_name),
  action: String(r.action) as AuditAction,
  target: r.target === null ? null : String(r.target),
  outcome: String(r.outcome) as AuditRecord['outcome'],
  ip: r.ip === null ? null : String(r.ip),
  detail: JSON.parse(String(r.detail)) as Record<string, unknown>,
});

export function auditRepo(db: SqlDb): AuditRepo {
  return {
    async append(e, at = Date.now()) {
      await db.run(
        'INSERT INTO audit_log (at, actor_id, actor_name, action, target, outcome, ip, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [at, e.actorId, e.actorName, e.action, e.target ?? null, e.outcome ?? 'ok', e.ip ?? null, JSON.stringify(e.detail ?? {})],
      );
    },
    async list(q = {}) {
      const where: string[] = [];
      const params: MetaValue[] = [];
      if (q.beforeSeq !== undefined) (where.push('seq < ?'), params.push(q.beforeSeq));
      if (q.action !== undefined) (where.push('action = ?'), params.push(q.action));
      if (q.actorId !== undefined) (where.push('actor_id = ?'), params.push(q.actorId));
      params.push(Math.min(Math.max(q.limit ?? 100, 1), 1000));
      const rows = await db.all(
        `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq DESC LIMIT ?`,
        params,
      );
      return rows.map(fromRow);
    },
  };
}
