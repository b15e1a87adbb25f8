/** 通知渠道: where alerts and reports are pushed (钉钉, 飞书, 企业微信, webhook, e-mail), added, tried and removed here. */
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { getJson, postJson } from '../api/client';
import { useApi } from '../api/use-api';
import { Async, useFailureText } from '../components/states';
import type { DictKey } from '../i18n/dict';
import { useI18n } from '../i18n/i18n';

export interface Channel { id: string; kind: string; language?: string; shopIds?: string[] }
interface TestResult { ok: boolean; attempts: number; status?: number; detail: string }
interface NewChannel {
  id: string; kind: (typeof KINDS)[number]; language: 'zh' | 'en';
  /** robots and webhooks */
  url?: string; secret?: string;
  /** e-mail */
  host?: string; port?: number; secure?: boolean; user?: string; pass?: string; from?: string; to?: string;
}

const KINDS = ['dingtalk', 'feishu', 'wecom', 'webhook', 'email'] as const;

/** What the API takes for the form's values: a robot's URL and secret, or an SMTP server and addresses. */
function channelBody(v: NewChannel): Record<string, unknown> {
  const text = (x: string | undefined) => x?.trim() || undefined;
  if (v.kind === 'email') {
    return {
      kind: 'email', language: v.language, from: text(v.from), to: (v.to ?? '').split(/[,;，；\s]+/).filter(Boolean),
      smtp: { host: text(v.host), port: Number(v.port), secure: v.secure ?? false, ...(text(v.user) ? { user: text(v.user) } : {}), ...(text(v.pass) ? { pass: text(v.pass) } : {}) },
    };
  }
  return { kind: v.kind, language: v.language, url: text(v.url), ...(text(v.secret) && v.kind !== 'wecom' ? { secret: text(v.secret) } : {}) };
}
const channelsKey = 'alerts:channels';
const listChannels = () => getJson<{ channels: Channel[] }>('/api/alerts/channels');
const at = (id: string) => `/api/alerts/channels/${encodeURIComponent(id)}`;

/** The channels the reader may see, for the table here and the rule and schedule forms. */
export const useChannels = () => useApi(channelsKey, listChannels, { cache: false });

export function Channels() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const state = useChannels();
  const [form] = Form.useForm<NewChannel>();
  const kind = Form.useWatch('kind', form);
  const [busy, setBusy] = useState<string | null>(null);
  const fail = (e: Error) => void message.error(failure(e));
  const add = (v: NewChannel) =>
    postJson(at(v.id), channelBody(v), 'PUT').then(() => { form.resetFields(); state.reload(); void message.success(t('saved')); }, fail);
  const test = (id: string) => {
    setBusy(id);
    postJson<TestResult>(`${at(id)}/test`, undefined).then(
      (r) => (r.ok ? void message.success(t('channelTestOk')) : void message.error(`${t('channelTestFailed')}: ${r.detail}`)),
      fail,
    ).finally(() => setBusy(null));
  };
  return (
    <Card size="small" title={t('channelsTitle')} data-testid="alert-channels">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form form={form} layout="inline" onFinish={add} initialValues={{ kind: 'dingtalk', language: 'zh', port: 465, secure: true }} data-testid="new-channel-form">
          <Form.Item name="kind" label={t('channelKind')} rules={[{ required: true }]}>
            <Select style={{ width: 120 }} data-testid="channel-kind" options={KINDS.map((k) => ({ value: k, label: t(`channel_${k}` as DictKey) }))} />
          </Form.Item>
          <Form.Item name="id" label={t('channelId')} rules={[{ required: true, pattern: /^[\w.-]{1,100}$/ }]}><Input style={{ width: 140 }} data-testid="channel-id" /></Form.Item>
          {kind === 'email' ? (
            <>
              <Form.Item name="host" label={t('smtpHost')} rules={[{ required: true }]}><Input style={{ width: 160 }} data-testid="channel-smtp-host" placeholder="smtp.exmail.qq.com" /></Form.Item>
              <Form.Item name="port" label={t('smtpPort')} rules={[{ required: true }]}><InputNumber min={1} max={65535} style={{ width: 90 }} data-testid="channel-smtp-port" /></Form.Item>
              <Form.Item name="secure" label="SSL" valuePropName="checked"><Switch size="small" data-testid="channel-smtp-ssl" /></Form.Item>
              <Form.Item name="user" label={t('smtpUser')}><Input style={{ width: 150 }} data-testid="channel-smtp-user" /></Form.Item>
              <Form.Item name="pass" label={t('smtpPass')}><Input.Password style={{ width: 130 }} data-testid="channel-smtp-pass" /></Form.Item>
              <Form.Item name="from" label={t('mailFrom')} rules={[{ required: true, type: 'email' }]}><Input style={{ width: 180 }} data-testid="channel-mail-from" /></Form.Item>
              <Form.Item name="to" label={t('mailTo')} rules={[{ required: true }]} tooltip={t('mailToHint')}><Input style={{ width: 240 }} data-testid="channel-mail-to" /></Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="url" label={t('channelUrl')} rules={[{ required: true, type: 'url' }]}><Input style={{ width: 300 }} data-testid="channel-url" placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" /></Form.Item>
              {kind !== 'wecom' && <Form.Item name="secret" label={t('channelSecret')}><Input.Password style={{ width: 160 }} data-testid="channel-secret" /></Form.Item>}
            </>
          )}
          <Form.Item name="language" label={t('channelLanguage')}>
            <Select style={{ width: 90 }} options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="channel-add">{t('addChannel')}</Button>
        </Form>
        <Async state={state}>
          {(d) => (
            <Table<Channel> size="small" rowKey="id" dataSource={d.channels} pagination={false} locale={{ emptyText: t('noChannels') }}
              onRow={(c) => ({ 'data-testid': `channel-${c.id}` } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                { title: t('channelId'), dataIndex: 'id' },
                { title: t('channelKind'), render: (_, c) => <Tag>{(KINDS as readonly string[]).includes(c.kind) ? t(`channel_${c.kind}` as DictKey) : c.kind}</Tag> },
                { title: t('channelLanguage'), render: (_, c) => (c.language === 'en' ? 'English' : '中文') },
                { title: t('channelShops'), render: (_, c) => c.shopIds?.join(', ') ?? t('allShops') },
                {
                  title: '', width: 190, render: (_, c) => (
                    <Space>
                      <Button size="small" loading={busy === c.id} onClick={() => test(c.id)} data-testid={`channel-test-${c.id}`}>{t('channelTest')}</Button>
                      <Button size="small" danger onClick={() => void postJson(at(c.id), undefined, 'DELETE').then(state.reload, fail)}>{t('remove')}</Button>
                    </Space>
                  ),
                },
              ]} />
          )}
        </Async>
      </Space>
    </Card>
  );
}
