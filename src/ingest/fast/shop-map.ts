/**
 * Shops of the DuckDB path: the resolver (run/shops.ts) decides per distinct (店铺Id, 店铺名称)
 * pair, in the order the pairs first appear — which is what it decides row by row, as long as
 * a pair's answer does not change during the file. It can (a name first met under one id, later
 * named by another row): such a file takes the JS path. Pairs are decided on a scratch
 * resolver piece by piece (TEMP table `shop_map`: sid, sname, shop); only once the whole file
 * is staged are they replayed, in the same order, on the run's resolver.
 */
import type { Platform } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { ShopResolver } from '../run/shops.js';

/** More distinct pairs than this is not a real export: the JS path takes it. */
const MAX_PAIRS = 10_000;

type Pair = { sid: string | null; sname: string | null };
const u = (v: string | null) => v ?? undefined;

export class ShopMapper {
  private readonly pairs: (Pair & { shop: string | undefined })[] = [];
  private readonly known = new Set<string>();

  private constructor(readonly scratch: ShopResolver, private readonly fallback: string | undefined, private readonly platform: Platform) {}

  static async create(tx: Warehouse, fallback: string | undefined, platform: Platform): Promise<ShopMapper> {
    await tx.exec('CREATE TEMP TABLE shop_map (sid VARCHAR, sname VARCHAR, shop VARCHAR)');
    return new ShopMapper(await ShopResolver.load(tx), fallback, platform);
  }

  /** The pairs of the piece in `cln`; false: a pair's answer changed (or too many pairs). */
  async addPiece(tx: Warehouse): Promise<boolean> {
    const p = tx.dialect.param;
    for (const pair of await tx.query<Pair>(`SELECT sid, sname FROM cln GROUP BY ALL ORDER BY min(rn) LIMIT ${MAX_PAIRS + 1}`)) {
      const key = JSON.stringify([pair.sid, pair.sname]);
      if (this.known.has(key)) continue;
      if (this.known.size >= MAX_PAIRS) return false;
      this.known.add(key);
      const shop = this.scratch.resolve(u(pair.sid), u(pair.sname), this.fallback, this.platform);
      this.pairs.push({ ...pair, shop });
      await tx.exec(`INSERT INTO shop_map VALUES (${p(1)}, ${p(2)}, ${p(3)})`, [pair.sid, pair.sname, shop ?? null]);
    }
    return this.pairs.every((x) => this.scratch.resolve(u(x.sid), u(x.sname), this.fallback, this.platform) === x.shop);
  }

  /** The run's resolver meets the pairs as the JS path would have (shops seen, names learnt). */
  replay(resolver: ShopResolver): void {
    for (const x of this.pairs) resolver.resolve(u(x.sid), u(x.sname), this.fallback, this.platform);
  }
}
