/**
 * Every route module, one line each. A module exports `register<Area>Routes(app, deps)` and
 * declares `config.access` and a zod `schema` on each route (see ../README.md).
 */
import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../types.js';
import { registerActionRoutes } from './actions.js';
import { registerAlertRoutes } from './alerts.js';
import { registerChannelRoutes } from './channels.js';
import { registerAnalysisRoutes } from './analysis.js';
import { registerReportRoutes } from './reports.js';
import { registerAuditRoutes } from './audit.js';
import { registerAuthRoutes } from './auth.js';
import { registerCampaignRoutes } from './campaigns.js';
import { registerDataRoutes } from './data.js';
import { registerDemoRoutes } from './demo.js';
import { registerCustomerRoutes } from './customers.js';
import { registerHealthRoutes } from './health.js';
import { registerMetricsRoutes } from './metrics.js';
import { registerSetupRoutes } from './setup.js';
import { registerShopRoutes } from './shops.js';
import { registerTokenRoutes } from './tokens.js';
import { registerUserRoutes } from './users.js';

export async function registerRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  registerHealthRoutes(app, deps);
  registerSetupRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerTokenRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerShopRoutes(app, deps);
  registerCustomerRoutes(app, deps);
  registerAnalysisRoutes(app, deps);
  registerMetricsRoutes(app, deps);
  registerDataRoutes(app, deps);
  registerDemoRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerChannelRoutes(app, deps);
  registerActionRoutes(app, deps);
  registerCampaignRoutes(app, deps);
  registerReportRoutes(app, deps);
}
