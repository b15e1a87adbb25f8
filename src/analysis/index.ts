/** Public API of the analysis layer: every analysis function and the registry the CLI and API use. */
import { entry, type AnalysisEntry } from './registry.js';
import { rfmAnalysis, rfmOptions } from './rfm/rfm.js';
import { ltvAnalysis, ltvOptions } from './ltv/ltv.js';
import { cohortAnalysis, cohortOptions } from './cohort/cohort.js';
import { abcAnalysis, abcOptions } from './abc/abc.js';
import { basketAnalysis, basketOptions } from './basket/basket.js';
import { membersAnalysis, membersOptions } from './members/members.js';
import { funnelAnalysis, funnelOptions } from './funnel/funnel.js';
import { pnlAnalysis, pnlOptions } from './profit/pnl.js';
import { channelRoiAnalysis, channelOptions } from './channel/channel-roi.js';
import { inventoryAnalysis, inventoryOptions } from './inventory/inventory.js';
import { forecastAnalysis, forecastOptions } from './forecast/forecast.js';
import { campaignAnalysis, campaignOptions } from './campaign/campaign.js';
import { reconcileAnalysis, reconcileOptions } from './profit/reconcile.js';

export const analyses: readonly AnalysisEntry[] = [
  entry('funnel', '转化漏斗', 'funnels', funnelOptions, funnelAnalysis),
  entry('rfm', 'RFM 客户价值分群', 'RFM segments', rfmOptions, rfmAnalysis, () => ({ buyers: ['buyers'] })),
  entry('cohort', '同期群与复购', 'cohorts and repurchase', cohortOptions, cohortAnalysis),
  entry('abc', 'ABC 帕累托分析', 'ABC (Pareto)', abcOptions, abcAnalysis, (o) => ({
    ...(o.measure === 'gross_profit' ? { finance: 'all' } : {}), ...(o.by === 'customer' ? { buyers: 'all' } : {}),
  })),
  entry('basket', '关联购买', 'basket pairs', basketOptions, basketAnalysis),
  entry('members', '会员分层', 'member layers', membersOptions, membersAnalysis, () => ({ buyers: ['winback'] })),
  entry('pnl', '损益表', 'profit and loss', pnlOptions, pnlAnalysis, () => ({ finance: 'all' })),
  entry('reconcile', '对账', 'reconciliation', reconcileOptions, reconcileAnalysis, () => ({ finance: 'all' })),
  entry('channel', '渠道投放 ROI', 'channel ROI', channelOptions, channelRoiAnalysis),
  entry('inventory', '库存健康', 'inventory health', inventoryOptions, inventoryAnalysis, () => ({ finance: ['stock_value', 'turnover_days'] })),
  entry('forecast', '销售预测', 'sales forecast', forecastOptions, forecastAnalysis),
  entry('campaign', '大促复盘', 'campaign review', campaignOptions, campaignAnalysis),
  entry('ltv', '客户终身价值预测', 'LTV prediction (BG/NBD + Gamma-Gamma)', ltvOptions, ltvAnalysis, () => ({ buyers: ['buyers'] })),
];

export { findAnalysis, parseOptions, type AnalysisEntry, type Sensitive } from './registry.js';
export type { AnalysisResult, ResultTable, Row, Cell, Bilingual } from './result.js';
export type { ShopScope } from './sql.js';
export { AnalysisErrors } from './errors.js';
export { rfmAnalysis, type RfmOptions } from './rfm/rfm.js';
export { ltvAnalysis, type LtvOptions } from './ltv/ltv.js';
export { cohortAnalysis, type CohortOptions } from './cohort/cohort.js';
export { abcAnalysis, type AbcOptions } from './abc/abc.js';
export { basketAnalysis, type BasketOptions } from './basket/basket.js';
export { membersAnalysis, type MembersOptions } from './members/members.js';
export { funnelAnalysis, type FunnelOptions } from './funnel/funnel.js';
export { pnlAnalysis, type PnlOptions } from './profit/pnl.js';
export { channelRoiAnalysis, type ChannelOptions } from './channel/channel-roi.js';
export { inventoryAnalysis, type InventoryOptions } from './inventory/inventory.js';
export { forecastAnalysis, type ForecastOptions } from './forecast/forecast.js';
export { campaignAnalysis, type CampaignOptions } from './campaign/campaign.js';
export { reconcileAnalysis, type ReconcileOptions } from './profit/reconcile.js';
export { fitSummaryFile, type SummaryFit } from './ltv/fit-summary.js';
export { fitBgNbd, expectedPurchases, probabilityAlive, bgNbdLogLikelihood } from './ltv/bg-nbd.js';
export { fitGammaGamma, expectedAverageSpend, gammaGammaLogLikelihood } from './ltv/gamma-gamma.js';
export { resultToXlsx } from './xlsx.js';
