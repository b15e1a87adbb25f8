/** 我的账号: who I am and where I reach, my password, my API tokens for scripts. */
import { App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { changePassword } from '../api/admin';
import { useSession } from '../api/session';
import { useFailureText } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { AccountTokens } from './account-tokens';

interface PasswordForm { current: string; next: string; again: string }

export function Page() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const s = useSession();
  const [form] = Form.useForm<PasswordForm>();
  const submit = (v: PasswordForm) => changePassword(v.current, v.next).then(
    () => { form.resetFields(); void message.success(t('passwordChanged')); },
    (e: Error) => void message.error(failure(e)),
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{t('navAccount')}</Typography.Title>
      <Card size="small" title={t('accountWho')}>
        <Descriptions size="small" column={2} data-testid="account-who" items={[
          { key: 'name', label: t('userName'), children: s.user.name },
          { key: 'display', label: t('userDisplayName'), children: s.user.displayName },
          { key: 'role', label: t('userRole'), children: pick(s.roleName) },
          { key: 'shops', label: t('userShops'), children: s.scope.shopIds === 'all' ? t('allShops') : <Space size={[0, 4]} wrap>{s.scope.shopIds.map((id) => <Tag key={id}>{id}</Tag>)}</Space> },
        ]} />
      </Card>
      <Card size="small" title={t('passwordChange')}>
        <Form form={form} layout="inline" onFinish={submit} data-testid="password-form">
          <Form.Item name="current" label={t('passwordCurrent')} rules={[{ required: true }]}><Input.Password autoComplete="current-password" data-testid="password-current" /></Form.Item>
          <Form.Item name="next" label={t('passwordNew')} rules={[{ required: true, min: 10, max: 256, message: t('passwordRule') }]}><Input.Password autoComplete="new-password" data-testid="password-new" /></Form.Item>
          <Form.Item name="again" label={t('passwordAgain')} dependencies={['next']} rules={[{ required: true }, ({ getFieldValue }) => ({
            validator: (_, v) => (v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('passwordMismatch')))),
          })]}><Input.Password autoComplete="new-password" data-testid="password-again" /></Form.Item>
          <Button type="primary" htmlType="submit" data-testid="password-submit">{t('passwordChange')}</Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('passwordChangeHint')}</Typography.Paragraph>
      </Card>
      <AccountTokens />
    </Space>
  );
}
