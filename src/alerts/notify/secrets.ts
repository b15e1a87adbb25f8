/**
 * Channel secrets (signing keys, SMTP passwords, webhook URLs that embed a token) are written
 * in configuration as one of:
 *   `env:NAME`        read from the environment at send time, never stored;
 *   `enc:v1:<base64>` AES-256-GCM sealed with the instance key (12-byte IV ‖ 16-byte tag ‖ text);
 *   anything else     a literal, which `sealSecret` turns into `enc:v1:` before it is stored.
 * The instance key comes from SHOPLENS_SECRET_KEY (32 bytes, base64 or hex) or from a key file
 * generated once with mode 0600 beside the store. GCM authenticates, so a wrong key fails loudly
 * instead of yielding garbage.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fail } from '../../core/errors.js';
import { AlertErrors } from '../errors.js';

const SEALED_PREFIX = 'enc:v1:';
const ENV_PREFIX = 'env:';
export const SECRET_KEY_ENV = 'SHOPLENS_SECRET_KEY';

export interface KeySource {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** where the generated key lives when the environment has none */
  readonly keyFile: string;
}

function parseKey(text: string, source: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) fail(AlertErrors.NOTIFY_SECRET_KEY_INVALID, { source });
  return key;
}

/** The instance key: the environment wins; otherwise the key file, created on first use. */
export function loadSecretKey(src: KeySource): Buffer {
  const fromEnv = (src.env ?? process.env)[SECRET_KEY_ENV];
  if (fromEnv) return parseKey(fromEnv, SECRET_KEY_ENV);
  if (existsSync(src.keyFile)) return parseKey(readFileSync(src.keyFile, 'utf8'), src.keyFile);
  mkdirSync(dirname(src.keyFile), { recursive: true });
  // 'wx' refuses to overwrite a key another process wrote a moment ago; the mode keeps it private
  try {
    writeFileSync(src.keyFile, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  chmodSync(src.keyFile, 0o600);
  return parseKey(readFileSync(src.keyFile, 'utf8'), src.keyFile);
}

export function isSealed(ref: string): boolean {
  return ref.startsWith(SEALED_PREFIX);
}

export function isEnvRef(ref: string): boolean {
  return ref.startsWith(ENV_PREFIX);
}

/** Seals a literal; `env:` references and already sealed values pass through unchanged. */
export function sealSecret(ref: string, key: Buffer): string {
  if (isSealed(ref) || isEnvRef(ref)) return ref;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const text = Buffer.concat([cipher.update(ref, 'utf8'), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64');
}

/** Resolves a reference to its plain value at send time. `key` is only asked for when needed. */
export function openSecret(ref: string, key: () => Buffer, env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (isEnvRef(ref)) {
    const name = ref.slice(ENV_PREFIX.length);
    const value = env[name];
    if (value === undefined || value === '') fail(AlertErrors.NOTIFY_SECRET_ENV_MISSING, { name });
    return value;
  }
  if (!isSealed(ref)) return ref;
  const raw = Buffer.from(ref.slice(SEALED_PREFIX.length), 'base64');
  if (raw.length < 29) fail(AlertErrors.NOTIFY_SECRET_UNREADABLE, { reason: 'truncated value' });
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch (e) {
    return fail(AlertErrors.NOTIFY_SECRET_UNREADABLE, { reason: (e as Error).message }, undefined, e);
  }
}

/** Replaces every known secret (and its URL-encoded form) in a text that may be logged. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length < 4) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join('***');
  }
  return out;
}
