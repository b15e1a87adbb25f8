import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { DictKey } from '../i18n/dict';

/** Every page of the app: its path, its menu label and its code-split module. */
export interface PageDef {
  path: string;
  label: DictKey;
  group: 'analyse' | 'build' | 'top';
  component: LazyExoticComponent<ComponentType>;
}

const page = (load: () => Promise<{ Page: ComponentType }>) => lazy(() => load().then((m) => ({ default: m.Page })));

export const PAGES: PageDef[] = [
  { path: '/', label: 'navOverview', group: 'top', component: page(() => import('./overview')) },
  { path: '/sales', label: 'navSales', group: 'analyse', component: page(() => import('./sales')) },
  { path: '/funnel', label: 'navFunnel', group: 'analyse', component: page(() => import('./funnel')) },
  { path: '/products', label: 'navProducts', group: 'analyse', component: page(() => import('./products')) },
  { path: '/members', label: 'navMembers', group: 'analyse', component: page(() => import('./members')) },
  { path: '/inventory', label: 'navInventory', group: 'analyse', component: page(() => import('./inventory')) },
  { path: '/ads', label: 'navAds', group: 'analyse', component: page(() => import('./ads')) },
  { path: '/campaigns', label: 'navCampaigns', group: 'analyse', component: page(() => import('./campaigns')) },
  { path: '/finance', label: 'navFinance', group: 'analyse', component: page(() => import('./finance')) },
  { path: '/cs', label: 'navCs', group: 'analyse', component: page(() => import('./cs')) },
  { path: '/live', label: 'navLive', group: 'analyse', component: page(() => import('./live')) },
  { path: '/alerts', label: 'navAlerts', group: 'analyse', component: page(() => import('./alerts')) },
  { path: '/actions', label: 'navActions', group: 'analyse', component: page(() => import('./actions')) },
  { path: '/reports', label: 'navReports', group: 'build', component: page(() => import('./report-builder')) },
  { path: '/dashboards', label: 'navDashboards', group: 'build', component: page(() => import('./dashboards')) },
  { path: '/dictionary', label: 'navDictionary', group: 'build', component: page(() => import('./dictionary')) },
  { path: '/data', label: 'navData', group: 'top', component: page(() => import('./data')) },
];

export const COCKPIT = page(() => import('./cockpit'));
