/**
 * After-sales cases of one order line. Before shipping, buyers cancel (仅退款, 发货前); after
 * delivery they return, ask for partial compensation, exchange, or report a missing item (补寄).
 * Reasons follow the platforms' reason lists. A refund-spike incident turns a share of the
 * line's cases into 质量问题 returns.
 */
import type { RefundRow } from '../model/index.js';
import type { Rng } from './prng.js';
import type { ShopSpec } from './shops.js';

const HOUR = 3_600_000;
const PRE_SHIP_REASONS = ['不想要了', '拍错/多拍', '协商一致退款', '未按约定时间发货'];
const RETURN_REASONS = ['七天无理由退换货', '尺码/规格不合适', '质量问题', '与商品描述不符', '发错货'];
const PARTIAL_REASONS = ['质量问题', '商品破损', '少件/漏发'];
const EXCHANGE_REASONS = ['尺码/规格不合适', '颜色/款式不喜欢'];

export interface LineForRefund {
  orderId: string;
  lineId: string;
  skuId: string;
  qty: number;
  paid: number;
  paidMs: number;
  /** NaN when not shipped (yet) */
  shippedMs: number;
}

export interface RefundOutcome {
  row: RefundRow;
  /** fen refunded successfully (0 unless status success) */
  refunded: number;
  /** a successful cancellation before shipping */
  cancelled: boolean;
}

function statusRaw(shop: ShopSpec, status: RefundRow['status']): string {
  if (shop.platform === 'douyin') return status === 'success' ? '退款成功' : status === 'closed' ? '售后关闭' : '售后待处理';
  return status === 'success' ? '退款成功' : status === 'closed' ? '退款关闭' : '退款中';
}

/**
 * One after-sales case for the line, or none. `rate` is the chance of a case; `spike` forces
 * 质量问题 returns. `endMs` is the end of the data: later events are still open.
 */
export function refundForLine(
  shop: ShopSpec, line: LineForRefund, rate: number, spike: boolean, refundId: () => string, endMs: number, rng: Rng,
): RefundOutcome | null {
  if (!rng.chance(rate)) return null;
  const preShip = !spike && (Number.isNaN(line.shippedMs) || rng.chance(0.22));
  let type: RefundRow['type'];
  let reason: string;
  let amount: number;
  let qty: number;
  let appliedMs: number;
  if (preShip) {
    type = 'refund_only';
    reason = rng.pick(PRE_SHIP_REASONS);
    amount = line.paid;
    qty = 0;
    appliedMs = line.paidMs + (0.2 + rng.next() * 10) * HOUR;
  } else {
    const base = Number.isNaN(line.shippedMs) ? line.paidMs + 24 * HOUR : line.shippedMs;
    appliedMs = base + (24 + rng.next() * 7 * 24) * HOUR;
    const r = spike ? rng.next() * 0.95 : rng.next();
    if (r < 0.6) {
      type = 'return_refund';
      reason = spike ? '质量问题' : rng.pick(RETURN_REASONS);
      amount = line.paid;
      qty = line.qty;
    } else if (r < 0.85 || spike) {
      type = 'refund_only';
      reason = spike ? '质量问题' : rng.pick(PARTIAL_REASONS);
      amount = spike ? line.paid : Math.max(1, Math.round(line.paid * (0.2 + rng.next() * 0.3)));
      qty = 0;
    } else if (r < 0.95) {
      type = 'exchange';
      reason = rng.pick(EXCHANGE_REASONS);
      amount = 0;
      qty = line.qty;
    } else {
      type = 'resend';
      reason = '少件/漏发';
      amount = 0;
      qty = 0;
    }
  }
  appliedMs = Math.floor(appliedMs / 1000) * 1000;
  if (appliedMs >= endMs) return null;
  const finishedMs = Math.floor((appliedMs + (2 + rng.next() * 70) * HOUR) / 1000) * 1000;
  const open = finishedMs >= endMs;
  const status: RefundRow['status'] = open ? 'pending' : rng.chance(spike ? 0.97 : 0.88) ? 'success' : 'closed';
  const row: RefundRow = {
    shop_id: shop.id, refund_id: refundId(), order_id: line.orderId, line_id: line.lineId, sku_id: line.skuId, type, reason,
    amount: BigInt(amount), qty, applied_at: new Date(appliedMs), finished_at: open ? null : new Date(finishedMs),
    finished_day: null, status, status_raw: statusRaw(shop, status),
  };
  return { row, refunded: status === 'success' ? amount : 0, cancelled: preShip && status === 'success' };
}
