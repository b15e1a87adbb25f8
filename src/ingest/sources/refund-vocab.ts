/** Refund / after-sales wording → canonical refund status and type (Taobao, Douyin, ERPs). */
import { vocabulary } from '../clean/statuses.js';

export const refundStatuses = vocabulary<'pending' | 'success' | 'closed'>({
  退款成功: 'success', 售后完成: 'success', 已完成: 'success', 退款完成: 'success', 已退款: 'success',
  退款关闭: 'closed', 售后关闭: 'closed', 已关闭: 'closed', 已取消: 'closed', 退款取消: 'closed',
  // Open cases, in Taobao's and Douyin's words: known, so the quality report does not flag them as unknown.
  '买家已经申请退款,等待卖家同意': 'pending', '卖家已经同意退款,等待买家退货': 'pending', '买家已经退货,等待卖家确认收货': 'pending',
  卖家拒绝退款: 'pending', 退款中: 'pending', 售后待处理: 'pending', 待商家处理: 'pending', 待买家退货: 'pending', 待商家收货: 'pending',
});

export const refundTypes = vocabulary<'refund_only' | 'return_refund' | 'exchange' | 'resend'>({
  退货: 'return_refund', 退货退款: 'return_refund', 仅退款: 'refund_only', 发货前退款: 'refund_only',
  已发货仅退款: 'refund_only', 未发货仅退款: 'refund_only', 换货: 'exchange', 补寄: 'resend',
  // Douyin API codes, when an export writes the code instead of the word.
  '0': 'return_refund', '1': 'refund_only', '2': 'refund_only', '3': 'exchange', '7': 'resend',
});
