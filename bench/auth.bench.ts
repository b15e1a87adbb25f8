/**
 * `npm run bench:auth`: what the auth layer costs per request. In one process, on the test
 * server (real DuckDB + SQLite metadata), it times N requests to the public health route (the
 * baseline: routing, helmet, serialisation, one trivial query per store) against the same
 * number to GET /api/auth/me with a session cookie and with an API token (the guard: hash
 * lookup, user, role, scope; the token path also records its last use), then GET /api/shops
 * (guard plus a DuckDB query on the shops table), and one argon2id login. Ratios are against
 * the baseline measured in the same run.
 * AUTH_BENCH_N=2000 changes N.
 */
import { performance } from 'node:perf_hooks';
import { testServer } from '../src/server/testing/harness.js';

const N = Number(process.env.AUTH_BENCH_N ?? 1000);

async function time(label: string, fn: () => Promise<unknown>): Promise<{ label: string; perRequestMs: number }> {
  for (let i = 0; i < 20; i++) await fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await fn();
  return { label, perRequestMs: (performance.now() - t0) / N };
}

const t = await testServer();
try {
  const session = await t.session('agency');
  const token = await t.token('agency', ['metrics:read']);
  const results = [
    await time('GET /api/health (public, baseline)', () => t.app.inject({ url: '/api/health' })),
    await time('GET /api/auth/me via session cookie', () => session.inject({ url: '/api/auth/me' })),
    await time('GET /api/auth/me via API token', () => token.inject({ url: '/api/auth/me' })),
    await time('GET /api/shops via session cookie', () => session.inject({ url: '/api/shops' })),
  ];
  const base = results[0]!.perRequestMs;
  console.log(`auth bench, N=${N} sequential requests each (fastify.inject, no network)`);
  for (const r of results) console.log(`${r.label.padEnd(40)} ${r.perRequestMs.toFixed(3).padStart(8)} ms/request  ×${(r.perRequestMs / base).toFixed(2)}`);
  const l0 = performance.now();
  await t.login('owner');
  console.log(`${'POST /api/auth/login (argon2id verify)'.padEnd(40)} ${(performance.now() - l0).toFixed(1).padStart(8)} ms (one login)`);
} finally {
  await t.close();
}
