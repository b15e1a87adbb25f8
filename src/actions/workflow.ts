/**
 * plan → doing → check → done, and check → doing when the check says "not yet" (the A of
 * PDCA: adjust and do again). Moving into doing stamps the start day; into check, the check day.
 */
import { fail } from '../core/errors.js';
import { ActionErrors } from './errors.js';
import type { Action, ActionStage } from './schema.js';

export const allowedMoves: Record<ActionStage, readonly ActionStage[]> = {
  plan: ['doing'],
  doing: ['check'],
  check: ['done', 'doing'],
  done: [],
};

export function moveAction(a: Action, to: ActionStage, by: string, today: string, now: Date, note?: string): Action {
  if (!allowedMoves[a.stage].includes(to)) {
    fail(ActionErrors.ACTION_BAD_MOVE, { id: a.id, from: a.stage, to, allowed: allowedMoves[a.stage].join(', ') || '—' });
  }
  return {
    ...a,
    stage: to,
    ...(to === 'doing' && a.startedDay === undefined ? { startedDay: today } : {}),
    ...(to === 'check' ? { checkedDay: today } : {}),
    history: [...a.history, { at: now.toISOString(), by, from: a.stage, to, ...(note ? { note } : {}) }],
  };
}

export function isOverdue(a: Action, today: string): boolean {
  return a.stage !== 'done' && a.due < today;
}
