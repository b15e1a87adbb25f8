/** How the HTTP server runs. Defaults are safe for one machine: loopback only. */
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
  upload: { maxFileBytes: 200 * 1024 * 1024, maxFiles: 5 },
  webDist: 'web/dist',
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
