/** Notifiers: one factory per channel kind behind the `Notifier` interface. */
import { assertUnreachable } from '../../core/errors.js';
import type { ChannelConfig } from './channels.js';
import { createDingtalkNotifier } from './dingtalk.js';
import { createEmailNotifier } from './email.js';
import { createFeishuNotifier } from './feishu.js';
import { loadSecretKey, openSecret, type KeySource } from './secrets.js';
import type { Notifier } from './types.js';
import { createWebhookNotifier } from './webhook.js';
import { createWecomNotifier } from './wecom.js';

export * from './types.js';
export * from './channels.js';
export * from './secrets.js';
export * from './deliver.js';
export * from './delivery-log.js';

/** Builds the notifier for a channel; secrets are opened now and live only in its closure. */
export function createNotifier(c: ChannelConfig, keys: KeySource): Notifier {
  let key: Buffer | undefined;
  const resolve = (ref: string) => openSecret(ref, () => (key ??= loadSecretKey(keys)), keys.env ?? process.env);
  switch (c.kind) {
    case 'dingtalk':
      return createDingtalkNotifier(c, resolve);
    case 'feishu':
      return createFeishuNotifier(c, resolve);
    case 'wecom':
      return createWecomNotifier(c, resolve);
    case 'email':
      return createEmailNotifier(c, resolve);
    case 'webhook':
      return createWebhookNotifier(c, resolve);
    default:
      return assertUnreachable(c, 'unknown channel kind');
  }
}

/**
 * Like createNotifier, but a channel whose config or secret cannot be opened becomes a notifier
 * that fails (and is logged) instead of throwing — so it cannot stop the other channels.
 */
export function createNotifiers(configs: readonly ChannelConfig[], keys: KeySource): Notifier[] {
  return configs.map((c) => {
    try {
      return createNotifier(c, keys);
    } catch (e) {
      const detail = `error: ${(e as Error).message}`;
      return { channelId: c.id, kind: c.kind, secrets: [], attempt: async () => ({ ok: false, retryable: false, detail }) };
    }
  });
}
