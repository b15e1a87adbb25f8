/**
 * Report schedules: "send 经营日报 as XLSX to the DingTalk group every morning at 8". Stored as
 * `report_schedule` documents owned by the user who made them — the owner's rights (intersected
 * with the channels' shops) bound what a run may show, so the owner is part of the record.
 */
import { Cron } from 'croner';
import { z } from 'zod';
import { defineErrors, fail } from '../core/errors.js';
import { DEFAULT_TIMEZONE } from '../core/time.js';
import type { MetaStore } from '../meta/index.js';
import { reportFormats } from './archive.js';

export const ScheduleErrors = defineErrors({
  REPORT_SCHEDULE_INVALID: {
    http: 400, userCaused: true,
    zh: (p: { id: string; detail: string }) => `报表计划 ${p.id} 无效:${p.detail}`,
    en: (p: { id: string; detail: string }) => `report schedule ${p.id} is not valid: ${p.detail}`,
  },
  REPORT_SCHEDULE_NOT_FOUND: {
    http: 404, userCaused: true,
    zh: (p: { id: string }) => `没有报表计划 ${p.id}(用 shoplens report schedule list 查看)`,
    en: (p: { id: string }) => `no report schedule ${p.id} (see shoplens report schedule list)`,
  },
});

function validCron(expr: string): boolean {
  try {
    new Cron(expr, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

function validZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const reportScheduleSchema = z.object({
  id: z.string().min(1).max(100).regex(/^[\w.-]+$/, 'letters, digits, _ . - only'),
  /** a dashboard or saved report (id or name), or daily / weekly / monthly */
  report: z.string().min(1).max(100),
  /** croner syntax, 5 fields or 6 with seconds first, in `timezone` */
  cron: z.string().min(1).max(100).refine(validCron, 'not a valid cron expression'),
  timezone: z.string().default(DEFAULT_TIMEZONE).refine(validZone, 'not an IANA time zone'),
  formats: z.array(z.enum(reportFormats)).min(1).default(['xlsx']),
  channels: z.array(z.string().min(1)).default([]),
  lang: z.enum(['zh', 'en']).default('zh'),
  enabled: z.boolean().default(true),
}).strict();

export type ReportSchedule = z.infer<typeof reportScheduleSchema>;
export type ReportScheduleInput = z.input<typeof reportScheduleSchema>;

export function parseSchedule(input: unknown): ReportSchedule {
  const r = reportScheduleSchema.safeParse(input);
  if (!r.success) {
    const id = typeof input === 'object' && input && 'id' in input ? String((input as { id: unknown }).id) : '(?)';
    fail(ScheduleErrors.REPORT_SCHEDULE_INVALID, { id, detail: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') });
  }
  return r.data;
}

export interface StoredSchedule {
  readonly schedule: ReportSchedule;
  /** the user whose rights bound the report; null only for records written without one */
  readonly ownerId: string | null;
}

export interface ReportScheduleStore {
  put(s: ReportScheduleInput, ownerId: string): Promise<ReportSchedule>;
  get(id: string): Promise<StoredSchedule>;
  list(options?: { ownerId?: string }): Promise<StoredSchedule[]>;
  remove(id: string): Promise<boolean>;
}

export function reportScheduleStore(meta: MetaStore): ReportScheduleStore {
  const docs = meta.documents;
  return {
    async put(s, ownerId) {
      const parsed = parseSchedule(s);
      await docs.put('report_schedule', parsed.id, ownerId, parsed);
      return parsed;
    },
    async get(id) {
      const d = await docs.get<unknown>('report_schedule', id);
      if (!d) return fail(ScheduleErrors.REPORT_SCHEDULE_NOT_FOUND, { id });
      return { schedule: parseSchedule(d.body), ownerId: d.ownerId };
    },
    async list(options = {}) {
      return (await docs.list<unknown>('report_schedule', options)).map((d) => ({ schedule: parseSchedule(d.body), ownerId: d.ownerId }));
    },
    remove: (id) => docs.delete('report_schedule', id),
  };
}
