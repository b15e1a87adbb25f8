export { importFile, type ImportOptions, type ImportResult } from './run/import-file.js';
export type { ImportPhase, ImportProgress } from './run/progress.js';
export { sourceFormats, detectSource, findSource } from './sources/registry.js';
export type { SourceFormat } from './sources/types.js';
export { IngestErrors } from './errors.js';
export { checkName, runStoreChecks, type Finding } from './quality/checks.js';
export type { TableCounts } from './merge/sql.js';
export { dataCoverage, coverageKinds, type ShopCoverage, type CoverageKind } from './coverage.js';
