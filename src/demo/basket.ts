/**
 * What one order buys and what it costs: lines drawn by SKU popularity (only SKUs in stock),
 * then the discounts of the day — store coupons, campaign 满减, platform subsidies (百亿补贴,
 * 消费券), creator coupons on Douyin — split over the lines by largest remainder so the lines
 * add up to the order exactly.
 */
import { allocate } from './allocate.js';
import type { DayInfo } from './calendar.js';
import type { ShopCatalog } from './catalog.js';
import { pickCumulative, type Rng } from './prng.js';
import type { ShopSpec } from './shops.js';

export interface BasketLine {
  sku: number;
  qty: number;
  unitPrice: number;
  goods: number;
  discount: number;
  paid: number;
}

export interface Basket {
  lines: BasketLine[];
  goods: number;
  discountPlatform: number;
  discountShop: number;
  discountCreator: number;
  shipping: number;
  total: number;
}

const LINE_COUNTS = [0.76, 0.92, 0.98, 1] as const;

/** Picks the lines; `available(k, qty)` says whether the SKU can be sold. Empty when nothing is in stock. */
export function pickLines(cat: ShopCatalog, rng: Rng, available: (k: number, qty: number) => boolean): { sku: number; qty: number }[] {
  const u = rng.next();
  const n = 1 + LINE_COUNTS.findIndex((c) => u < c);
  const out: { sku: number; qty: number }[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    const qty = r < 0.84 ? 1 : r < 0.96 ? 2 : 3;
    for (let attempt = 0; attempt < 3; attempt++) {
      const k = pickCumulative(cat.cumulative, rng);
      if (out.some((l) => l.sku === k) || !available(k, qty)) continue;
      out.push({ sku: k, qty });
      break;
    }
  }
  return out;
}

/** Prices the lines and applies the day's discounts. `paid` is false for orders never paid. */
export function priceBasket(
  shop: ShopSpec, cat: ShopCatalog, picked: readonly { sku: number; qty: number }[], day: DayInfo, source: string, paid: boolean, rng: Rng,
): Basket {
  const lines: BasketLine[] = picked.map(({ sku, qty }) => {
    const unitPrice = cat.skus[sku]!.price;
    return { sku, qty, unitPrice, goods: unitPrice * qty, discount: 0, paid: 0 };
  });
  const goods = lines.reduce((s, l) => s + l.goods, 0);
  let shop_ = 0;
  if (day.phase === 'burst') shop_ = Math.floor(goods / 30000) * 5000; // 每满300减50
  else if (day.phase !== null) shop_ = Math.floor(goods / 30000) * 3000;
  else if (goods >= 9900 && rng.chance(0.15)) shop_ = Math.min(2000, Math.round(goods * 0.1 / 100) * 100);
  let platform = 0;
  const subsidy = shop.platform === 'pdd' ? 0.4 : day.phase === 'burst' ? 0.3 : shop.platform === 'jd' ? 0.15 : 0.05;
  if (rng.chance(subsidy)) platform = Math.round(goods * (0.03 + rng.next() * 0.05));
  const creator = source === '达人' && rng.chance(0.5) ? Math.round(goods * 0.05) : 0;
  // Discounts never take more than half the goods value.
  const cap = Math.floor(goods / 2);
  const discountShop = Math.min(shop_, cap);
  const discountPlatform = Math.min(platform, cap - discountShop);
  const discountCreator = Math.min(creator, cap - discountShop - discountPlatform);
  const shipping = shop.id === 'taobao_store' && goods < 4900 ? 600 : 0;
  const discountTotal = discountShop + discountPlatform + discountCreator;
  const total = goods - discountTotal + shipping;
  const weights = lines.map((l) => l.goods);
  const discounts = allocate(discountTotal, weights);
  const paids = allocate(paid ? total : 0, weights);
  lines.forEach((l, i) => {
    l.discount = discounts[i]!;
    l.paid = paids[i]!;
  });
  return { lines, goods, discountPlatform, discountShop, discountCreator, shipping, total };
}
