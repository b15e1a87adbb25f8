/**
 * One alert (告警详情), where the link in a DingTalk / Feishu / WeCom message or e-mail lands
 * (`/alerts/<id>` → `/alerts?alert=<id>`, lib/deep-link.ts): what fired, against what, the
 * rule's own values day by day around it, who moved it — and from here the team acknowledges
 * it or starts an action (行动) that measures the alert's scope, so the PDCA loop starts where
 * the problem was seen.
 */
import { Alert, App, Button, Card, Descriptions, Form, List, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { holds, useSession } from '../api/session';
import { useApi } from '../api/use-api';
import { Chart, type ChartOption } from '../components/chart';
import { Async, useFailureText } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { useEntityText } from '../lib/entity-text';
import { formatValue } from '../lib/format';
import { navigate, setSearch } from '../lib/router';
import { useLabels } from '../lib/use-labels';
import { ActionFields, actionBody, type NewAction } from './action-form';
import { SEVERITY_COLOR } from './alert-colors';
import { actionApi, alertApi, pct, type AlertDetail as Detail, type AlertEvent, type Contributor, type HistoryPoint } from './alerts-api';

/** The rule's value and baseline per evaluated day; the days the alert was open in red. */
function historyOption(h: HistoryPoint[], ratio: boolean, names: { value: string; baseline: string }, open: { from: string; to: string }): ChartOption {
  const num = (v: number | null) => (v === null ? null : ratio ? Math.round(v * 10_000) / 100 : v);
  const suffix = ratio ? '%' : '';
  return {
    tooltip: { trigger: 'axis', formatter: `{b}<br/>{a0}: {c0}${suffix}<br/>{a1}: {c1}${suffix}` },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: h.map((p) => p.day) },
    yAxis: { type: 'value', scale: true, axisLabel: ratio ? { formatter: '{value}%' } : {} },
    series: [
      {
        name: names.value, type: 'line', symbolSize: 3,
        // a breached day is a red dot: the chart says which days the rule called abnormal
        data: h.map((p) => (p.breached ? { value: num(p.value), symbolSize: 8, itemStyle: { color: '#e4393c' } } : num(p.value))),
        markArea: { silent: true, itemStyle: { color: 'rgba(228, 57, 60, 0.08)' }, data: [[{ xAxis: open.from }, { xAxis: open.to }]] },
      },
      { name: names.baseline, type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, data: h.map((p) => num(p.baseline)) },
    ],
  };
}

function Contributors({ list, unit }: { list: Contributor[]; unit: string | undefined }) {
  const { t, lang } = useI18n();
  const labels = useLabels();
  return (
    <Table<Contributor> size="small" rowKey={(c) => `${c.dimension}=${c.value}`} dataSource={list} pagination={false} scroll={{ x: 'max-content' }} data-testid="alert-contributors"
      columns={[
        { title: t('dimension'), render: (_, c) => labels.dimension(c.dimension) },
        { title: t('contributorValue'), render: (_, c) => labels.value(c.dimension, c.value) },
        { title: t('current'), align: 'right', render: (_, c) => formatValue(c.current, unit, lang) },
        { title: t('previous'), align: 'right', render: (_, c) => formatValue(c.previous, unit, lang) },
        { title: t('contributorShare'), align: 'right', render: (_, c) => `${(c.share * 100).toFixed(0)}%` },
      ]} />
  );
}

/** The move an action should make: against the alert's. */
const remedy = (a: AlertEvent): 'up' | 'down' => {
  if (a.deltaRatio !== null) return a.deltaRatio > 0 ? 'down' : 'up';
  if (a.value !== null && a.baseline !== null) return a.value > a.baseline ? 'down' : 'up';
  return 'up';
};

