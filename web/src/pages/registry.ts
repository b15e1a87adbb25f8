import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { DictKey } from '../i18n/dict';
import { prefetchOverview } from './overview-queries';

/** Every page of the app: its path, its menu label and its code-split module. */
export interface PageDef {
  path: string;
  label: DictKey;
  /** 'admin': under 设置 at the foot of the menu; 'hidden': reached from the header only */
  group: 'analyse' | 'build' | 'top' | 'admin' | 'hidden';
  /**
   * The permissions the page's data asks for (the server's own rule for its routes): the menu
   * leaves out a page the role cannot open, and the page says so instead of failing with 403s.
   * A list of lists: any one of them is enough.
   */
  needs: readonly (readonly string[])[];
  component: LazyPage;
  /**
   * Sends the page's API requests for the filters in a query string, before the page renders
   * (see `startPage`). Imported statically, so it need not wait for the page's code (which for
   * a chart page includes ECharts) to arrive and run.
   */
  prefetch?: (search: URLSearchParams) => void;
}

interface PageModule { Page: ComponentType }
type LazyPage = LazyExoticComponent<ComponentType> & { load: () => Promise<PageModule> };

/** The module is fetched once, whether `startPage` or React asks first. */
const page = (load: () => Promise<PageModule>): LazyPage => {
  let module: Promise<PageModule> | undefined;
  let ready: PageModule | undefined;
  const once = () => (module ??= load().then((m) => (ready = m)));
  // React.lazy takes any thenable and reads it at once when `then` calls back synchronously: a
  // page whose code arrived during the sign-in check (startPage) renders in the same pass as
  // the shell, rather than committing a spinner and rendering again on the next task.
  const factory = () => (ready
    ? { then: (ok: (m: { default: ComponentType }) => void) => ok({ default: ready!.Page }) }
    : once().then((m) => ({ default: m.Page })));
  return Object.assign(lazy(factory as () => Promise<{ default: ComponentType }>), { load: once });
};

const analysis = [['page:analysis']] as const;

export const PAGES: PageDef[] = [
  { path: '/', label: 'navOverview', group: 'top', needs: [['page:overview']], component: page(() => import('./overview')), prefetch: prefetchOverview },
  { path: '/sales', label: 'navSales', group: 'analyse', needs: analysis, component: page(() => import('./sales')) },
  { path: '/funnel', label: 'navFunnel', group: 'analyse', needs: analysis, component: page(() => import('./funnel')) },
  { path: '/products', label: 'navProducts', group: 'analyse', needs: analysis, component: page(() => import('./products')) },
  { path: '/members', label: 'navMembers', group: 'analyse', needs: analysis, component: page(() => import('./members')) },
  { path: '/inventory', label: 'navInventory', group: 'analyse', needs: analysis, component: page(() => import('./inventory')) },
  { path: '/ads', label: 'navAds', group: 'analyse', needs: analysis, component: page(() => import('./ads')) },
  { path: '/campaigns', label: 'navCampaigns', group: 'analyse', needs: analysis, component: page(() => import('./campaigns')) },
  { path: '/finance', label: 'navFinance', group: 'analyse', needs: [['page:analysis', 'metrics:finance']], component: page(() => import('./finance')) },
  { path: '/cs', label: 'navCs', group: 'analyse', needs: analysis, component: page(() => import('./cs')) },
  { path: '/live', label: 'navLive', group: 'analyse', needs: analysis, component: page(() => import('./live')) },
  { path: '/alerts', label: 'navAlerts', group: 'analyse', needs: [['page:alerts']], component: page(() => import('./alerts')) },
  { path: '/actions', label: 'navActions', group: 'analyse', needs: [['page:actions']], component: page(() => import('./actions')) },
  { path: '/reports', label: 'navReports', group: 'build', needs: [['page:reports']], component: page(() => import('./report-builder')) },
  { path: '/dashboards', label: 'navDashboards', group: 'build', needs: [['page:reports']], component: page(() => import('./dashboards')) },
  { path: '/dictionary', label: 'navDictionary', group: 'build', needs: [['metrics:read']], component: page(() => import('./dictionary')) },
  { path: '/data', label: 'navData', group: 'top', needs: [['page:data']], component: page(() => import('./data')) },
  { path: '/settings', label: 'navSettings', group: 'admin', needs: [['users:manage'], ['audit:read']], component: page(() => import('./settings')) },
  { path: '/account', label: 'navAccount', group: 'hidden', needs: [[]], component: page(() => import('./account')) },
];

/** Whether a reader holding `permissions` may open the page. */
export const mayOpen = (def: Pick<PageDef, 'needs'>, permissions: readonly string[]) =>
  def.needs.some((all) => all.every((p) => permissions.includes(p)));

/** The cockpit reads the overview's figures. */
export const COCKPIT_NEEDS: PageDef['needs'] = [['page:overview']];

export const COCKPIT = page(() => import('./cockpit'));

/**
 * Starts what the page at `path` needs — its code and its data — at start-up, in parallel with
 * the sign-in check, so neither waits for the check and the app shell to render first. The data
 * requests are quiet (a 401 from them is ignored; the sign-in check decides what to show).
 */
export function startPage(path: string, search: URLSearchParams): void {
  if (path === '/cockpit') { void COCKPIT.load().catch(() => undefined); return; }
  const def = PAGES.find((p) => p.path === path) ?? PAGES[0]!;
  // Data first: the server's answers take longer than the code (in the browser's cache), and
  // asking for the page's code adds a preload link per chunk it needs, a few ms each.
  def.prefetch?.(search);
  void def.component.load().catch(() => undefined);
}
