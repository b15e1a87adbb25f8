/** ERP order statuses (旺店通, 聚水潭) → canonical. */
import type { OrderStatus } from '../../model/index.js';
import { vocabulary } from '../clean/statuses.js';

export const erpStatuses = vocabulary<OrderStatus>({
  未付款: 'unpaid', 等待付款: 'unpaid', 待付款: 'unpaid',
  待审核: 'paid', 已审核: 'paid', 已付款待审核: 'paid', 待发货: 'paid', 发货中: 'paid', 打单: 'paid', 配货中: 'paid', 异常: 'paid',
  已发货: 'shipped', 已出库: 'shipped', 部分发货: 'shipped',
  已完成: 'completed', 交易成功: 'completed', 已签收: 'completed',
  已取消: 'closed', 取消: 'closed', 已关闭: 'closed', 作废: 'closed',
});
