/**
 * The PDCA loop's records. A problem (问题) is something seen in the numbers — often an alert;
 * an action (行动项) is what someone does about it, tied to the metric and scope it should move
 * and the effect expected. Both are documents of kind 'action' in the metadata store.
 */
import { z } from 'zod';
import { dayTextToNumber } from '../core/time.js';

const day = z.string().refine((s) => dayTextToNumber(s) !== undefined, 'a day YYYY-MM-DD');

export const actionStages = ['plan', 'doing', 'check', 'done'] as const;
export type ActionStage = (typeof actionStages)[number];

export const stageNames: Record<ActionStage, { zh: string; en: string }> = {
  plan: { zh: '计划', en: 'plan' },
  doing: { zh: '执行', en: 'doing' },
  check: { zh: '检查', en: 'check' },
  done: { zh: '完成', en: 'done' },
};

/** The metric an action should move, where: filters are dimension → values, as in metric queries. */
export const targetSchema = z.object({
  metric: z.string().min(1),
  filters: z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])).default({}),
}).strict();

export const expectedSchema = z.object({
  direction: z.enum(['up', 'down']),
  /** e.g. 10 = the metric should move 10 % in `direction` */
  percent: z.number().positive().optional(),
  note: z.string().optional(),
}).strict();

export const originSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('alert'), alertId: z.string().min(1) }).strict(),
  /** a chart: the metric query the user was looking at */
  z.object({ kind: z.literal('chart'), query: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ kind: z.literal('manual') }).strict(),
]);

export const problemSchema = z.object({
  type: z.literal('problem'),
  id: z.string().min(1),
  title: z.string().min(1),
  detail: z.string().optional(),
  target: targetSchema.optional(),
  origin: originSchema.default({ kind: 'manual' }),
  status: z.enum(['open', 'closed']).default('open'),
  createdBy: z.string().min(1),
  createdAt: z.string(),
  /** shops the problem is about, for scope checks; absent = not shop-specific */
  shopIds: z.array(z.string()).optional(),
}).strict();
export type Problem = z.infer<typeof problemSchema>;

export const moveSchema = z.object({ at: z.string(), by: z.string(), from: z.enum(actionStages), to: z.enum(actionStages), note: z.string().optional() }).strict();

export const actionSchema = z.object({
  type: z.literal('action'),
  id: z.string().min(1),
  title: z.string().min(1),
  problemId: z.string().optional(),
  origin: originSchema.default({ kind: 'manual' }),
  owner: z.string().min(1),
  due: day,
  stage: z.enum(actionStages).default('plan'),
  target: targetSchema,
  expected: expectedSchema,
  /** first day the action was in effect (set on plan → doing) */
  startedDay: day.optional(),
  /** day the check was made (set on doing → check) */
  checkedDay: day.optional(),
  /** days before the start compared with the same number of days after */
  compareDays: z.number().int().min(1).max(92).default(14),
  history: z.array(moveSchema).default([]),
  createdBy: z.string().min(1),
  createdAt: z.string(),
  shopIds: z.array(z.string()).optional(),
}).strict();
export type Action = z.infer<typeof actionSchema>;
export type ActionInput = z.input<typeof actionSchema>;

export type ActionDoc = Problem | Action;
export const actionDocSchema = z.discriminatedUnion('type', [problemSchema, actionSchema]);
