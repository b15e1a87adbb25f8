/**
 * 告警: one alert when the address names it (a message's link), the open alerts with what moved
 * and who moved it, the rules with a from-template form, and where they are pushed.
 */
import { App, Button, Card, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { setSearch, useLocation } from '../lib/router';
import { useApi } from '../api/use-api';
import { Async, useFailureText } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { useLabels } from '../lib/use-labels';
import { formatValue } from '../lib/format';
import { alertApi, pct, type AlertEvent, type AlertRule } from './alerts-api';
import { Channels, useChannels } from './alert-channels';
import { useEntityText } from '../lib/entity-text';
import { SEVERITY_COLOR } from './alert-colors';
import { AlertDetail } from './alert-detail';

const openAlert = (id: string) => { setSearch((s) => s.set('alert', id)); window.scrollTo(0, 0); };

function OpenAlerts({ rules, nonce }: { rules: RulesState; nonce: number }) {
  const { t, lang } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const failure = useFailureText();
  const entityText = useEntityText();
  // resolved alerts too, newest first, for looking back at what happened
  const [all, setAll] = useState(false);
  const state = useApi(`alerts:${all ? 'all' : 'open'}:${nonce}`, () => alertApi.alerts(all), { cache: false });
  // an alert is read by its rule: 退款率飙升 says more than its numerator's id, and a rule
  // with `per` measures a ratio
  const ruleOf = (a: AlertEvent) => rules.data?.rules.find((r) => r.id === a.ruleId);
  const unitOf = (a: AlertEvent) => (ruleOf(a)?.per ? 'ratio' : labels.unit(a.metric));
  const act = (id: string, action: 'acknowledge' | 'snooze' | 'resolve') =>
    alertApi.setStatus(id, action).then(() => { void message.success(t('saved')); state.reload(); }, (e: Error) => void message.error(failure(e)));
  return (
    <Card size="small" title={t(all ? 'allAlerts' : 'openAlerts')} data-testid="open-alerts"
      extra={<Space size={4}><Switch size="small" checked={all} onChange={setAll} data-testid="alerts-show-all" />{t('showResolved')}</Space>}>
      <Async state={state}>
        {(d) => (
          <Table<AlertEvent> size="small" rowKey="id" dataSource={[...d.alerts].sort((x, y) => y.openedDay.localeCompare(x.openedDay))} pagination={{ pageSize: 20 }} locale={{ emptyText: t(all ? 'noAlertsAtAll' : 'noAlerts') }} scroll={{ x: 'max-content' }}
            onRow={(a) => ({ 'data-testid': `alert-${a.id}` } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('severity'), width: 90, render: (_, a) => <Tag color={SEVERITY_COLOR[a.severity]}>{t(`severity_${a.severity}`)}</Tag> },
              { title: t('ruleName'), render: (_, a) => <a data-testid={`open-${a.id}`} onClick={() => openAlert(a.id)}>{ruleOf(a)?.name?.[lang] ?? labels.metric(a.metric)}</a> },
              { title: t('entity'), render: (_, a) => entityText(a.entity) },
              { title: t('openedDay'), dataIndex: 'openedDay', width: 110 },
              { title: t('valueVsBaseline'), render: (_, a) => <span>{formatValue(a.value, unitOf(a), lang)} / {formatValue(a.baseline, unitOf(a), lang)} <b>{pct(a.deltaRatio)}</b></span> },
              { title: t('contributors'), render: (_, a) => (a.contributors ?? []).slice(0, 3).map((c) => `${labels.value(c.dimension, c.value)} ${(c.share * 100).toFixed(0)}%`).join(', ') || '—' },
              { title: t('status'), width: 100, render: (_, a) => <Tag data-testid={`status-${a.id}`}>{t(`alert_${a.status}`)}</Tag> },
              { title: '', width: 230, render: (_, a) => (
                <Space size={4}>
                  <Button size="small" data-testid={`ack-${a.id}`} disabled={a.status === 'acknowledged'} onClick={() => void act(a.id, 'acknowledge')}>{t('acknowledge')}</Button>
                  <Button size="small" onClick={() => void act(a.id, 'snooze')}>{t('snooze')}</Button>
                  <Button size="small" onClick={() => void act(a.id, 'resolve')}>{t('resolve')}</Button>
                </Space>
              ) },
            ]} />
        )}
      </Async>
    </Card>
  );
}

