/**
 * `shoplens analyze <name>`: runs one analysis of the registry on the store and prints it as
 * a table, JSON, CSV or an XLSX workbook. `analyze ltv --summary FILE` fits the LTV models
 * on a pre-summarised file without a store.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CoreErrors, fail } from '../../core/errors.js';
import { analyses, findAnalysis, fitSummaryFile, parseOptions, resultToXlsx, type AnalysisResult, type ShopScope } from '../../analysis/index.js';
import { fieldsOf } from '../../analysis/fields.js';
import { loadCatalog } from '../../metrics/index.js';
import { withWarehouse, type GlobalOptions } from '../context.js';
import { jsonReplacer, render } from '../output.js';

const FORMATS = ['table', 'json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

interface AnalyzeFlags {
  format: string;
  from?: string;
  to?: string;
  shops?: string;
  set: string[];
  options?: string;
  table?: string;
  out?: string;
  summary?: string;
}

/** `--set key=value`: the value is JSON when it parses (numbers, arrays, objects), else text. */
function parseSet(pairs: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) fail(CoreErrors.INVALID_ARGUMENT, { name: '--set', value: pair, expected: 'key=value / 键=值' });
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try { value = JSON.parse(raw); } catch { /* plain text */ }
    out[pair.slice(0, eq)] = value;
  }
  return out;
}

function rawOptions(f: AnalyzeFlags): Record<string, unknown> {
  let base: Record<string, unknown> = {};
  if (f.options) {
    try { base = JSON.parse(f.options) as Record<string, unknown>; } catch {
      fail(CoreErrors.INVALID_ARGUMENT, { name: '--options', value: f.options.slice(0, 60), expected: 'a JSON object / JSON 对象' });
    }
  }
  return { ...base, ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}), ...parseSet(f.set) };
}

function parseAnalyzeFormat(v: string): Format {
  if ((FORMATS as readonly string[]).includes(v)) return v as Format;
  fail(CoreErrors.INVALID_ARGUMENT, { name: '--format', value: v, expected: FORMATS.join(' | ') });
}

async function output(result: AnalysisResult, format: Format, f: AnalyzeFlags): Promise<void> {
  if (format === 'xlsx') {
    const file = f.out ?? `${result.analysis}.xlsx`;
    writeFileSync(file, await resultToXlsx(result, fieldsOf(result, loadCatalog())));
    process.stdout.write(`已写入 / written: ${file}\n`);
    return;
  }
  const write = (text: string) => (f.out ? writeFileSync(f.out, text) : process.stdout.write(text));
  if (format === 'json') return void write(JSON.stringify(result, jsonReplacer, 2) + '\n');
  const names = f.table ? [f.table] : Object.keys(result.tables);
  for (const n of names) {
    if (!result.tables[n]) fail(CoreErrors.INVALID_ARGUMENT, { name: '--table', value: n, expected: Object.keys(result.tables).join(' | ') });
  }
  if (format === 'csv') return void write(render(result.tables[names[0]!]!.rows, 'csv'));
  const head = `${result.title.zh} / ${result.title.en}\n` + render([result.summary], 'table');
  const body = names.map((n) => `\n${result.tables[n]!.title.zh} / ${result.tables[n]!.title.en}\n${render(result.tables[n]!.rows, 'table')}`);
  const notes = result.notes.map((n) => `注 / note: ${n.zh} / ${n.en}\n`);
  write([head, ...body, notes.length ? '\n' + notes.join('') : ''].join(''));
}

function printSummaryFit(file: string, format: Format): void {
  const fit = fitSummaryFile(file);
  if (format === 'json') return void process.stdout.write(JSON.stringify(fit) + '\n');
  const rows = [
    ...Object.entries(fit.bgnbd).map(([k, v]) => ({ model: 'bgnbd', parameter: k, value: v })),
    ...Object.entries(fit.gamma_gamma ?? {}).map(([k, v]) => ({ model: 'gamma_gamma', parameter: k, value: v })),
  ];
  process.stdout.write(render(rows, format === 'csv' ? 'csv' : 'table'));
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .argument('<name>', `分析名称 / analysis: ${analyses.map((a) => a.name).join(', ')}`)
    .description('运行分析(RFM、同期群、LTV…)/ run an analysis: ' + analyses.map((a) => `${a.name} (${a.zh})`).join(', '))
    .option('--format <format>', 'table | json | csv | xlsx', 'table')
    .option('--from <day>', '起始日 YYYY-MM-DD / first day')
    .option('--to <day>', '截止日 YYYY-MM-DD / last day')
    .option('--shops <ids>', '只看这些店铺(逗号分隔)/ restrict to these shops, comma-separated')
    .option('--set <key=value>', '分析参数,可重复 / an analysis option, repeatable', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--options <json>', '分析参数 JSON / analysis options as JSON')
    .option('--table <name>', '只输出这张表(csv 默认第一张)/ print only this table (csv: the first by default)')
    .option('--out <file>', '写入文件 / write to a file (xlsx default <name>.xlsx)')
    .option('--summary <file>', 'ltv:拟合汇总文件(frequency,recency,T[,monetary_value] 或 x,t_x,T[,zbar])/ ltv: fit a pre-summarised file')
    .action(async (name: string, f: AnalyzeFlags, cmd: Command) => {
      const format = parseAnalyzeFormat(f.format);
      const a = findAnalysis(analyses, name);
      if (f.summary) {
        if (a.name !== 'ltv') fail(CoreErrors.INVALID_ARGUMENT, { name: '--summary', value: f.summary, expected: 'only with analyze ltv / 仅用于 ltv' });
        return printSummaryFit(f.summary, format);
      }
      const options = parseOptions(a, rawOptions(f));
      const scope: ShopScope | undefined = f.shops ? { shopIds: f.shops.split(',').map((s) => s.trim()).filter(Boolean) } : undefined;
      await withWarehouse(cmd.optsWithGlobals<GlobalOptions>(), async (wh) => output(await a.run(wh, options, scope), format, f), { mustExist: true });
    });
}
