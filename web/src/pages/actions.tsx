/** 行动 (PDCA): problems and actions by stage, a move button, the before/after at check, the weekly 复盘. */
import { App, Button, Card, Col, Form, Row, Space, Tag } from 'antd';
import { useState } from 'react';
import { useApi } from '../api/use-api';
import { Async, useFailureText } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../lib/router';
import { useLabels } from '../lib/use-labels';
import { actionApi, STAGES, type ActionItem, type Stage } from './alerts-api';
import { BeforeAfterView, WeeklyReviewBlock } from './actions-review';
import { ActionFields, actionBody, type NewAction } from './action-form';
import { useEntityText } from '../lib/entity-text';

const NEXT: Record<Stage, Stage | undefined> = { plan: 'doing', doing: 'check', check: 'done', done: undefined };

function ActionCard({ a, onMoved }: { a: ActionItem; onMoved: () => void }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { message } = App.useApp();
  const failure = useFailureText();
  const next = a.stage ? NEXT[a.stage] : undefined;
  const alertId = a.origin?.kind === 'alert' ? a.origin.alertId : undefined;
  const entityText = useEntityText();
  const filters = Object.entries(a.target?.filters ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : v] as const);
  const scope = filters.length > 0 ? entityText(Object.fromEntries(filters)) : undefined;
  const move = (to: Stage) => actionApi.move(a.id, to).then(onMoved, (e: Error) => void message.error(failure(e)));
  return (
    <Card size="small" data-testid={`action-${a.id}`} data-stage={a.stage} title={a.title} style={{ marginBottom: 8 }}
      extra={next && <Button size="small" type="primary" data-testid={`move-${a.id}`} onClick={() => void move(next)}>{t(`stage_${next}`)} →</Button>}>
      <div>{t('owner')}: {a.owner} · {t('due')}: {a.due}</div>
      <div>{t('metric')}: {a.target ? labels.metric(a.target.metric) : ''} {a.expected && <Tag>{a.expected.direction === 'up' ? '↑' : '↓'}{a.expected.percent ?? ''}{a.expected.percent ? '%' : ''}</Tag>}</div>
      {scope && <div>{t('actionScope')}: {scope}</div>}
      {alertId && <a data-testid={`origin-${a.id}`} onClick={() => navigate('/alerts', new URLSearchParams({ alert: alertId }))}>{t('fromAlert')} →</a>}
      {(a.stage === 'check' || a.stage === 'done') && <BeforeAfterView id={a.id} />}
    </Card>
  );
}

function NewActionForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const [form] = Form.useForm<NewAction>();
  const [busy, setBusy] = useState(false);
  const submit = (v: NewAction) => {
    setBusy(true);
    actionApi.create(actionBody(v)).then(() => { form.resetFields(); onAdded(); }, (e: Error) => void message.error(failure(e))).finally(() => setBusy(false));
  };
  return <ActionFields inline busy={busy} submitLabel={t('addAction')} onFinish={submit} form={form} />;
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
                  <Col xs={24} sm={12} xl={6} key={s} data-testid={`stage-${s}`} style={{ marginBottom: 12 }}>
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
