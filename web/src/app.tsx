import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { Suspense } from 'react';
import { AppLayout } from './components/app-layout';
import { Loading } from './components/states';
import { AuthGate } from './components/auth-gate';
import { DefaultDates } from './components/default-dates';
import { I18nProvider, useI18n } from './i18n/i18n';
import { useLocation } from './lib/router';
import { COCKPIT, PAGES } from './pages/registry';

function Routes() {
  const { path } = useLocation();
  if (path === '/cockpit') {
    return <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}><Suspense fallback={<Loading />}><COCKPIT /></Suspense></ConfigProvider>;
  }
  const page = PAGES.find((p) => p.path === path) ?? PAGES[0]!;
  const Page = page.component;
  return <AppLayout><Suspense fallback={<Loading />}><Page /></Suspense></AppLayout>;
}

function Localised({ session }: { session?: Promise<unknown> }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  // zeroRuntime: antd's component styles come from its prebuilt CSS (imported in mount.tsx), not
  // generated in the page on every load (a quarter of the first render's work); the theme's own
  // tokens, our red among them, still reach them as CSS variables. The dark cockpit keeps the
  // runtime styles its dark algorithm needs.
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ zeroRuntime: true, token: { colorPrimary: '#e4393c', borderRadius: 6 } }}>
      <AntApp>
        <AuthGate session={session}><DefaultDates /><Routes /></AuthGate>
      </AntApp>
    </ConfigProvider>
  );
}

/** `session`: the sign-in check main.tsx started before the first render. */
export function App({ session }: { session?: Promise<unknown> }) {
  return <I18nProvider><Localised session={session} /></I18nProvider>;
}
