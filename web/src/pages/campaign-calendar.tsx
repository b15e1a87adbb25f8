/**
 * 活动日历: the seller's campaigns (618, 双11 …) with their phases, dates and targets. Platform
 * exports never say which campaign an order was in; the server puts every order paid in a
 * campaign's dates in it, so 大促复盘 above reads imported data once a campaign is here.
 */
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { getJson, postJson } from '../api/client';
import { useFilterOptions } from '../api/queries';
import { useApi } from '../api/use-api';
import { Async, useFailureText } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { formatValue } from '../lib/format';

const PHASES = ['warmup', 'burst', 'encore'] as const;
type Phase = (typeof PHASES)[number];
type Bilingual = { zh: string; en: string };

export interface Campaign {
  id: string; name: string; kind: string; year: number; shopId: string | null;
  phases: { phase: Phase; start: string; end: string; gmvTarget: string }[];
  gmvTarget: string;
}
interface CampaignList { campaigns: Campaign[]; kinds: { id: string; name: Bilingual }[] }
/** The form's values: a date range and a target per phase. */
type CampaignForm = { name: string; kind: string; shop: string } & Partial<Record<`range_${Phase}`, [Dayjs, Dayjs] | null>> & Partial<Record<`target_${Phase}`, string | null>>;

const ALL = '';
const at = (id?: string) => (id ? `/api/campaigns/${encodeURIComponent(id)}` : '/api/campaigns');

/** What the API takes for the form: the phases that have dates, targets as yuan text. */
function body(v: CampaignForm): Record<string, unknown> {
  return {
    name: v.name, kind: v.kind, shopId: v.shop === ALL ? null : v.shop,
    phases: PHASES.filter((p) => v[`range_${p}`]).map((p) => ({
      phase: p, start: v[`range_${p}`]![0].format('YYYY-MM-DD'), end: v[`range_${p}`]![1].format('YYYY-MM-DD'), gmvTarget: v[`target_${p}`] || '0',
    })),
  };
}

function formOf(c: Campaign): CampaignForm {
  const v: CampaignForm = { name: c.name, kind: c.kind, shop: c.shopId ?? ALL };
  for (const p of c.phases) {
    v[`range_${p.phase}`] = [dayjs(p.start), dayjs(p.end)];
    v[`target_${p.phase}`] = p.gmvTarget === '0.00' ? null : p.gmvTarget;
  }
  return v;
}

/** `onChange` runs after a campaign is saved or removed: the orders' campaigns have moved. */
export function CampaignCalendar({ onChange }: { onChange: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const state = useApi('campaigns', () => getJson<CampaignList>('/api/campaigns'), { cache: false });
  const shops = useFilterOptions().data?.shops ?? [];
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<CampaignForm>();
  const kinds = state.data?.kinds ?? [];
  const shopName = (id: string | null) => (id === null ? t('allShops') : shops.find((s) => s.id === id)?.name ?? id);
  const done = (n: number) => { void message.success(t('campaignSavedOrders').replace('{n}', String(n))); setEditing(null); onChange(); };

  const open = (c: Campaign | 'new') => {
    form.resetFields();
    form.setFieldsValue(c === 'new' ? { kind: 'other', shop: ALL } : formOf(c));
    setEditing(c);
  };
  const save = (v: CampaignForm) => {
    if (!PHASES.some((p) => v[`range_${p}`])) { void message.error(t('campaignNeedsPhase')); return; }
    setBusy(true);
    const id = editing !== 'new' && editing ? editing.id : undefined;
    postJson<{ ordersMoved: number }>(at(id), body(v), id ? 'PUT' : 'POST')
      .then((r) => done(r.ordersMoved), (e: Error) => void message.error(failure(e)))
      .finally(() => setBusy(false));
  };
  const remove = (c: Campaign) =>
    postJson<{ ordersMoved: number }>(at(c.id), undefined, 'DELETE').then((r) => done(r.ordersMoved), (e: Error) => void message.error(failure(e)));

  return (
    <Card size="small" title={t('campaignCalendar')} data-testid="campaign-calendar"
      extra={<Button type="primary" size="small" onClick={() => open('new')} data-testid="campaign-add">{t('addCampaign')}</Button>}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('campaignCalendarHint')}</Typography.Paragraph>
      <Async state={state}>
        {(d) => (
          <Table<Campaign> size="small" rowKey="id" dataSource={d.campaigns} pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: t('noCampaigns') }}
            onRow={(c) => ({ 'data-testid': `campaign-${c.name}` } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('campaignName'), dataIndex: 'name' },
              { title: t('campaignKind'), render: (_, c) => d.kinds.find((k) => k.id === c.kind)?.name[lang] ?? c.kind },
              { title: t('campaignShop'), render: (_, c) => shopName(c.shopId) },
              {
                title: t('campaignPhases'), render: (_, c) => (
                  <Space size={4} wrap>{c.phases.map((p) => <Tag key={p.phase}>{t(`phase_${p.phase}`)} {p.start.slice(5)}~{p.end.slice(5)}</Tag>)}</Space>
                ),
              },
              { title: t('campaignTarget'), align: 'right', render: (_, c) => (c.gmvTarget === '0.00' ? '—' : formatValue(c.gmvTarget, 'money', lang)) },
              {
                title: '', width: 150, render: (_, c) => (
                  <Space>
                    <Button size="small" onClick={() => open(c)} data-testid={`campaign-edit-${c.name}`}>{t('edit')}</Button>
                    <Popconfirm title={t('confirmRemoveCampaign')} onConfirm={() => remove(c)} okText={t('remove')} cancelText={t('cancel')}>
                      <Button size="small" danger data-testid={`campaign-remove-${c.name}`}>{t('remove')}</Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]} />
        )}
      </Async>
      <Modal open={editing !== null} title={t(editing === 'new' ? 'addCampaign' : 'editCampaign')} onCancel={() => setEditing(null)} okText={t('save')} cancelText={t('cancel')}
        confirmLoading={busy} onOk={() => form.submit()} width={640} destroyOnClose data-testid="campaign-form">
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="name" label={t('campaignName')} rules={[{ required: true, max: 60 }]}><Input placeholder="2026 双11" data-testid="campaign-name" /></Form.Item>
          <Space size="large">
            <Form.Item name="kind" label={t('campaignKind')} tooltip={t('campaignKindHint')} rules={[{ required: true }]}>
              <Select style={{ width: 160 }} data-testid="campaign-kind" options={kinds.map((k) => ({ value: k.id, label: k.name[lang] }))} />
            </Form.Item>
            <Form.Item name="shop" label={t('campaignShop')}>
              <Select style={{ width: 240 }} data-testid="campaign-shop" options={[{ value: ALL, label: t('allShops') }, ...shops.map((s) => ({ value: s.id, label: s.name }))]} />
            </Form.Item>
          </Space>
          {PHASES.map((p) => (
            <Space key={p} size="large" align="start">
              <Form.Item name={`range_${p}`} label={t(`phase_${p}`)}>
                <DatePicker.RangePicker data-testid={`campaign-range-${p}`} />
              </Form.Item>
              <Form.Item name={`target_${p}`} label={t('campaignPhaseTarget')}>
                <InputNumber<string> stringMode min="0" precision={2} style={{ width: 160 }} data-testid={`campaign-target-${p}`} />
              </Form.Item>
            </Space>
          ))}
        </Form>
      </Modal>
    </Card>
  );
}
