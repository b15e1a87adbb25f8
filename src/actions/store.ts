/** Problems and actions as documents of kind 'action' in the metadata store. */
import { randomUUID } from 'node:crypto';
import { fail } from '../core/errors.js';
import type { MetaStore } from '../meta/index.js';
import { ActionErrors } from './errors.js';
import { actionDocSchema, type Action, type ActionDoc, type Problem } from './schema.js';

function parseDoc(body: unknown, id: string): ActionDoc {
  const r = actionDocSchema.safeParse(body);
  if (!r.success) fail(ActionErrors.ACTION_INVALID, { id, detail: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') });
  return r.data;
}

export interface ActionStore {
  put(doc: ActionDoc): Promise<ActionDoc>;
  get(id: string): Promise<ActionDoc>;
  getAction(id: string): Promise<Action>;
  list(): Promise<ActionDoc[]>;
  actions(): Promise<Action[]>;
  problems(): Promise<Problem[]>;
}

export const newActionId = (prefix: 'A' | 'P') => `${prefix}-${randomUUID().slice(0, 8)}`;

export function actionStore(meta: MetaStore): ActionStore {
  const docs = meta.documents;
  const get = async (id: string) => {
    const d = await docs.get<unknown>('action', id);
    if (!d) fail(ActionErrors.ACTION_NOT_FOUND, { id });
    return parseDoc(d.body, id);
  };
  const list = async () => (await docs.list<unknown>('action')).map((d) => parseDoc(d.body, d.id));
  return {
    async put(doc) {
      const valid = parseDoc(doc, doc.id);
      await docs.put('action', valid.id, valid.createdBy, valid);
      return valid;
    },
    get,
    async getAction(id) {
      const d = await get(id);
      if (d.type !== 'action') fail(ActionErrors.ACTION_NOT_FOUND, { id });
      return d;
    },
    list,
    actions: async () => (await list()).filter((d): d is Action => d.type === 'action'),
    problems: async () => (await list()).filter((d): d is Problem => d.type === 'problem'),
  };
}
