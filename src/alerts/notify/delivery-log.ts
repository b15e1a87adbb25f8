/**
 * The delivery log: one record per message × channel with the final outcome. The interface is
 * small so the metadata store can back it; a JSON-lines file is the default beside the store.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChannelKind, NotifyMessage } from './types.js';

export interface DeliveryRecord {
  readonly id: string;
  readonly messageId: string;
  readonly messageKind: NotifyMessage['kind'];
  readonly channelId: string;
  readonly channelKind: ChannelKind;
  readonly ok: boolean;
  readonly attempts: number;
  /** HTTP status or SMTP reply code of the last attempt */
  readonly status?: number;
  /** the platform's answer or the error, with secrets already scrubbed */
  readonly detail: string;
  readonly startedAt: string;
  readonly finishedAt: string;
}

export interface DeliveryLog {
  append(record: DeliveryRecord): Promise<void>;
  /** newest first */
  list(options?: { limit?: number; messageId?: string }): Promise<DeliveryRecord[]>;
}

function select(all: DeliveryRecord[], options: { limit?: number; messageId?: string } = {}): DeliveryRecord[] {
  const rows = all.filter((r) => options.messageId === undefined || r.messageId === options.messageId).reverse();
  return rows.slice(0, options.limit ?? rows.length);
}

export function memoryDeliveryLog(): DeliveryLog & { readonly records: DeliveryRecord[] } {
  const records: DeliveryRecord[] = [];
  return {
    records,
    append: async (r) => void records.push(r),
    list: async (o) => select(records, o),
  };
}

/** Appends one JSON line per record; the file is the audit trail an operator can grep. */
export function fileDeliveryLog(path: string): DeliveryLog {
  return {
    append: async (r) => {
      mkdirSync(dirname(path), { recursive: true });
      appendFileSync(path, JSON.stringify(r) + '\n', { mode: 0o600 });
    },
    list: async (o) => {
      if (!existsSync(path)) return [];
      const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
      return select(lines.map((l) => JSON.parse(l) as DeliveryRecord), o);
    },
  };
}