function NewRuleForm({ onAdded }: { onAdded: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const templates = useApi('alerts:templates', alertApi.templates);
  const [busy, setBusy] = useState(false);
  const channels = useChannels();
  const submit = (v: { template: string; id: string; channels?: string[] }) => {
    setBusy(true);
    alertApi.addFromTemplate(v.id, v.template, v.channels ?? []).then(
      () => { void message.success(t('saved')); onAdded(); },
      (e: Error) => void message.error(failure(e)),
    ).finally(() => setBusy(false));
  };
  return (
    <Async state={templates}>
      {(d) => (
        <Form layout="inline" onFinish={submit} data-testid="new-rule-form">
          <Form.Item name="template" rules={[{ required: true }]} label={t('template')}>
            <Select data-testid="rule-template" style={{ width: 220 }} options={d.templates.map((x) => ({ value: x.id, label: x.name[lang], title: x.description[lang] }))} />
          </Form.Item>
          <Form.Item name="id" rules={[{ required: true, pattern: /^[\w-]{1,100}$/ }]} label={t('ruleId')}>
            <Input data-testid="rule-id" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="channels" label={t('ruleChannels')}>
            <Select mode="multiple" data-testid="rule-channels" style={{ minWidth: 180 }} options={(channels.data?.channels ?? []).map((c) => ({ value: c.id, label: c.id }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="rule-add">{t('addRule')}</Button>
        </Form>
      )}
    </Async>
  );
}

function Rules({ state }: { state: RulesState }) {
  const { t, lang } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const failure = useFailureText();
  const toggle = (r: AlertRule, on: boolean) => alertApi.setEnabled(r, on).then(state.reload, (e: Error) => void message.error(failure(e)));
  return (
    <Card size="small" title={t('alertRules')} data-testid="alert-rules">
      <Space direction="vertical" style={{ width: '100%' }}>
        <NewRuleForm onAdded={state.reload} />
        <Async state={state}>
          {(d) => (
            <Table<AlertRule> size="small" rowKey="id" dataSource={d.rules} pagination={false} locale={{ emptyText: t('noRules') }} scroll={{ x: 'max-content' }}
              onRow={(r) => ({ 'data-testid': `rule-${r.id}` } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                { title: t('ruleId'), dataIndex: 'id' },
                { title: t('ruleName'), render: (_, r) => r.name?.[lang] ?? r.id },
                // a rule with `per` watches a ratio: 退款订单数 / 订单数
                { title: t('metric'), render: (_, r) => (r.per ? `${labels.metric(r.metric)} / ${labels.metric(r.per)}` : labels.metric(r.metric)) },
                { title: t('severity'), render: (_, r) => t(`severity_${r.severity as 'info'}`) },
                { title: t('ruleChannels'), render: (_, r) => (r.channels?.length ? r.channels.join(', ') : '—') },
                { title: t('enabled'), width: 90, render: (_, r) => <Switch size="small" checked={r.enabled} onChange={(on) => void toggle(r, on)} /> },
              ]} />
          )}
        </Async>
      </Space>
    </Card>
  );
}

type RulesState = ReturnType<typeof useRules>;
const useRules = () => useApi('alerts:rules', alertApi.rules, { cache: false });

export function Page() {
  // one read of the rules: the alerts are named by them, the rule table lists them
  const rules = useRules();
  const focus = useLocation().search.get('alert');
  // a status changed on the alert's card shows in the list below at once
  const [nonce, setNonce] = useState(0);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {focus && <AlertDetail key={focus} id={focus} onChanged={() => setNonce((n) => n + 1)} />}
      <OpenAlerts rules={rules} nonce={nonce} />
      <Rules state={rules} />
      <Channels />
    </Space>
  );
}
