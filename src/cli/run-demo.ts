import { generateDemo, type DemoSummary } from '../demo/index.js';
import { refreshRollups } from '../metrics/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { Progress } from './progress.js';

/**
 * Generates the demo store with a progress bar, then builds the metric rollups right away so
 * the first page or query does not pay for them.
 */
export async function runDemo(wh: Warehouse, options: { orderLines: number; seed: number; endDay?: string }): Promise<DemoSummary> {
  const progress = new Progress('demo', options.orderLines, 'lines');
  const summary = await generateDemo(wh, { ...options, onProgress: (n) => progress.update(n) });
  progress.done(summary.orderLines);
  process.stderr.write('正在生成指标汇总表 / building metric rollups…\n');
  await refreshRollups(wh);
  return summary;
}
