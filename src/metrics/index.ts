/** The metric layer's library API: every number in ShopLens comes through here (统一口径). */
export { loadCatalog, makeCatalog, type Catalog } from './catalog/load.js';
export type { CompiledMetric } from './catalog/resolve.js';
export type { Metric, MetricInput, Unit } from './catalog/schema.js';
export { compileMetricQuery, type CompiledQuery, type CompileOptions } from './compile/compile.js';
export { runMetricQuery, executeMetricQuery, campaignAlignedRange, type MetricResult, type ResultColumn, type RunOptions } from './run.js';
export { explainMetric, type Explanation, type ExplainRequest, type Contributor, type DriverContribution } from './explain/explain.js';
export { validateQuery, compareKinds, type MetricQuery, type Scope, type CompareKind } from './query.js';
export { dimensionNames, dimensionLabels, timeGrains, grainLabels, drillPaths, type DimensionName, type TimeGrain } from './dimensions.js';
export { previousRange, type DayRange } from './time/periods.js';
export { MetricErrors } from './errors.js';
export type { Cell } from './format.js';
export { refreshRollups } from './rollups/refresh.js';
