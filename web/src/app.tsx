import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { Suspense } from 'react';
import { useSession } from './api/session';
import { AppLayout } from './components/app-layout';
import { NotAllowed } from './components/not-allowed';
import { Loading } from './components/states';
import { AuthGate } from './components/auth-gate';
import { DefaultDates } from './components/default-dates';
import { I18nProvider, useI18n } from './i18n/i18n';
import { useLocation } from './lib/router';
import { COCKPIT, COCKPIT_NEEDS, mayOpen, PAGES } from './pages/registry';

function Routes() {
  const { path } = useLocation();
  const { permissions } = useSession();
  if (path === '/cockpit' && mayOpen({ needs: COCKPIT_NEEDS }, permissions)) {
    return <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}><Suspense fallback={<Loading />}><COCKPIT /></Suspense></ConfigProvider>;
  }
  const page = PAGES.find((p) => p.path === path) ?? PAGES[0]!;
  const Page = page.component;
  const open = path !== '/cockpit' && mayOpen(page, permissions);
  return <AppLayout>{open ? <Suspense fallback={<Loading />}><Page /></Suspense> : <NotAllowed />}</AppLayout>;
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
