import { Button, Layout, Menu, Space } from 'antd';
import { DesktopOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { postJson } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { navigate, useLocation } from '../lib/router';
import { PAGES } from '../pages/registry';
import { GlobalFilters } from './global-filters';

/** Side menu, the global filter bar and the language switch around every page but the cockpit. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { path } = useLocation();
  const item = (p: (typeof PAGES)[number]) => ({ key: p.path, label: t(p.label), 'data-testid': `nav-${p.path.slice(1) || 'overview'}` });
  const items = [
    ...PAGES.filter((p) => p.path === '/').map(item),
    { type: 'group' as const, key: 'g-analyse', label: t('groupAnalyse'), children: PAGES.filter((p) => p.group === 'analyse').map(item) },
    { type: 'group' as const, key: 'g-build', label: t('groupBuild'), children: PAGES.filter((p) => p.group === 'build').map(item) },
    ...PAGES.filter((p) => p.path === '/data').map(item),
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={188} theme="light" breakpoint="lg" collapsedWidth={0}>
        <div className="sl-brand">{t('appName')}</div>
        <Menu mode="inline" selectedKeys={[path]} items={items} onClick={(e) => navigate(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="sl-header">
          <GlobalFilters />
          <Space>
            <Button icon={<DesktopOutlined />} onClick={() => navigate('/cockpit')} data-testid="nav-cockpit">{t('navCockpit')}</Button>
            <Button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">{t('switchLang')}</Button>
            <Button type="text" onClick={() => { void postJson('/api/auth/logout', {}).finally(() => window.location.assign('/')); }}>{t('logout')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="sl-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
