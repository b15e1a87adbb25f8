/** How the HTTP server runs. Defaults are safe for one machine: loopback only. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built web app of this installation: SHOPLENS_WEB_DIST, else web/dist in the package
 * root (found by walking up from this file, which sits in src/ or dist/src/), so `shoplens
 * serve` finds it from any working directory.
 */
export function defaultWebDist(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.SHOPLENS_WEB_DIST) return resolve(env.SHOPLENS_WEB_DIST);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'shoplens') return join(dir, 'web', 'dist');
    dir = dirname(dir);
  }
  return null;
}
export interface ServerConfig {
  host: string;
  port: number;
  /**
   * Secure flag on cookies. 'auto' sets it when the request arrived over https (directly, or
   * behind a proxy with `trustProxy`). Plain http on localhost is the one case where it stays
   * off, because browsers would drop a Secure cookie sent over http.
   */
  secureCookies: boolean | 'auto';
  /** trust X-Forwarded-* from a reverse proxy (for the client IP and https detection) */
  trustProxy: boolean;
  sessionTtlMs: number;
  login: {
    /** login attempts per client IP per minute */
    maxPerMinute: number;
    /** consecutive failures that lock an account */
    lockAfter: number;
    lockMs: number;
  };
  /** largest JSON body */
  bodyLimitBytes: number;
  upload: { maxFileBytes: number; maxFiles: number };
  /** the built web app (index.html + assets); served at / when the folder exists */
  webDist: string | null;
  logger: boolean;
}

export const defaultServerConfig: ServerConfig = {
  host: '127.0.0.1',
  port: 8787,
  secureCookies: 'auto',
  trustProxy: false,
  sessionTtlMs: 12 * 60 * 60 * 1000,
  login: { maxPerMinute: 10, lockAfter: 5, lockMs: 15 * 60 * 1000 },
  bodyLimitBytes: 1024 * 1024,
  // A year of a big shop's orders is a few hundred MB of CSV; the upload goes to disk, not memory.
  // A month of one shop's exports is already 8–10 files (orders, items, refunds, ads, traffic,
  // settlements, expenses, live, customer service): dropped together, they import together.
  upload: { maxFileBytes: 1024 * 1024 * 1024, maxFiles: 30 },
  webDist: defaultWebDist(),
  logger: false,
};

export function serverConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    ...defaultServerConfig,
    ...overrides,
    login: { ...defaultServerConfig.login, ...overrides.login },
    upload: { ...defaultServerConfig.upload, ...overrides.upload },
  };
}
