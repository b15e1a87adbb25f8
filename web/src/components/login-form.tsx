import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, postJson } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ErrorState } from './states';

/** First-run setup (creates the owner) or sign-in; `onDone` once the server has signed the user in. */
export function LoginForm({ setup, onDone }: { setup: boolean; onDone: () => void }) {
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
