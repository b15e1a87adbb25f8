/**
 * The brand's catalog: a three-level category tree of home goods, ~470 items (SPU) with one
 * to four variants each, listed in two or three of the six shops, about 2,000 shop SKUs in
 * all. Popularity follows a Zipf curve within each shop, so a handful of hit SKUs carry a
 * large share of sales, as in real shops.
 */
import type { ProductRow } from '../model/index.js';
import { cumulativeOf, type Rng } from './prng.js';
import type { ShopSpec } from './shops.js';

interface Leaf {
  l1: string;
  l2: string;
  l3: string;
  /** list price range, yuan */
  price: [number, number];
  /** ordinary refund (after-sales) rate of a line */
  refundRate: number;
  variants: readonly string[];
}

const leaf = (l1: string, l2: string, l3: string, price: [number, number], refundRate: number, variants: string[]): Leaf =>
  ({ l1, l2, l3, price, refundRate, variants });

const COLOURS = ['奶白', '雾蓝', '燕麦色', '墨绿'];
const SIZES = ['小号', '中号', '大号'];
export const LEAVES: readonly Leaf[] = [
  leaf('厨房用品', '锅具', '炒锅', [129, 399], 0.05, ['32cm', '34cm']),
  leaf('厨房用品', '锅具', '汤锅', [99, 299], 0.045, ['20cm', '24cm']),
  leaf('厨房用品', '锅具', '平底锅', [79, 199], 0.05, ['24cm', '28cm']),
  leaf('厨房用品', '刀具', '菜刀', [59, 259], 0.03, ['切片刀', '斩骨刀']),
  leaf('厨房用品', '刀具', '刀具套装', [199, 599], 0.035, ['五件套', '七件套']),
  leaf('厨房用品', '餐具', '碗', [19, 89], 0.06, ['4只装', '6只装', '10只装']),
  leaf('厨房用品', '餐具', '盘', [29, 129], 0.06, ['8寸', '10寸']),
  leaf('厨房用品', '餐具', '筷子', [19, 59], 0.025, ['10双', '20双']),
  leaf('家居日用', '收纳', '收纳箱', [39, 149], 0.07, SIZES),
  leaf('家居日用', '收纳', '收纳盒', [15, 69], 0.06, COLOURS),
  leaf('家居日用', '收纳', '衣架', [19, 59], 0.04, ['20只', '40只']),
  leaf('家居日用', '清洁', '拖把', [49, 199], 0.055, ['平板款', '旋转款']),
  leaf('家居日用', '清洁', '垃圾袋', [9.9, 39], 0.015, ['加厚100只', '抽绳150只']),
  leaf('家居日用', '清洁', '抹布', [9.9, 29], 0.02, ['10条装', '20条装']),
  leaf('家居日用', '床品', '四件套', [199, 699], 0.09, ['1.5m', '1.8m', '2.0m']),
  leaf('家居日用', '床品', '枕头', [59, 259], 0.08, ['低枕', '中枕']),
  leaf('家居日用', '床品', '被子', [159, 899], 0.085, ['春秋被', '冬被']),
  leaf('个人护理', '口腔护理', '电动牙刷', [99, 399], 0.05, COLOURS),
  leaf('个人护理', '口腔护理', '牙膏', [19, 59], 0.01, ['120g', '3支装']),
  leaf('个人护理', '洗护', '洗发水', [39, 129], 0.02, ['500ml', '1L']),
  leaf('个人护理', '洗护', '沐浴露', [29, 99], 0.02, ['500ml', '1L']),
  leaf('个人护理', '毛巾', '毛巾', [19, 79], 0.03, COLOURS),
  leaf('个人护理', '毛巾', '浴巾', [49, 149], 0.035, COLOURS),
  leaf('母婴用品', '喂养', '奶瓶', [59, 199], 0.04, ['160ml', '240ml']),
  leaf('母婴用品', '喂养', '儿童水杯', [39, 129], 0.045, ['鸭嘴款', '吸管款']),
  leaf('母婴用品', '婴儿洗护', '婴儿湿巾', [19, 69], 0.015, ['10包', '20包']),
  leaf('母婴用品', '婴儿洗护', '婴儿洗衣液', [29, 89], 0.015, ['1L', '2L']),
];

const ADJECTIVES = ['轻奢', '北欧', '日式', '加厚', '简约', '家用', '大容量', '不粘', '抗菌', '纯棉', '升级款', '经典款'];

