import type { Command } from 'commander';
import { registerAnalyze } from './analyze.js';
import { registerAlerts } from './alerts.js';
import { registerReport } from './report.js';
import { registerActions } from './actions.js';
import { registerCampaigns } from './campaigns.js';
import { registerDemo } from './demo.js';
import { registerExplain } from './explain.js';
import { registerMetrics } from './metrics.js';
import { registerQuery } from './query.js';
import { registerInfo } from './info.js';
import { registerInit } from './init.js';
import { registerImport } from './import.js';
import { registerSources } from './sources.js';
import { registerQuarantine } from './quarantine.js';
import { registerQuality } from './quality.js';
import { registerSql } from './sql.js';
import { registerStart } from './start.js';
import { registerServe } from './serve.js';
import { registerUser } from './user.js';

/** One line per command; each command file owns its flags and help text. */
export function registerCommands(program: Command): void {
  registerInit(program);
  registerDemo(program);
  registerInfo(program);
  registerImport(program);
  registerSources(program);
  registerQuarantine(program);
  registerQuality(program);
  registerSql(program);
  registerMetrics(program);
  registerQuery(program);
  registerExplain(program);
  registerStart(program);
  registerServe(program);
  registerUser(program);
  registerAnalyze(program);
  registerAlerts(program);
  registerReport(program);
  registerActions(program);
  registerCampaigns(program);
}