function StartAction({ d, onDone, onClose }: { d: Detail; onDone: () => void; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const session = useSession();
  const entityText = useEntityText(d.names);
  const labels = useLabels();
  const [form] = Form.useForm<NewAction>();
  const [busy, setBusy] = useState(false);
  const a = d.alert;
  const ruleName = d.rule?.name ? pick(d.rule.name) : labels.metric(a.metric);
  const initial: Partial<NewAction> = {
    title: t('actionFromAlertTitle').replace('{rule}', ruleName).replace('{entity}', entityText(a.entity)),
    owner: session.user.displayName, due: dayjs().add(7, 'day'), metric: d.rule?.metric ?? a.metric, direction: remedy(a),
  };
  const submit = (v: NewAction) => {
    setBusy(true);
    actionApi.create(actionBody(v, { origin: { kind: 'alert', alertId: a.id } }, a.entity))
      // an alert someone acts on is acknowledged: nobody else need pick it up
      .then(() => (a.status === 'open' && holds(session, ['alerts:manage']) ? alertApi.setStatus(a.id, 'acknowledge') : undefined))
      .then(() => { void message.success(t('actionFromAlertSaved')); onDone(); }, (e: Error) => void message.error(failure(e)))
      .finally(() => setBusy(false));
  };
  return (
    <Modal open title={t('actionFromAlert')} onCancel={onClose} footer={null} destroyOnHidden>
      <div data-testid="action-from-alert">
        <Typography.Paragraph type="secondary">{t('actionFromAlertHint').replace('{entity}', entityText(a.entity))}</Typography.Paragraph>
        <ActionFields inline={false} busy={busy} submitLabel={t('addAction')} initial={initial} onFinish={submit} form={form} />
      </div>
    </Modal>
  );
}

function Body({ d, reload, onChanged }: { d: Detail; reload: () => void; onChanged: () => void }) {
  const { t, lang, pick } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const failure = useFailureText();
  const session = useSession();
  const entityText = useEntityText(d.names);
  const [acting, setActing] = useState(false);
  const a = d.alert;
  const unit = d.rule?.unit ?? labels.unit(a.metric);
  const metricName = d.rule?.per ? `${labels.metric(d.rule.metric)} / ${labels.metric(d.rule.per)}` : labels.metric(a.metric);
  const changed = () => { reload(); onChanged(); };
  const act = (action: 'acknowledge' | 'snooze' | 'resolve' | 'reopen') =>
    alertApi.setStatus(a.id, action).then(() => { void message.success(t('saved')); changed(); }, (e: Error) => void message.error(failure(e)));
  // 近 7 天合计,滞后 14 天: the window the rule sums, and how late it judges it
  const r = d.rule;
  const basis = !r ? '—'
    : (r.windowDays > 1 ? t('alertBasisText').replace('{w}', String(r.windowDays)) : t('alertBasisDay')) + (r.lagDays > 0 ? t('alertBasisLag').replace('{n}', String(r.lagDays)) : '');
  const history = d.history ?? [];
  const lastDay = history[history.length - 1]?.day ?? a.lastBreachDay;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Tag color={SEVERITY_COLOR[a.severity]}>{t(`severity_${a.severity}`)}</Tag>
        <Tag data-testid="alert-detail-status">{t(`alert_${a.status}`)}</Tag>
        <Typography.Text strong data-testid="alert-detail-title">{d.rule?.name ? pick(d.rule.name) : metricName}{lang === 'zh' ? ':' : ': '}{entityText(a.entity)}</Typography.Text>
      </Space>
      {a.withheld && <Alert type="info" showIcon message={t('alertWithheld')} data-testid="alert-withheld" />}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 4 }} data-testid="alert-facts">
        <Descriptions.Item label={t('metric')}>{metricName}</Descriptions.Item>
        <Descriptions.Item label={t('entity')}>{entityText(a.entity)}</Descriptions.Item>
        <Descriptions.Item label={t('openedDay')}>{a.openedDay}</Descriptions.Item>
        <Descriptions.Item label={a.resolvedDay ? t('alertResolvedOn') : t('alertLastBreach')}>{a.resolvedDay ?? a.lastBreachDay}</Descriptions.Item>
        <Descriptions.Item label={t('alertValue')}><span data-testid="alert-value">{formatValue(a.value, unit, lang)}</span></Descriptions.Item>
        <Descriptions.Item label={t('alertBaseline')}><span data-testid="alert-baseline">{formatValue(a.baseline, unit, lang)}</span></Descriptions.Item>
        <Descriptions.Item label={t('alertChange')}>{[a.deltaRatio !== null ? pct(a.deltaRatio) : '', a.z !== undefined ? `z ${a.z.toFixed(1)}` : ''].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('alertBasis')}>{basis}</Descriptions.Item>
      </Descriptions>
      <Space wrap>
        {holds(session, ['actions:manage']) && <Button type="primary" data-testid="alert-start-action" onClick={() => setActing(true)}>{t('actionFromAlert')}</Button>}
        {holds(session, ['alerts:manage']) && a.status !== 'resolved' && (
          <>
            <Button data-testid="alert-detail-ack" disabled={a.status === 'acknowledged'} onClick={() => void act('acknowledge')}>{t('acknowledge')}</Button>
            <Button onClick={() => void act('snooze')}>{t('snooze')}</Button>
            <Button data-testid="alert-detail-resolve" onClick={() => void act('resolve')}>{t('resolve')}</Button>
          </>
        )}
        {holds(session, ['alerts:manage']) && a.status === 'resolved' && <Button onClick={() => void act('reopen')}>{t('reopen')}</Button>}
      </Space>
      {d.history ? (
        <Card size="small" title={t('alertChartTitle')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('alertChartHint')}</Typography.Text>}>
          <Chart testId="alert-history-chart" height={260}
            option={historyOption(history, unit === 'ratio', { value: t('alertSeriesValue'), baseline: t('alertSeriesBaseline') }, { from: a.openedDay, to: a.resolvedDay ?? lastDay })} />
        </Card>
      ) : !a.withheld && !d.rule && <Alert type="warning" showIcon message={t('alertRuleGone')} />}
      {(a.contributors?.length ?? 0) > 0 && (
        <Card size="small" title={t('alertContributorsTitle')}><Contributors list={a.contributors!} unit={d.rule?.metricUnit ?? labels.unit(a.metric)} /></Card>
      )}
      <Card size="small" title={t('alertActions')} extra={<Button type="link" size="small" onClick={() => navigate('/actions', new URLSearchParams())}>{t('goToActions')}</Button>}>
        <List size="small" dataSource={d.actions} locale={{ emptyText: t('noAlertActions') }} data-testid="alert-actions"
          renderItem={(x) => <List.Item data-testid={`alert-action-${x.id}`}>{x.title} · {x.owner} · {x.due} <Tag>{x.stage ? t(`stage_${x.stage}`) : ''}</Tag></List.Item>} />
      </Card>
      {acting && <StartAction d={d} onClose={() => setActing(false)} onDone={() => { setActing(false); changed(); }} />}
    </Space>
  );
}

export function AlertDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useI18n();
  const state = useApi(`alerts:one:${id}`, () => alertApi.alert(id), { cache: false });
  return (
    <Card size="small" title={t('alertDetail')} data-testid="alert-detail"
      extra={<Button size="small" data-testid="alert-detail-close" onClick={() => setSearch((s) => s.delete('alert'))}>{t('alertBack')}</Button>}>
      <Async state={state}>{(d) => <Body d={d} reload={state.reload} onChanged={onChanged} />}</Async>
    </Card>
  );
}
