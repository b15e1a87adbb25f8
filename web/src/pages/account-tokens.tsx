/** API 令牌: tokens for scripts (Authorization: Bearer …), each with some of my permissions; shown once, revocable. */
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { createToken, listTokens, revokeToken, type TokenView } from '../api/admin';
import { useSession } from '../api/session';
import { useApi } from '../api/use-api';
import { Async, useFailureText } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';

interface TokenForm { name: string; permissions: string[]; days: number | 0 }
const when = (ms: number | null) => (ms === null ? '—' : formatDateTime(new Date(ms).toISOString()));

export function AccountTokens() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const s = useSession();
  const tokens = useApi('account:tokens', listTokens, { cache: false });
  const [form] = Form.useForm<TokenForm>();
  const [shown, setShown] = useState<string | null>(null);
  const create = (v: TokenForm) => createToken({ name: v.name.trim(), permissions: v.permissions, ...(v.days ? { expiresInDays: v.days } : {}) }).then(
    (r) => { setShown(r.token); form.resetFields(); tokens.reload(); },
    (e: Error) => void message.error(failure(e)),
  );
  const revoke = (id: string) => revokeToken(id).then(() => tokens.reload(), (e: Error) => void message.error(failure(e)));
  const status = (k: TokenView) => (k.revokedAt !== null ? <Tag color="red">{t('tokenRevoked')}</Tag>
    : k.expiresAt !== null && k.expiresAt < Date.now() ? <Tag color="orange">{t('tokenExpired')}</Tag> : <Tag color="green">{t('tokenActive')}</Tag>);
  return (
    <Card size="small" title={t('tokensTitle')} data-testid="account-tokens">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('tokensHint')}</Typography.Text>
        {s.via === 'session' && (
          <Form form={form} layout="inline" onFinish={create} initialValues={{ permissions: ['metrics:read'].filter((p) => s.permissions.includes(p)), days: 90 }} data-testid="token-form">
            <Form.Item name="name" label={t('tokenName')} rules={[{ required: true, max: 80 }]}><Input style={{ width: 160 }} data-testid="token-name" /></Form.Item>
            <Form.Item name="permissions" label={t('rolePermissions')} rules={[{ required: true }]}>
              <Select mode="multiple" style={{ minWidth: 260 }} data-testid="token-permissions" optionFilterProp="label" options={s.permissions.map((p) => ({ value: p, label: pick(s.permissionNames[p]) || p }))} />
            </Form.Item>
            <Form.Item name="days" label={t('tokenExpires')}>
              <Select style={{ width: 110 }} options={[30, 90, 365].map((d) => ({ value: d, label: `${d} ${t('days')}` })).concat([{ value: 0, label: t('tokenNever') }])} />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="token-create">{t('tokenCreate')}</Button>
          </Form>
        )}
        <Async state={tokens}>
          {(d) => (
            <Table<TokenView> size="small" rowKey="id" dataSource={d.tokens} pagination={false} locale={{ emptyText: t('tokensNone') }}
              onRow={(k) => ({ 'data-testid': `token-${k.name}` } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                { title: t('tokenName'), dataIndex: 'name' },
                { title: t('rolePermissions'), render: (_, k) => <Space size={[0, 4]} wrap>{k.permissions.map((p) => <Tag key={p} title={p}>{pick(s.permissionNames[p]) || p}</Tag>)}</Space> },
                { title: t('tokenCreated'), render: (_, k) => when(k.createdAt) },
                { title: t('tokenExpires'), render: (_, k) => (k.expiresAt === null ? t('tokenNever') : when(k.expiresAt)) },
                { title: t('tokenLastUsed'), render: (_, k) => when(k.lastUsedAt) },
                { title: t('userStatus'), render: (_, k) => status(k) },
                {
                  title: '', width: 90, render: (_, k) => k.revokedAt === null && s.via === 'session' && (
                    <Popconfirm title={t('tokenRevokeConfirm')} onConfirm={() => revoke(k.id)} okText={t('tokenRevoke')} cancelText={t('cancel')}>
                      <Button size="small" danger data-testid={`token-revoke-${k.name}`}>{t('tokenRevoke')}</Button>
                    </Popconfirm>
                  ),
                },
              ]} />
          )}
        </Async>
      </Space>
      <Modal open={shown !== null} title={t('tokenShownTitle')} onOk={() => setShown(null)} onCancel={() => setShown(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Paragraph>{t('tokenShownOnce')}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: shown ?? '' }} code data-testid="token-value">{shown}</Typography.Paragraph>
      </Modal>
    </Card>
  );
}
