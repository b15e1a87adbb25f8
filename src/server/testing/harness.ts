/**
 * A real server for tests: a DuckDB warehouse in a temp folder, a real metadata store (SQLite
 * file, or PostgreSQL when given a URL), three shops on two platforms, one user per built-in
 * role, and signed-in clients driving fastify.inject. Other route modules' tests use it too.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customers as customersTable, orderLines as orderLinesTable, orders as ordersTable, shops as shopsTable, type RowOf } from '../../model/index.js';
import { recordDataChange } from '../../warehouse/index.js';
import { openMetaStore, type MetaStore } from '../../meta/index.js';
import { openWarehouse, type Warehouse } from '../../warehouse/index.js';
import { buildServer } from '../app.js';
import { serverConfig, type ServerConfig } from '../config.js';
import { createAccount } from '../services/accounts.js';
import { newApiToken, randomSecret, sha256 } from '../../auth/secrets.js';
import { SESSION_COOKIE } from '../auth/cookies.js';

export const TEST_PASSWORD = 'correct-horse-battery';

export const testShops: RowOf<typeof shopsTable>[] = [
  { shop_id: 'tm-1', platform: 'tmall', name: '天猫旗舰店', timezone: 'Asia/Shanghai', currency: 'CNY', has_live: false },
  { shop_id: 'tm-2', platform: 'tmall', name: '天猫专卖店', timezone: 'Asia/Shanghai', currency: 'CNY', has_live: true },
  { shop_id: 'jd-1', platform: 'jd', name: '京东自营', timezone: 'Asia/Shanghai', currency: 'CNY', has_live: false },
];

const buyer = (shop_id: string, customer_id: string, nickname: string, receiver_name: string, phone: string, address: string): RowOf<typeof customersTable> => ({
  shop_id, customer_id, first_paid_at: new Date('2026-03-01T02:00:00Z'), member_tier: 'gold', member_since: null,
  nickname, receiver_name, phone, address, province: '浙江', city: '杭州',
});

/** Buyers in tm-1 and jd-1, with PII that masking must hide. */
export const testCustomers = [
  buyer('tm-1', 'c-001', 'tb_lucky2020', '张三丰', '13812341234', '浙江省杭州市西湖区文三路100号'),
  buyer('tm-1', 'c-002', 'shopper_li', '李四', '13900001111', '浙江省宁波市鄞州区天童路8号'),
  buyer('jd-1', 'c-101', 'jd_wang', '王五', '13700002222', '上海市浦东新区世纪大道1号'),
];

const order = (shop_id: string, order_id: string, customer_id: string, paid: bigint): RowOf<typeof ordersTable> => ({
  shop_id, order_id, customer_id,
  created_at: new Date('2024-01-10T02:00:00Z'), created_day: '2024-01-10',
  paid_at: new Date('2024-01-10T02:05:00Z'), paid_day: '2024-01-10',
  shipped_at: null, finished_at: null, status: 'paid', status_raw: '买家已付款',
  goods_amount: paid, discount_platform: 0n, discount_shop: 0n, discount_creator: 0n, shipping_fee: 0n,
  order_total: paid, paid_amount: paid,
  source: '搜索', campaign_id: null, province: '浙江', city: '杭州', live_session_id: null, creator_id: null, item_count: 1,
});

/**
 * Paid orders on 2024-01-10. The out-of-scope shops carry "canary" amounts (jd-1 ¥7,777.77,
 * tm-2 ¥8,888.88) that appear in no sum of tm-1's orders (¥100 + ¥250), so any answer holding
 * them, or a sum that includes them, has let another shop's data through.
 */
export const testOrders = [
  order('tm-1', 'o-1', 'c-001', 10_000n),
  order('tm-1', 'o-2', 'c-002', 25_000n),
  order('jd-1', 'o-9', 'c-101', 777_777n),
  order('tm-2', 'o-8', 'c-201', 888_888n),
];

/** Every figure that includes an out-of-scope shop's money, as fen and as yuan text. */
export function canaryFigures(inScopeShops: readonly string[]): string[] {
  const out = new Set<string>();
  const amounts = testOrders.map((o) => ({ shop: o.shop_id, fen: o.paid_amount }));
  for (let mask = 1; mask < 1 << amounts.length; mask++) {
    const picked = amounts.filter((_, i) => mask & (1 << i));
    if (picked.every((a) => inScopeShops.includes(a.shop))) continue;
    const fen = picked.reduce((s, a) => s + a.fen, 0n);
    out.add(fen.toString());
    out.add(`${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`);
  }
  return [...out];
}

