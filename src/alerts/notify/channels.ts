/**
 * Channel configuration, validated with one zod schema. Fields that hold secrets are secret
 * references (see secrets.ts); `sealChannel` encrypts their literals before the config is
 * stored, and `publicChannel` is the only form that may be shown or logged.
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { AlertErrors } from '../errors.js';
import { sealSecret } from './secrets.js';
import { languages } from './types.js';

const secretRef = z.string().min(1);
const base = {
  id: z.string().min(1).regex(/^[\w.-]+$/, 'letters, digits, _ . - only'),
  language: z.enum(languages).default('zh'),
  /** the recipients may see these shops only; absent = every shop the sender may see */
  shopIds: z.array(z.string().min(1)).optional(),
};

export const channelConfigSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('dingtalk'), url: secretRef, secret: secretRef.optional(), atMobiles: z.array(z.string()).default([]) }),
  z.object({ ...base, kind: z.literal('feishu'), url: secretRef, secret: secretRef.optional() }),
  z.object({ ...base, kind: z.literal('wecom'), url: secretRef }),
  z.object({
    ...base,
    kind: z.literal('email'),
    smtp: z.object({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535),
      /** implicit TLS (465); otherwise STARTTLS when the server offers it */
      secure: z.boolean().default(false),
      user: z.string().optional(),
      pass: secretRef.optional(),
    }),
    from: z.string().min(3),
    to: z.array(z.string().min(3)).min(1),
  }),
  z.object({ ...base, kind: z.literal('webhook'), url: secretRef, secret: secretRef.optional(), headers: z.record(z.string(), z.string()).default({}) }),
]);

export type ChannelConfig = z.infer<typeof channelConfigSchema>;
export type ChannelConfigOf<K extends ChannelConfig['kind']> = Extract<ChannelConfig, { kind: K }>;

export function parseChannel(input: unknown, where = 'channel'): ChannelConfig {
  const r = channelConfigSchema.safeParse(input);
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    const id = typeof input === 'object' && input && 'id' in input ? String((input as { id: unknown }).id) : where;
    fail(AlertErrors.NOTIFY_CHANNEL_INVALID, { channel: id, detail });
  }
  return r.data;
}

/** Encrypts every literal secret so the stored config holds none in clear. */
export function sealChannel(c: ChannelConfig, key: Buffer): ChannelConfig {
  const seal = (v: string | undefined) => (v === undefined ? undefined : sealSecret(v, key));
  switch (c.kind) {
    case 'dingtalk':
    case 'feishu':
    case 'webhook':
      return { ...c, url: seal(c.url)!, ...(c.secret !== undefined ? { secret: seal(c.secret)! } : {}) };
    case 'wecom':
      return { ...c, url: seal(c.url)! };
    case 'email':
      return { ...c, smtp: { ...c.smtp, ...(c.smtp.pass !== undefined ? { pass: seal(c.smtp.pass)! } : {}) } };
  }
}

/** The config with every secret field replaced, for listings and logs. */
export function publicChannel(c: ChannelConfig): Record<string, unknown> {
  const hide = (v: string | undefined) => (v === undefined ? undefined : v.startsWith('env:') ? v : '***');
  switch (c.kind) {
    case 'dingtalk':
    case 'feishu':
    case 'webhook':
      return { ...c, url: hide(c.url), secret: hide(c.secret) };
    case 'wecom':
      return { ...c, url: hide(c.url) };
    case 'email':
      return { ...c, smtp: { ...c.smtp, pass: hide(c.smtp.pass) } };
  }
}
