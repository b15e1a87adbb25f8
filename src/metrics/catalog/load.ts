/**
 * Loads the built-in catalog (one data module per domain) plus an optional user catalog file
 * (JSON `{ "metrics": [...] }`, path from `SHOPLENS_CATALOG` or `--catalog`) that adds or
 * overrides metrics. Every problem is reported at once, each with its file and line.
 */
import { readFileSync } from 'node:fs';
import { fail } from '../../core/errors.js';
import { MetricErrors as E } from '../errors.js';
import { customerMetrics } from './customers.js';
import { inventoryMetrics } from './inventory.js';
import { jsonValueLines, lineAtOffset, lineOf } from './json-lines.js';
import { marketingMetrics } from './marketing.js';
import { profitMetrics } from './profit.js';
import { refundMetrics } from './refunds.js';
import { resolveMetrics, type CompiledMetric, type Problem, type RawEntry } from './resolve.js';
import { salesMetrics } from './sales.js';
import { metricSchema, type MetricInput } from './schema.js';
import { serviceMetrics } from './service.js';
import { trafficMetrics } from './traffic.js';

const builtIn: Record<string, readonly MetricInput[]> = {
  sales: salesMetrics, traffic: trafficMetrics, customers: customerMetrics, marketing: marketingMetrics,
  refunds: refundMetrics, profit: profitMetrics, inventory: inventoryMetrics, service: serviceMetrics,
};

export interface Catalog {
  readonly metrics: ReadonlyMap<string, CompiledMetric>;
  /** the metric, or a METRIC_UNKNOWN error listing what exists */
  get(id: string): CompiledMetric;
  /** metrics for people to pick from (helpers hidden unless asked) */
  list(options?: { includeHidden?: boolean }): CompiledMetric[];
}

export function makeCatalog(metrics: ReadonlyMap<string, CompiledMetric>): Catalog {
  return {
    metrics,
    get(id) {
      const m = metrics.get(id);
      if (!m) fail(E.METRIC_UNKNOWN, { name: id, known: [...metrics.values()].filter((x) => !x.hidden).map((x) => x.id).join(', ') });
      return m;
    },
    list(options = {}) {
      return [...metrics.values()].filter((m) => options.includeHidden || !m.hidden);
    },
  };
}

function parseEntries(items: readonly unknown[], file: string, lineFor: (path: (string | number)[]) => number | undefined, problems: Problem[]): RawEntry[] {
  const out: RawEntry[] = [];
  items.forEach((item, i) => {
    const r = metricSchema.safeParse(item);
    const id = (item as { id?: unknown })?.id;
    if (r.success) {
      const line = lineFor([i]);
      out.push({ metric: r.data, source: { file, ...(line !== undefined ? { line } : {}) }, lineOf: (p) => lineFor([i, ...p]) });
      return;
    }
    for (const issue of r.error.issues) {
      const path = [i, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
      const line = lineFor(path);
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      problems.push({ file, ...(line !== undefined ? { line } : {}), ...(typeof id === 'string' ? { metric: id } : {}), message: `${where}${issue.message}` });
    }
  });
  return out;
}

function readUserCatalog(path: string, problems: Problem[]): RawEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail(E.METRIC_CATALOG_UNREADABLE, { file: path, reason: (e as Error).message });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message);
    problems.push({ file: path, ...(pos ? { line: lineAtOffset(text, Number(pos[1])) } : {}), message: `not valid JSON: ${(e as Error).message}` });
    return [];
  }
  const lines = jsonValueLines(text);
  const items = (doc as { metrics?: unknown })?.metrics;
  if (!Array.isArray(items)) {
    problems.push({ file: path, line: 1, message: 'expected an object { "metrics": [ … ] }' });
    return [];
  }
  return parseEntries(items, path, (p) => lineOf(lines, ['metrics', ...p]), problems);
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `  ${p.file}${p.line !== undefined ? `:${p.line}` : ''}${p.metric ? ` [${p.metric}]` : ''} ${p.message}`).join('\n');
}

/** The catalog; throws METRIC_CATALOG_INVALID listing every problem with file and line. */
export function loadCatalog(options: { userCatalogPath?: string } = {}): Catalog {
  const problems: Problem[] = [];
  const entries: RawEntry[] = [];
  for (const [domain, list] of Object.entries(builtIn)) {
    entries.push(...parseEntries(list, `src/metrics/catalog/${domain}.ts`, () => undefined, problems));
  }
  const userPath = options.userCatalogPath ?? process.env.SHOPLENS_CATALOG;
  if (userPath) entries.push(...readUserCatalog(userPath, problems));
  const metrics = resolveMetrics(entries, problems);
  if (problems.length > 0) {
    const file = userPath && problems.some((p) => p.file === userPath) ? userPath : 'src/metrics/catalog';
    fail(E.METRIC_CATALOG_INVALID, { file, count: problems.length, details: formatProblems(problems) }, { file, ...(problems[0]?.line !== undefined ? { row: problems[0].line } : {}) });
  }
  return makeCatalog(metrics);
}
