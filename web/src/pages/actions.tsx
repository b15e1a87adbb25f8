/** 行动 (PDCA): problems and actions by stage, a move button, the before/after at check, the weekly 复盘. */
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApi } from '../api/use-api';
import { Async, useFailureText } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { useLabels } from '../lib/use-labels';
import { actionApi, STAGES, type ActionItem, type Stage } from './alerts-api';
import { BeforeAfterView, WeeklyReviewBlock } from './actions-review';

const NEXT: Record<Stage, Stage | undefined> = { plan: 'doing', doing: 'check', check: 'done', done: undefined };

function ActionCard({ a, onMoved }: { a: ActionItem; onMoved: () => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const failure = useFailureText();
  const next = a.stage ? NEXT[a.stage] : undefined;
  const move = (to: Stage) => actionApi.move(a.id, to).then(onMoved, (e: Error) => void message.error(failure(e)));
  return (
    <Card size="small" data-testid={`action-${a.id}`} data-stage={a.stage} title={a.title} style={{ marginBottom: 8 }}
      extra={next && <Button size="small" type="primary" data-testid={`move-${a.id}`} onClick={() => void move(next)}>{t(`stage_${next}`)} →</Button>}>
      <div>{t('owner')}: {a.owner} · {t('due')}: {a.due}</div>
      <div>{t('metric')}: {a.target ? labels.metric(a.target.metric) : ''} {a.expected && <Tag>{a.expected.direction === 'up' ? '↑' : '↓'}{a.expected.percent ?? ''}{a.expected.percent ? '%' : ''}</Tag>}</div>
      {(a.stage === 'check' || a.stage === 'done') && <BeforeAfterView id={a.id} />}
    </Card>
  );
}

interface NewAction { title: string; owner: string; due: Dayjs; metric: string; direction: 'up' | 'down'; percent?: number; note?: string }

function NewActionForm({ onAdded }: { onAdded: () => void }) {
  const { t, pick } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const failure = useFailureText();
  const [form] = Form.useForm<NewAction>();
  const [busy, setBusy] = useState(false);
  const submit = (v: NewAction) => {
    setBusy(true);
    actionApi.create({
      type: 'action', title: v.title, owner: v.owner, due: v.due.format('YYYY-MM-DD'), target: { metric: v.metric },
      expected: { direction: v.direction, ...(v.percent ? { percent: v.percent } : {}), ...(v.note ? { note: v.note } : {}) },
    }).then(() => { form.resetFields(); onAdded(); }, (e: Error) => void message.error(failure(e))).finally(() => setBusy(false));
  };
  return (
    <Form form={form} layout="inline" onFinish={submit} initialValues={{ direction: 'up' }} data-testid="new-action-form">
      <Form.Item name="title" label={t('actionTitle')} rules={[{ required: true }]}><Input data-testid="action-title" style={{ width: 200 }} /></Form.Item>
      <Form.Item name="owner" label={t('owner')} rules={[{ required: true }]}><Input data-testid="action-owner" style={{ width: 120 }} /></Form.Item>
      <Form.Item name="due" label={t('due')} rules={[{ required: true }]}><DatePicker data-testid="action-due" /></Form.Item>
      <Form.Item name="metric" label={t('metric')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" data-testid="action-metric" style={{ width: 180 }}
          options={(labels.catalog?.metrics ?? []).map((m) => ({ value: m.id, label: pick(m.name) }))} />
      </Form.Item>
      <Form.Item name="direction" label={t('expectedEffect')}>
        <Select style={{ width: 90 }} options={[{ value: 'up', label: t('up') }, { value: 'down', label: t('down') }]} />
      </Form.Item>
      <Form.Item name="percent"><InputNumber min={0.1} max={1000} addonAfter="%" style={{ width: 120 }} data-testid="action-percent" /></Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="action-add">{t('addAction')}</Button>
    </Form>
  );
}

export function Page() {
  const { t } = useI18n();
  const state = useApi('actions:list', actionApi.list, { cache: false });
  const [reviewNonce, setReviewNonce] = useState(0);
  const reload = () => { state.reload(); setReviewNonce((n) => n + 1); };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('newAction')}><NewActionForm onAdded={reload} /></Card>
      <Async state={state}>
        {(d) => {
          const problems = d.items.filter((i) => i.type === 'problem' && i.status !== 'closed');
          const actions = d.items.filter((i) => i.type === 'action');
          return (
            <>
              {problems.length > 0 && (
                <Card size="small" title={t('openProblems')} data-testid="problems">
                  {problems.map((p) => <div key={p.id}><Tag>{p.id}</Tag>{p.title}</div>)}
                </Card>
              )}
              <Row gutter={12} data-testid="pdca-board">
                {STAGES.map((s) => (
                  <Col span={6} key={s} data-testid={`stage-${s}`}>
                    <Card size="small" title={`${t(`stage_${s}`)} (${actions.filter((a) => a.stage === s).length})`}>
                      {actions.filter((a) => a.stage === s).map((a) => <ActionCard key={a.id} a={a} onMoved={reload} />)}
                    </Card>
                  </Col>
                ))}
              </Row>
            </>
          );
        }}
      </Async>
      <WeeklyReviewBlock nonce={reviewNonce} />
    </Space>
  );
}
