/** 报表发送计划: the report schedules the server runs (when, formats, channels), add and remove. */
import { App, AutoComplete, Button, Card, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { getJson, postJson } from '../api/client';
import { useApi } from '../api/use-api';
import { Async, useFailureText } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { setSearch } from '../lib/router';
import type { DictKey } from '../i18n/dict';
import { useReports } from '../api/saved';
import { useChannels } from './alert-channels';

/** The usual times, named; any other cron expression is typed in and shown as it is. */
const WHEN: Record<string, DictKey> = { '0 8 * * *': 'cronDaily8', '0 8 * * 1': 'cronMonday8', '0 8 1 * *': 'cronMonth8' };
const BUILT_IN: Record<string, DictKey> = { daily: 'reportDaily', weekly: 'reportWeekly', monthly: 'reportMonthly' };

interface Schedule { id: string; report: string; cron: string; timezone: string; formats: string[]; channels: string[]; lang: 'zh' | 'en'; enabled: boolean; ownerId: string }
type Body = Omit<Schedule, 'id' | 'ownerId'>;

const list = () => getJson<{ schedules: Schedule[] }>('/api/reports/schedules');
const put = (id: string, body: Partial<Body>) => postJson<{ schedule: Schedule }>(`/api/reports/schedules/${encodeURIComponent(id)}`, body, 'PUT');
const remove = (id: string) => postJson<{ ok: true }>(`/api/reports/schedules/${encodeURIComponent(id)}`, undefined, 'DELETE');

export function ReportSchedules() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const state = useApi('reports:schedules', list, { cache: false });
  const channels = useChannels();
  const reports = useReports();
  const [form] = Form.useForm<{ id: string; report: string; cron: string; formats: string[]; channels?: string[] }>();
  const fail = (e: Error) => void message.error(failure(e));
  const add = (v: { id: string; report: string; cron: string; formats: string[]; channels?: string[] }) =>
    put(v.id, { report: v.report, cron: v.cron, formats: v.formats, channels: v.channels ?? [] }).then(() => { form.resetFields(); state.reload(); }, fail);
  const reportName = (r: string) => (BUILT_IN[r] ? t(BUILT_IN[r]) : r);
  const when = (cron: string) => (WHEN[cron] ? t(WHEN[cron]) : cron);
  const toggle = (s: Schedule, enabled: boolean) => {
    const { id, ownerId: _owner, ...body } = s;
    return put(id, { ...body, enabled }).then(state.reload, fail);
  };
  return (
    <Card size="small" title={t('reportSchedules')} data-testid="report-schedules">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form form={form} layout="inline" onFinish={add} initialValues={{ report: 'daily', cron: '0 8 * * *', formats: ['xlsx'] }}>
          <Form.Item name="id" label={t('scheduleId')} rules={[{ required: true, pattern: /^[\w.-]{1,100}$/ }]}><Input data-testid="schedule-id" style={{ width: 150 }} /></Form.Item>
          <Form.Item name="report" label={t('scheduleReport')} rules={[{ required: true }]}>
            <AutoComplete data-testid="schedule-report" style={{ width: 170 }}
              options={[...Object.keys(BUILT_IN).map((r) => ({ value: r, label: reportName(r) })), ...(reports.data?.reports ?? []).map((r) => ({ value: r.name, label: r.name }))]} />
          </Form.Item>
          <Form.Item name="cron" label={t('scheduleWhen')} rules={[{ required: true }]} tooltip={t('scheduleWhenHint')}>
            <AutoComplete data-testid="schedule-cron" style={{ width: 170 }} options={Object.keys(WHEN).map((c) => ({ value: c, label: `${when(c)} (${c})` }))} />
          </Form.Item>
          <Form.Item name="formats" label={t('scheduleFormats')} rules={[{ required: true }]}>
            <Select mode="multiple" style={{ width: 180 }} options={['xlsx', 'pdf', 'html'].map((f) => ({ value: f, label: f }))} />
          </Form.Item>
          <Form.Item name="channels" label={t('ruleChannels')}>
            <Select mode="multiple" data-testid="schedule-channels" style={{ minWidth: 160 }} options={(channels.data?.channels ?? []).map((c) => ({ value: c.id, label: c.id }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="schedule-add">{t('addAction')}</Button>
        </Form>
        <Async state={state}>
          {(d) => (
            <Table<Schedule> size="small" rowKey="id" dataSource={d.schedules} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('noSchedules') }}
              onRow={(s) => ({ 'data-testid': `schedule-${s.id}` } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                { title: t('scheduleId'), dataIndex: 'id' },
                { title: t('scheduleReport'), render: (_, s) => reportName(s.report) },
                { title: t('scheduleWhen'), render: (_, s) => (WHEN[s.cron] ? when(s.cron) : <code>{s.cron}</code>) },
                { title: t('timezone'), dataIndex: 'timezone' },
                { title: t('scheduleFormats'), render: (_, s) => s.formats.map((f) => <Tag key={f}>{f}</Tag>) },
                { title: t('channels'), render: (_, s) => s.channels.join(', ') || '—' },
                { title: t('enabled'), width: 80, render: (_, s) => <Switch size="small" checked={s.enabled} onChange={(on) => void toggle(s, on)} /> },
                { title: '', width: 150, render: (_, s) => (
                  <Space size={4}>
                    <Button size="small" data-testid={`schedule-view-${s.id}`} onClick={() => { setSearch((q) => q.set('view', s.report)); window.scrollTo(0, 0); }}>{t('reportViewOpen')}</Button>
                    <Button size="small" danger data-testid={`schedule-remove-${s.id}`} onClick={() => void remove(s.id).then(state.reload, fail)}>{t('remove')}</Button>
                  </Space>
                ) },
              ]} />
          )}
        </Async>
      </Space>
    </Card>
  );
}
