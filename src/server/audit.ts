import type { FastifyRequest } from 'fastify';
import type { AuditEntry } from '../meta/index.js';
import type { ServerDeps } from './types.js';

/** Appends an audit entry for this request: who (the principal unless given), from where (IP). */
export async function audit(
  deps: Pick<ServerDeps, 'meta'>,
  request: FastifyRequest,
  entry: Omit<AuditEntry, 'actorId' | 'actorName' | 'ip'> & Partial<Pick<AuditEntry, 'actorId' | 'actorName'>>,
): Promise<void> {
  await deps.meta.audit.append({
    actorId: entry.actorId ?? request.principal?.userId ?? null,
    actorName: entry.actorName ?? request.principal?.name ?? null,
    ip: request.ip,
    ...entry,
  });
}
