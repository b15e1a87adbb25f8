/**
 * Which shop a row belongs to: the file's own shop columns (a 店铺名称/店铺 already known wins,
 * then 店铺Id, then the name itself — an ERP names the platform shop by name), else --shop. Shops seen
 * for the first time are created with the platform of the source.
 */
import type { Platform } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';

export interface ShopSeen {
  shop_id: string;
  name: string;
  platform: Platform;
}

export class ShopResolver {
  private readonly byName = new Map<string, string>();
  private readonly known = new Set<string>();
  readonly seen = new Map<string, ShopSeen>();
  readonly zones = new Map<string, string>();

  static async load(wh: Warehouse): Promise<ShopResolver> {
    const r = new ShopResolver();
    for (const s of await wh.query<{ shop_id: string; name: string; timezone: string }>('SELECT shop_id, name, timezone FROM shops')) {
      r.known.add(s.shop_id);
      r.byName.set(s.name, s.shop_id);
      r.zones.set(s.shop_id, s.timezone);
    }
    return r;
  }

  /** undefined: no shop known for this row. */
  resolve(id: string | undefined, name: string | undefined, fallback: string | undefined, platform: Platform): string | undefined {
    // A known shop name wins over the id column: an ERP may have created the shop by name
    // before the platform file (with its 店铺Id) arrived, and both must land in one shop.
    const known = name !== undefined ? this.byName.get(name) : undefined;
    const shop = known ?? id ?? name ?? fallback;
    if (shop === undefined) return undefined;
    if (!this.seen.has(shop)) {
      this.seen.set(shop, { shop_id: shop, name: name ?? shop, platform });
      if (name !== undefined && !this.byName.has(name)) this.byName.set(name, shop);
    }
    return shop;
  }

  /** Adds the shops this run named that the store does not have yet. */
  async createMissing(tx: Warehouse, timezone: string, currency: string): Promise<string[]> {
    const p = tx.dialect.param;
    const created: string[] = [];
    for (const s of this.seen.values()) {
      if (this.known.has(s.shop_id)) continue;
      await tx.exec(`INSERT INTO shops VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, false)`, [s.shop_id, s.platform, s.name, timezone, currency]);
      created.push(s.shop_id);
    }
    return created;
  }
}