/** One user per built-in role; the agency sees tm-1 only. */
export const testUsers = {
  owner: { role: 'owner', shops: 'all' as const },
  ops: { role: 'ops', shops: 'all' as const },
  finance: { role: 'finance', shops: 'all' as const },
  cs: { role: 'cs', shops: 'all' as const },
  agency: { role: 'agency', shops: ['tm-1'] },
} satisfies Record<string, { role: string; shops: string[] | 'all' }>;
export type TestUser = keyof typeof testUsers;

export interface Client {
  readonly csrfToken: string;
  readonly cookie: string;
  inject(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

export interface TestServer {
  app: FastifyInstance;
  wh: Warehouse;
  meta: MetaStore;
  dir: string;
  /** signs in through the real login route */
  login(name: string, password?: string): Promise<Client>;
  /** a fresh session written straight to the store: no argon2 cost, for tests that need many */
  session(name: string): Promise<Client>;
  /** an API token of `name` limited to `permissions`, as a Bearer client */
  token(name: string, permissions: readonly string[]): Promise<Client>;
  close(): Promise<void>;
}

export function cookieHeader(res: LightMyRequestResponse): string {
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

function client(app: FastifyInstance, cookie: string, csrfToken: string): Client {
  return {
    csrfToken, cookie,
    inject: (o) => {
      const { csrf = true, ...rest } = o;
      return app.inject({ ...rest, headers: { ...rest.headers, cookie, ...(csrf ? { 'x-csrf-token': csrfToken } : {}) } });
    },
  };
}

export async function testServer(options: { metaUrl?: string; users?: boolean; config?: Partial<ServerConfig>; linkBase?: string } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'shoplens-server-'));
  const wh = await openWarehouse(join(dir, 'store.duckdb'));
  const meta = await openMetaStore(options.metaUrl ?? join(dir, 'meta.sqlite'));
  await wh.bulkLoad(shopsTable, testShops);
  await wh.bulkLoad(customersTable, testCustomers);
  await wh.bulkLoad(ordersTable, testOrders);
  await wh.bulkLoad(orderLinesTable, testOrders.map((o) => ({
    shop_id: o.shop_id, order_id: o.order_id, line_id: '1', sku_id: `${o.shop_id}-sku`, qty: 1, unit_price: o.paid_amount,
    goods_amount: o.paid_amount, discount_amount: 0n, paid_amount: o.paid_amount, status: 'paid', status_raw: '买家已付款', paid_day: o.paid_day,
  })));
  await recordDataChange(wh, { origin: 'test' });
  if (options.users !== false) {
    for (const [name, u] of Object.entries(testUsers)) {
      await createAccount(meta, { name, password: TEST_PASSWORD, role: u.role, shops: u.shops }, { actorId: null, actorName: 'test', ip: null });
    }
  }
  const app = await buildServer({
    wh, meta, config: serverConfig({ webDist: null, login: { maxPerMinute: 1000, lockAfter: 5, lockMs: 60_000 }, ...options.config }),
    ...(options.linkBase ? { linkBase: () => options.linkBase } : {}),
  });
  return {
    app, wh, meta, dir,
    async login(name, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name, password } });
      if (res.statusCode !== 200) throw new Error(`login ${name}: ${res.statusCode} ${res.body}`);
      return client(app, cookieHeader(res), (res.json() as { csrfToken: string }).csrfToken);
    },
    async session(name) {
      const user = await meta.users.byName(name);
      if (!user) throw new Error(`no test user ${name}`);
      const id = randomSecret();
      const csrfToken = randomSecret();
      await meta.sessions.create({ idHash: sha256(id), userId: user.id, csrfToken, expiresAt: Date.now() + 3_600_000, ip: null, userAgent: null });
      return client(app, `${SESSION_COOKIE}=${id}`, csrfToken);
    },
    async token(name, permissions) {
      const user = await meta.users.byName(name);
      if (!user) throw new Error(`no test user ${name}`);
      const token = newApiToken();
      await meta.tokens.create({ userId: user.id, name: 'test', tokenHash: sha256(token), permissions, expiresAt: null });
      return {
        csrfToken: '', cookie: '',
        inject: (o) => {
          const { csrf: _csrf, ...rest } = o;
          return app.inject({ ...rest, headers: { ...rest.headers, authorization: `Bearer ${token}` } });
        },
      };
    },
    async close() {
      await app.close();
      await meta.close();
      await wh.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
