/**
 * Shops of the DuckDB path: the resolver (run/shops.ts) decides per distinct (店铺Id, 店铺名称)
 * pair, in the order the pairs first appear — which is what it decides row by row, as long as
 * a pair's answer does not change during the file. It can (a name first met under one id, later
 * named by another row): that is checked on a scratch resolver first, and such a file takes the
 * JS path. Results go to the TEMP table `shop_map` (sid, sname, shop).
 */
import type { Platform } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { ShopResolver } from '../run/shops.js';

/** More distinct pairs than this is not a real export: the JS path takes it. */
const MAX_PAIRS = 10_000;

type Pair = { sid: string | null; sname: string | null };

/** false: the row-by-row answer could differ (caller takes the JS path); nothing was resolved. */
export async function mapShops(tx: Warehouse, resolver: ShopResolver, fallback: string | undefined, platform: Platform): Promise<boolean> {
  const pairs = await tx.query<Pair>(`SELECT sid, sname FROM cln GROUP BY ALL ORDER BY min(rn) LIMIT ${MAX_PAIRS + 1}`);
  if (pairs.length > MAX_PAIRS) return false;
  const u = (v: string | null) => v ?? undefined;
  const scratch = await ShopResolver.load(tx);
  const first = pairs.map((p) => scratch.resolve(u(p.sid), u(p.sname), fallback, platform));
  if (pairs.some((p, k) => scratch.resolve(u(p.sid), u(p.sname), fallback, platform) !== first[k])) return false;
  await tx.exec('CREATE TEMP TABLE shop_map (sid VARCHAR, sname VARCHAR, shop VARCHAR)');
  const p = tx.dialect.param;
  for (const pair of pairs) {
    const shop = resolver.resolve(u(pair.sid), u(pair.sname), fallback, platform);
    await tx.exec(`INSERT INTO shop_map VALUES (${p(1)}, ${p(2)}, ${p(3)})`, [pair.sid, pair.sname, shop ?? null]);
  }
  return true;
}
