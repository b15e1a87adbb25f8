import type { Bilingual } from '../i18n/i18n';

/** The HTTP API's shapes, as src/server/routes/{metrics,analysis,data}.ts answer them. */
export type Tier = 'strategic' | 'tactical' | 'execution';

export interface CatalogMetric {
  id: string;
  name: Bilingual;
  tier: Tier;
  definition: Bilingual;
  /** money values arrive as decimal text in yuan; ratios as fractions (0.034 = 3.4 %). */
  unit: string;
  direction: 'higher_better' | 'lower_better' | string;
  dimensions: string[];
  drivers: string[];
  /** the drivers' names, in the same order (some drivers are helper metrics not listed) */
  driverNames?: Bilingual[];
}

export interface CatalogDimension { id: string; name: Bilingual }

export interface Catalog {
  metrics: CatalogMetric[];
  dimensions: CatalogDimension[];
  /** names of helper metrics not in the list (an alert rule may watch one) */
  helperNames?: Record<string, Bilingual>;
}

export type Grain = 'day' | 'week' | 'month';
export type Compare = 'mom' | 'yoy';

export interface MetricQuery {
  metrics: string[];
  dimensions?: string[];
  filters?: Record<string, string[]>;
  from: string;
  to: string;
  grain?: Grain;
  compare?: Compare[];
  limit?: number;
}

export type Cell = string | number | null;

export interface ResultColumn {
  name: string;
  /** dimension, time bucket, a metric value, or a metric's comparison value */
  kind: 'dimension' | 'time' | 'metric' | 'compare';
  metric?: string;
  compare?: Compare;
  label: Bilingual;
  unit?: string;
}

export interface QueryResult { columns: ResultColumn[]; rows: Record<string, Cell>[] }

/** Where a metric's value and its comparisons sit in a result row. */
export const valueKey = (metric: string, compare?: Compare) => (compare ? `${metric}__${compare}` : metric);
/** The time bucket column when a query has a grain. */
export const PERIOD = 'period';

/** "为什么变化?" as src/metrics/explain answers it, plus names for display. */
export interface DriverContribution { metric: string; sign: 1 | -1; current: Cell; previous: Cell; contribution: Cell }
export interface Contributor { value: string | null; current: Cell; previous: Cell; change: Cell; drivers?: DriverContribution[] }
export interface Explanation {
  metric: string;
  unit: string;
  period: { from: string; to: string };
  previous: { from: string; to: string };
  current: Cell;
  previousValue: Cell;
  change: Cell;
  changePct: number | null;
  drivers: DriverContribution[] | null;
  breakdowns: Array<{ dimension: string; additive: boolean; rows: Contributor[] }>;
  names: Record<string, { name: Bilingual; unit: string }>;
  dimensions: Record<string, Bilingual>;
}

export interface AnalysisInfo { name: string; title: Bilingual; options: unknown }
/** Every analysis answers this shape (src/analysis/result.ts). */
export interface AnalysisResult {
  analysis: string;
  title: Bilingual;
  metrics: string[];
  summary: Record<string, Cell | boolean>;
  tables: Record<string, { title: Bilingual; rows: Record<string, Cell | boolean>[] }>;
  notes: Bilingual[];
  /** names and display kinds of the keys, by place: `summary`, `tables.<name>` */
  fields?: Record<string, Record<string, AnalysisField>>;
}

/** kind: a catalog unit (money, ratio, count, days …), or day, flag, text */
export interface AnalysisField extends Bilingual {
  kind: string;
  /** names of a text field's codes */
  values?: Record<string, Bilingual>;
}

export interface ImportFileResult {
  file: string; format: string | null; status: string; rowsRead: number; rowsLoaded: number; rowsQuarantined: number;
  /** while running: reading | cleaning | merging, and how far the file is (0–1) */
  phase?: string | null; progress?: number;
  error?: { code: string; message: Bilingual };
}
export interface ImportRun { id: string; status: 'running' | 'done' | 'failed' | string; startedAt: string; finishedAt?: string | null; progress?: number; files: ImportFileResult[] }
export interface QualityIssue { table?: string; check: string; severity: string; count: number; message: Bilingual }
export interface QuarantinedRow { file: string; row: number | null; column: string | null; code: string; reason: Bilingual; raw?: unknown }

export interface SavedReport { id: string; name: string; query: MetricQuery & { chart: ChartKind }; updatedAt?: string }
export type ChartKind = 'table' | 'line' | 'bar' | 'pie';
export interface Dashboard { id: string; name: string; reports: string[]; updatedAt?: string }

/** Platforms, shops and categories the global filters offer. */
export interface FilterOptions {
  platforms: Array<{ id: string; name: { zh: string; en: string } }>;
  shops: Array<{ id: string; name: string; platform: string }>;
  categories: string[];
  /** campaign id → name, for charts by campaign */
  campaigns: Array<{ id: string; name: string }>;
  /** the last day with data; presets count back from it so the demo store always shows numbers */
  lastDay: string | null;
}
