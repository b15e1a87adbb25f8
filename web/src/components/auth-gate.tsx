import { Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, getJson, postJson } from '../api/client';
import { fetchSession } from '../api/queries';
import { clearApiCache } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { ErrorState, Loading } from './states';

type AuthState = { kind: 'checking' } | { kind: 'in' } | { kind: 'login' } | { kind: 'setup' } | { kind: 'error'; error: ApiError };

/** Asks the server who the user is (401 when nobody is signed in). */

/**
 * Shows the first-run setup or the login form until the server says who the user is. `session`
 * is a `fetchSession()` started before React rendered (main.tsx), used for the first check.
 */
export function AuthGate({ session, children }: { session?: Promise<unknown>; children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ kind: 'checking' });
  const first = useRef(session);
  const check = () => {
    const me = first.current ?? fetchSession();
    first.current = undefined;
    me.then(
      () => setState({ kind: 'in' }),
      async (e: ApiError) => {
        if (e.status !== 401) { setState({ kind: 'error', error: e }); return; }
        const s = await getJson<{ needsSetup: boolean }>('/api/setup').catch(() => ({ needsSetup: false }));
        setState({ kind: s.needsSetup ? 'setup' : 'login' });
      },
    );
  };
  useEffect(() => {
    check();
    const out = () => setState({ kind: 'login' });
    window.addEventListener('shoplens:unauthenticated', out);
    return () => window.removeEventListener('shoplens:unauthenticated', out);
  }, []);
  switch (state.kind) {
    case 'checking': return <Loading />;
    case 'in': return <>{children}</>;
    case 'error': return <ErrorState error={state.error} onRetry={check} />;
    default: return <LoginForm setup={state.kind === 'setup'} onDone={() => { clearApiCache(); setState({ kind: 'in' }); }} />;
  }
}

function LoginForm({ setup, onDone }: { setup: boolean; onDone: () => void }) {
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (v: { username: string; password: string }) => {
    setError(null);
    try {
      // Setup signs the new admin in itself; otherwise sign in.
      if (setup) await postJson('/api/setup', { name: v.username, password: v.password });
      else await postJson('/api/auth/login', { name: v.username, password: v.password });
      onDone();
    } catch (e) { setError(e as ApiError); }
  };
  return (
    <div className="sl-login">
      <Card style={{ width: 380 }} title={setup ? t('setupTitle') : t('appName')}
        extra={<Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('switchLang')}</Button>}>
        <Form layout="vertical" onFinish={submit}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true }]}><Input data-testid="login-username" autoComplete="username" /></Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true }]}><Input.Password data-testid="login-password" autoComplete={setup ? 'new-password' : 'current-password'} /></Form.Item>
          {error && <ErrorState error={error} />}
          <Button type="primary" htmlType="submit" block data-testid="login-submit">{setup ? t('setupButton') : t('login')}</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>ShopLens</Typography.Paragraph>
      </Card>
    </div>
  );
}
