import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isShopLensError } from '../core/errors.js';
import { openMetaStore, type MetaStore } from './index.js';
import { latestMetaVersion, metaSchemaVersion } from './migrations.js';
import { PostgresDb } from './postgres-db.js';
import { SqliteDb } from './sqlite-db.js';
import type { SqlDb } from './sql-db.js';
import { freshMetaLocation, metaTestEngines } from './test-engines.js';

const rawDb = (engine: string, location: string): Promise<SqlDb> =>
  engine === 'sqlite' ? Promise.resolve(SqliteDb.open(location)) : PostgresDb.open(location);

async function withStore(engine: 'sqlite' | 'postgres', fn: (meta: MetaStore, location: string) => Promise<void>) {
  const { location, cleanup } = await freshMetaLocation(engine);
  const meta = await openMetaStore(location);
  try {
    await fn(meta, location);
  } finally {
    await meta.close();
    await cleanup();
  }
}

const newUser = (name: string, shops: string[] | 'all' = 'all') => ({ name, passwordHash: 'h', role: 'ops', shops });

for (const engine of metaTestEngines()) {
  describe(`metadata store on ${engine}`, () => {
    test('migrates once, records the version, refuses a newer store', async () => {
      const { location, cleanup } = await freshMetaLocation(engine);
      try {
        await (await openMetaStore(location)).close();
        await (await openMetaStore(location)).close(); // re-open: nothing re-applied, no error
        const db = await rawDb(engine, location);
        try {
          assert.equal(await metaSchemaVersion(db), latestMetaVersion);
          const [row] = await db.all<{ n: unknown }>('SELECT count(*) AS n FROM meta_migrations');
          assert.equal(Number(row!.n), latestMetaVersion);
          await db.run('INSERT INTO meta_migrations (version, applied_at) VALUES (?, ?)', [latestMetaVersion + 1, 0]);
        } finally {
          await db.close();
        }
        await assert.rejects(openMetaStore(location), (e) => isShopLensError(e) && e.code === 'META_SCHEMA_TOO_NEW');
      } finally {
        await cleanup();
      }
    });

    test('users: create, unique names, update, shops all vs list, count', async () => {
      await withStore(engine, async (meta) => {
        const a = await meta.users.create(newUser('alice'));
        const b = await meta.users.create({ ...newUser('代运营小王', ['tm-1', 'jd-2']), role: 'agency', platforms: ['pdd'] });
        assert.equal(a.shops, 'all');
        assert.deepEqual(b.shops, ['tm-1', 'jd-2']);
        assert.deepEqual(b.platforms, ['pdd']);
        assert.equal((await meta.users.byName('代运营小王'))?.id, b.id);
        await assert.rejects(meta.users.create(newUser('alice')), (e) => isShopLensError(e) && e.code === 'META_CONFLICT');
        assert.equal(await meta.users.count(), 2);
        const changed = await meta.users.update(a.id, { role: 'finance', shops: ['tm-1'], disabled: true });
        assert.equal(changed.role, 'finance');
        assert.deepEqual(changed.shops, ['tm-1']);
        assert.equal(changed.disabled, true);
        assert.deepEqual((await meta.users.list()).map((u) => u.name).sort(), ['alice', '代运营小王'].sort());
        await assert.rejects(meta.users.update('u_missing', { role: 'ops' }), (e) => isShopLensError(e) && e.code === 'META_NOT_FOUND');
        assert.equal(await meta.users.delete(a.id), true);
        assert.equal(await meta.users.byId(a.id), undefined);
      });
    });

    test('failed logins count up and lock at the threshold; clearing resets', async () => {
      await withStore(engine, async (meta) => {
        const u = await meta.users.create(newUser('bob'));
        const now = 1_000_000;
        for (let i = 1; i <= 2; i++) {
          const r = await meta.users.recordFailedLogin(u.id, 3, 60_000, now);
          assert.deepEqual(r, { failedLogins: i, lockedUntil: null });
        }
        assert.deepEqual(await meta.users.recordFailedLogin(u.id, 3, 60_000, now), { failedLogins: 3, lockedUntil: 1_060_000 });
        await meta.users.clearFailedLogins(u.id);
        const after = await meta.users.byId(u.id);
        assert.equal(after?.failedLogins, 0);
        assert.equal(after?.lockedUntil, null);
      });
    });

    test('sessions expire, and end with their user', async () => {
      await withStore(engine, async (meta) => {
        const u = await meta.users.create(newUser('carol'));
        const now = Date.now();
        await meta.sessions.create({ idHash: 'live', userId: u.id, csrfToken: 'c1', expiresAt: now + 60_000, ip: '127.0.0.1', userAgent: null });
        await meta.sessions.create({ idHash: 'old', userId: u.id, csrfToken: 'c2', expiresAt: now - 1, ip: null, userAgent: null });
        assert.equal((await meta.sessions.get('live'))?.csrfToken, 'c1');
        assert.equal(await meta.sessions.get('old'), undefined);
        assert.equal(await meta.sessions.deleteExpired(now), 1);
        await meta.users.delete(u.id); // ON DELETE CASCADE
        assert.equal(await meta.sessions.get('live'), undefined);
      });
    });

    test('API tokens: found by hash while live, revocable only by their owner, expiry honoured', async () => {
      await withStore(engine, async (meta) => {
        const u = await meta.users.create(newUser('dave'));
        const other = await meta.users.create(newUser('eve'));
        const t = await meta.tokens.create({ userId: u.id, name: 'script', tokenHash: 'hash1', permissions: ['metrics:read'], expiresAt: null });
        await meta.tokens.create({ userId: u.id, name: 'expired', tokenHash: 'hash2', permissions: [], expiresAt: Date.now() - 1 });
        assert.deepEqual((await meta.tokens.byHash('hash1'))?.permissions, ['metrics:read']);
        assert.equal(await meta.tokens.byHash('hash2'), undefined);
        assert.equal(await meta.tokens.revoke(t.id, other.id), false);
        assert.equal(await meta.tokens.revoke(t.id, u.id), true);
        assert.equal(await meta.tokens.byHash('hash1'), undefined);
        assert.equal((await meta.tokens.listForUser(u.id)).length, 2);
      });
    });

    test('the audit log is append-only in the engine itself', async () => {
      await withStore(engine, async (meta, location) => {
        for (let i = 0; i < 5; i++) await meta.audit.append({ actorId: 'u1', actorName: 'alice', action: i % 2 ? 'login' : 'export', target: `t${i}`, ip: '10.0.0.1', detail: { i } }, 1000 + i);
        const all = await meta.audit.list();
        assert.deepEqual(all.map((e) => e.target), ['t4', 't3', 't2', 't1', 't0']);
        assert.deepEqual(all[0]!.detail, { i: 4 });
        assert.equal(all[0]!.at, 1004);
        assert.deepEqual((await meta.audit.list({ action: 'login' })).map((e) => e.target), ['t3', 't1']);
        assert.deepEqual((await meta.audit.list({ limit: 2, beforeSeq: all[1]!.seq })).map((e) => e.target), ['t2', 't1']);
        const db = await rawDb(engine, location);
        try {
          await assert.rejects(db.run('UPDATE audit_log SET actor_name = ?', ['mallory']), /append-only/);
          await assert.rejects(db.run('DELETE FROM audit_log'), /append-only/);
        } finally {
          await db.close();
        }
        assert.equal((await meta.audit.list()).length, 5);
      });
    });

    test('documents: put replaces but keeps createdAt, list by kind and owner, bigint survives', async () => {
      await withStore(engine, async (meta) => {
        const first = await meta.documents.put('alert_rule', 'r1', 'u1', { metric: 'gmv', threshold: 123456789012345678n });
        assert.deepEqual(first.body, { metric: 'gmv', threshold: '123456789012345678' });
        await new Promise((r) => setTimeout(r, 5));
        const second = await meta.documents.put('alert_rule', 'r1', 'u1', { metric: 'gmv', threshold: 1 });
        assert.equal(second.createdAt, first.createdAt);
        assert.ok(second.updatedAt > first.updatedAt);
        await meta.documents.put('alert_rule', 'r2', 'u2', { metric: 'refund_rate' });
        await meta.documents.put('dashboard', 'r1', 'u1', { tiles: [] });
        assert.deepEqual((await meta.documents.list('alert_rule')).map((d) => d.id), ['r1', 'r2']);
        assert.deepEqual((await meta.documents.list('alert_rule', { ownerId: 'u2' })).map((d) => d.id), ['r2']);
        assert.deepEqual((await meta.documents.get('dashboard', 'r1'))?.body, { tiles: [] });
        assert.equal(await meta.documents.delete('alert_rule', 'r1'), true);
        assert.equal(await meta.documents.get('alert_rule', 'r1'), undefined);
        assert.equal((await meta.documents.get('dashboard', 'r1'))?.id, 'r1');
      });
    });

    test('a failed transaction leaves nothing behind', async () => {
      await withStore(engine, async (meta) => {
        await assert.rejects(meta.transaction(async (tx) => {
          await tx.users.create(newUser('frank'));
          await tx.documents.put('setting', 'x', null, { a: 1 });
          throw new Error('boom');
        }), /boom/);
        assert.equal(await meta.users.byName('frank'), undefined);
        assert.equal(await meta.documents.get('setting', 'x'), undefined);
      });
    });

    test('values are bound: a name full of SQL is just a name', async () => {
      await withStore(engine, async (meta) => {
        const evil = "x'); DROP TABLE users; --";
        await meta.documents.put('setting', evil, evil, { evil });
        assert.deepEqual((await meta.documents.get('setting', evil))?.body, { evil });
        await meta.users.create(newUser('safe'));
        assert.equal(await meta.users.count(), 1);
      });
    });
  });
}
