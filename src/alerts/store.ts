/**
 * Rules, alert events and notification channels in the metadata store's document table.
 * Channels have no document kind of their own yet, so they live under 'setting' with the id
 * prefix `notify-channel:`; their secrets are sealed before they are written.
 */
import { fail } from '../core/errors.js';
import type { MetaStore } from '../meta/index.js';
import { AlertErrors } from './errors.js';
import type { AlertEvent } from './lifecycle.js';
import { parseChannel, sealChannel, type ChannelConfig } from './notify/channels.js';
import { parseRule } from './rules/parse.js';
import type { AlertRule } from './rules/schema.js';

const CHANNEL_PREFIX = 'notify-channel:';

export interface AlertStore {
  putRule(rule: AlertRule, ownerId: string | null): Promise<void>;
  getRule(id: string): Promise<AlertRule>;
  listRules(): Promise<AlertRule[]>;
  deleteRule(id: string): Promise<boolean>;
  putEvent(ev: AlertEvent): Promise<void>;
  getEvent(id: string): Promise<AlertEvent>;
  listEvents(filter?: { ruleId?: string; openOnly?: boolean }): Promise<AlertEvent[]>;
  putChannel(c: ChannelConfig, key: Buffer): Promise<void>;
  listChannels(): Promise<ChannelConfig[]>;
  deleteChannel(id: string): Promise<boolean>;
}

export function alertStore(meta: MetaStore): AlertStore {
  const docs = meta.documents;
  return {
    async putRule(rule, ownerId) {
      await docs.put('alert_rule', rule.id, ownerId, parseRule(rule));
    },
    async getRule(id) {
      const d = await docs.get<unknown>('alert_rule', id);
      if (!d) fail(AlertErrors.ALERT_RULE_NOT_FOUND, { rule: id });
      return parseRule(d.body);
    },
    async listRules() {
      return (await docs.list<unknown>('alert_rule')).map((d) => parseRule(d.body));
    },
    deleteRule: (id) => docs.delete('alert_rule', id),
    async putEvent(ev) {
      await docs.put('alert_event', ev.id, null, ev);
    },
    async getEvent(id) {
      const d = await docs.get<AlertEvent>('alert_event', id);
      if (!d) fail(AlertErrors.ALERT_NOT_FOUND, { id });
      return d.body;
    },
    async listEvents(filter = {}) {
      const all = (await docs.list<AlertEvent>('alert_event')).map((d) => d.body);
      return all.filter((e) => (filter.ruleId === undefined || e.ruleId === filter.ruleId) && (!filter.openOnly || e.status !== 'resolved'));
    },
    async putChannel(c, key) {
      await docs.put('setting', CHANNEL_PREFIX + c.id, null, sealChannel(parseChannel(c), key));
    },
    async listChannels() {
      return (await docs.list<unknown>('setting')).filter((d) => d.id.startsWith(CHANNEL_PREFIX)).map((d) => parseChannel(d.body, d.id));
    },
    deleteChannel: (id) => docs.delete('setting', CHANNEL_PREFIX + id),
  };
}