/** A SKU as the generator uses it: numbers in parallel arrays would be leaner, but there are only ~2,000. */
export interface DemoSku {
  shopIndex: number;
  skuId: string;
  /** list price, fen */
  price: number;
  /** unit cost, fen */
  cost: number;
  leaf: number;
  refundRate: number;
  row: ProductRow;
}

export interface ShopCatalog {
  skus: DemoSku[];
  /** cumulative popularity over `skus`, for weighted draws */
  cumulative: Float64Array;
}

const SPU_COUNT = 470;

/** Builds every shop's listing. Hits are listed in more shops. */
export function buildCatalog(shops: readonly ShopSpec[], rng: Rng, firstDayUtcMs: number): ShopCatalog[] {
  const perShop: { sku: DemoSku; weight: number }[][] = shops.map(() => []);
  // Popularity ranks are a shuffled permutation: one clear best seller, a long tail.
  const rank = Array.from({ length: SPU_COUNT }, (_, i) => i);
  for (let i = SPU_COUNT - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  for (let spu = 0; spu < SPU_COUNT; spu++) {
    const lf = LEAVES[spu % LEAVES.length]!;
    const leafIndex = spu % LEAVES.length;
    const basePrice = Math.round((lf.price[0] + rng.next() * (lf.price[1] - lf.price[0])) * 10) * 10 - 10; // ends in 9.90
    const title = `简屿 ${rng.pick(ADJECTIVES)}${lf.l3} ${String(spu + 1).padStart(3, '0')}`;
    const variants = lf.variants.slice(0, 1 + rng.int(lf.variants.length));
    const popularity = 1 / Math.pow(1 + rank[spu]!, 1.1);
    const kitchen = lf.l1 === '厨房用品';
    // Every item is on the flagship; others list a subset (the kitchen shop only kitchenware).
    const listedIn = shops.map((s, i) => {
      if (i === 0) return true;
      if (s.id === 'tmall_kitchen') return kitchen && rng.chance(0.7);
      return rng.chance(popularity > 0.01 ? 0.8 : 0.28);
    });
    const launched = firstDayUtcMs - rng.int(900) * 86_400_000;
    variants.forEach((variant, v) => {
      const merchantCode = `JY${String(spu + 1).padStart(4, '0')}-${v + 1}`;
      const price = basePrice + v * Math.round(basePrice * 0.15 / 100) * 100;
      const cost = Math.round(price * (0.32 + rng.next() * 0.16));
      const variantWeight = popularity * (v === 0 ? 1 : 0.6 / v);
      listedIn.forEach((listed, shopIndex) => {
        if (!listed) return;
        const shop = shops[shopIndex]!;
        const shopPrice = shop.platform === 'pdd' ? Math.round(price * 0.85 / 10) * 10 - 10 : price;
        const skuId = skuIdOf(shop, shopIndex, spu, v);
        const row: ProductRow = {
          shop_id: shop.id, sku_id: skuId, spu_id: `${skuId.slice(0, -2)}00`, merchant_code: merchantCode,
          title: `${title} ${variant}`, category_l1: lf.l1, category_l2: lf.l2, category_l3: lf.l3, brand: '简屿',
          list_price: BigInt(shopPrice), unit_cost: BigInt(cost), status: 'on_sale', launched_at: new Date(launched),
        };
        perShop[shopIndex]!.push({
          sku: { shopIndex, skuId, price: shopPrice, cost, leaf: leafIndex, refundRate: lf.refundRate, row },
          weight: variantWeight,
        });
      });
    });
  }
  return perShop.map((list) => {
    list.sort((a, b) => b.weight - a.weight || (a.sku.skuId < b.sku.skuId ? -1 : 1));
    return { skus: list.map((x) => x.sku), cumulative: cumulativeOf(list.map((x) => x.weight)) };
  });
}

function skuIdOf(shop: ShopSpec, shopIndex: number, spu: number, variant: number): string {
  const base = 600_000 + spu * 97 + shopIndex * 13;
  switch (shop.platform) {
    case 'jd': return String(100_012_000_000 + base * 100 + variant + 1);
    case 'pdd': return String(52_000_000_000 + base * 100 + variant + 1);
    case 'douyin': return `3650${String(base * 100 + variant + 1).padStart(15, '0')}`;
    default: return String(720_000_000_000 + base * 100 + variant + 1);
  }
}
