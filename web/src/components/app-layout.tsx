import { Button, Dropdown, Layout, Menu, Space } from 'antd';
import { DesktopOutlined, FilterOutlined, UserOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { postJson } from '../api/client';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { navigate, useLocation } from '../lib/router';
import { COCKPIT_NEEDS, mayOpen, PAGES, type PageDef } from '../pages/registry';
import { useFilters } from '../filters/use-filters';
import { GlobalFilters } from './global-filters';

/** Side menu (the pages the role may open), the global filter bar, the language switch and the user's menu around every page but the cockpit. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t, lang, setLang, pick } = useI18n();
  const { path } = useLocation();
  const session = useSession();
  const open = PAGES.filter((p) => mayOpen(p, session.permissions));
  const item = (p: PageDef) => ({ key: p.path, label: t(p.label), 'data-testid': `nav-${p.path.slice(1) || 'overview'}` });
  const group = (g: PageDef['group'], key: string, label: string) => {
    const children = open.filter((p) => p.group === g).map(item);
    return children.length ? [{ type: 'group' as const, key, label, children }] : [];
  };
  const items = [
    ...open.filter((p) => p.path === '/').map(item),
    ...group('analyse', 'g-analyse', t('groupAnalyse')),
    ...group('build', 'g-build', t('groupBuild')),
    ...open.filter((p) => p.path === '/data').map(item),
    ...open.filter((p) => p.group === 'admin').map(item),
  ];
  // Below antd's lg breakpoint (a phone, opened from a DingTalk message) the menu folds away
  // behind a button in the header's corner, opens over the page and folds again once a page is picked.
  const [narrow, setNarrow] = useState(false);
  const [folded, setFolded] = useState(false);
  const go = (key: string) => { navigate(key); if (narrow) setFolded(true); };
  // On a phone the filter bar takes three rows: it folds into one button that says what it holds.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const { filters } = useFilters();
  const picked = filters.platform.length + filters.shop.length + filters.category.length;
  const signOut = () => { void postJson('/api/auth/logout', {}).finally(() => window.location.assign('/')); };
  const userMenu = {
    items: [
      { key: 'who', disabled: true, label: `${session.user.name} · ${pick(session.roleName)}` },
      { type: 'divider' as const },
      { key: '/account', label: t('navAccount'), 'data-testid': 'nav-account' },
      { key: 'logout', label: t('logout'), 'data-testid': 'logout' },
    ],
    onClick: ({ key }: { key: string }) => (key === 'logout' ? signOut() : go(key)),
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={188} theme="light" breakpoint="lg" collapsedWidth={0} collapsed={folded} onCollapse={setFolded}
        onBreakpoint={(below) => { setNarrow(below); setFolded(below); }} className={narrow ? 'sl-sider-narrow' : undefined}>
        <div className="sl-brand">{t('appName')}</div>
        <Menu mode="inline" selectedKeys={[path]} items={items} onClick={(e) => go(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className={narrow ? 'sl-header sl-header-narrow' : 'sl-header'}>
          {narrow ? (
            <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen((o) => !o)} type={filtersOpen ? 'primary' : 'default'} data-testid="filters-toggle">
              {filters.from.slice(5)}~{filters.to.slice(5)}{picked > 0 ? ` · ${picked}` : ''}
            </Button>
          ) : <GlobalFilters />}
          <Space>
            {!narrow && mayOpen({ needs: COCKPIT_NEEDS }, session.permissions) && (
              <Button icon={<DesktopOutlined />} onClick={() => navigate('/cockpit')} data-testid="nav-cockpit">{t('navCockpit')}</Button>
            )}
            <Button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">{narrow ? (lang === 'zh' ? 'EN' : '中') : t('switchLang')}</Button>
            <Dropdown menu={userMenu} trigger={['click']}>
              <Button type="text" icon={<UserOutlined />} data-testid="user-menu">{narrow ? null : session.user.displayName}</Button>
            </Dropdown>
          </Space>
          {narrow && filtersOpen && <div className="sl-filters-narrow"><GlobalFilters /></div>}
        </Layout.Header>
        <Layout.Content className="sl-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
