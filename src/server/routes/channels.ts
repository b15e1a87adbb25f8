/**
 * Notification channels over HTTP (钉钉, 飞书, 企业微信, webhook, e-mail), so a seller sets up
 * where alerts and reports go without the CLI: listed without their secrets, saved with every
 * secret sealed by the key file next to the store (as `shoplens alerts channel-add` does),
 * removed, and tried with a test message that reports what the platform answered.
 */
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AlertErrors } from '../../alerts/errors.js';
import { createNotifiers, deliver, loadSecretKey, parseChannel, publicChannel, type ChannelConfig, type KeySource, type NotifyMessage } from '../../alerts/notify/index.js';
import { alertStore } from '../../alerts/store.js';
import type { Scope } from '../../auth/principal.js';
import { fail } from '../../core/errors.js';
import { needs } from '../access.js';
import { isLoopback } from '../link-base.js';
import { audit } from '../audit.js';
import { principalOf, type ServerDeps } from '../types.js';
import { idParam } from './schemas.js';

const anyJson = z.record(z.string(), z.unknown());

/** A channel restricted to some shops is seen only by those who see all of them. */
function visibleChannel(c: ChannelConfig, scope: Scope): boolean {
  if (scope.shopIds === 'all') return true;
  const mine = new Set(scope.shopIds);
  return c.shopIds !== undefined && c.shopIds.every((s) => mine.has(s));
}

const LOOPBACK_LINE = {
  zh: '注意:消息里的链接指向本机地址,同事的手机打不开;请把 SHOPLENS_BASE_URL 设为大家能访问的地址(如 http://192.168.1.20:8787)后重启 ShopLens。',
  en: 'Note: links in messages point at this machine’s own address, which colleagues’ phones cannot open; set SHOPLENS_BASE_URL to an address they can reach (e.g. http://192.168.1.20:8787) and restart ShopLens.',
};

const TEST_MESSAGE = {
  kind: 'test' as const, severity: 'info' as const,
  title: { zh: 'ShopLens 测试消息', en: 'ShopLens test message' },
  lines: [{ zh: '收到这条消息,说明告警与报表可以发到这里。', en: 'If you read this, alerts and reports can reach this channel.' }],
};

/**
 * The test message carries the link alerts will carry, so whoever set the channel up can tap it
 * on a phone and see that it opens; a link to this machine's own address (127.0.0.1) cannot, and
 * the message says how to fix it.
 */
function testMessage(base: string | undefined): NotifyMessage {
  if (!base) return { ...TEST_MESSAGE, id: randomUUID() };
  const lines = isLoopback(base) ? [...TEST_MESSAGE.lines, LOOPBACK_LINE] : TEST_MESSAGE.lines;
  return { ...TEST_MESSAGE, id: randomUUID(), lines, link: { url: `${base.replace(/\/$/, '')}/alerts`, label: { zh: '打开 ShopLens', en: 'Open ShopLens' } } };
}

export function registerChannelRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const store = alertStore(deps.meta);
  const keys: KeySource = { keyFile: join(dirname(deps.wh.location), 'secret.key') };
  const find = async (id: string, scope: Scope) => {
    const c = (await store.listChannels()).find((x) => x.id === id);
    if (!c || !visibleChannel(c, scope)) fail(AlertErrors.NOTIFY_CHANNEL_NOT_FOUND, { channel: id });
    return c;
  };

  app.get('/api/alerts/channels', {
    config: { access: needs('page:alerts', { shops: 'filtered', example: () => ({}) }) },
    schema: { summary: '通知渠道(不含密钥)/ notification channels, secrets hidden', tags: ['alerts'], response: { 200: z.object({ channels: z.array(anyJson) }) } },
  }, async (request) => {
    const scope = principalOf(request).scope;
    return { channels: (await store.listChannels()).filter((c) => visibleChannel(c, scope)).map(publicChannel) };
  });

  app.put('/api/alerts/channels/:id', {
    config: { access: needs('settings:manage') },
    schema: {
      summary: '保存通知渠道(密钥加密保存)/ save a notification channel, its secrets sealed', tags: ['alerts'], params: idParam,
      body: anyJson, response: { 200: z.object({ channel: anyJson }) },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const channel = parseChannel({ ...(request.body as Record<string, unknown>), id });
    await store.putChannel(channel, loadSecretKey(keys));
    await audit(deps, request, { action: 'settings.update', target: `channel:${id}`, detail: { kind: channel.kind } });
    return { channel: publicChannel(channel) };
  });

  app.delete('/api/alerts/channels/:id', {
    config: { access: needs('settings:manage') },
    schema: { summary: '删除通知渠道 / remove a notification channel', tags: ['alerts'], params: idParam, response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (request) => {
    const { id } = request.params as { id: string };
    if (!(await store.deleteChannel(id))) fail(AlertErrors.NOTIFY_CHANNEL_NOT_FOUND, { channel: id });
    await audit(deps, request, { action: 'settings.update', target: `channel:${id}`, detail: { deleted: true } });
    return { ok: true as const };
  });

  app.post('/api/alerts/channels/:id/test', {
    config: { access: needs('alerts:manage', { shops: 'filtered' }) },
    schema: {
      summary: '发送测试消息 / send a test message', tags: ['alerts'], params: idParam,
      response: { 200: z.object({ ok: z.boolean(), attempts: z.number(), status: z.number().optional(), detail: z.string() }) },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const channel = await find(id, principalOf(request).scope);
    // one try: whoever pressed the button wants the platform's answer now, not after retries
    const [r] = await deliver(testMessage(deps.linkBase?.()), createNotifiers([channel], keys), { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    return { ok: r!.ok, attempts: r!.attempts, ...(r!.status !== undefined ? { status: r!.status } : {}), detail: r!.detail };
  });
}
