import { fail } from '../../core/errors.js';
import { AlertErrors } from '../errors.js';
import { ruleSchema, type AlertRule } from './schema.js';

export function parseRule(input: unknown, where?: string): AlertRule {
  const r = ruleSchema.safeParse(input);
  if (!r.success) {
    const id = typeof input === 'object' && input && 'id' in input ? String((input as { id: unknown }).id) : (where ?? 'rule');
    const detail = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    fail(AlertErrors.ALERT_RULE_INVALID, { rule: id, detail }, where ? { file: where } : undefined);
  }
  return r.data;
}
