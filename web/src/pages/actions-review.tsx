/** The PDCA page's read-only parts: one action's before/after, and the weekly 复盘. */
import { Card, Descriptions, Empty, List, Tag } from 'antd';
import { useApi } from '../api/use-api';
import { Async } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { formatValue } from '../lib/format';
import { useLabels } from '../lib/use-labels';
import { actionApi, pct, shown, type BeforeAfter } from './alerts-api';

function Comparison({ r, named = false }: { r: BeforeAfter; named?: boolean }) {
  const { t, lang } = useI18n();
  const labels = useLabels();
  // in the metric's own unit (¥212,761.46, 3.45%), as every other figure in the app
  const unit = labels.unit(r.metric);
  const v = (x: unknown) => (unit && (typeof x === 'number' || typeof x === 'string') ? formatValue(x, unit, lang) : shown(x));
  return (
    <Descriptions size="small" column={1} data-testid={`compare-${r.actionId}`} title={named ? labels.metric(r.metric) : undefined}>
      <Descriptions.Item label={`${t('before')} ${r.before.from}~${r.before.to}`}>{v(r.before.value)}</Descriptions.Item>
      <Descriptions.Item label={`${t('after')} ${r.after.from}~${r.after.to}`}>{v(r.after.value)}</Descriptions.Item>
      <Descriptions.Item label={t('change')}>
        {v(r.change)} ({pct(r.changePct)}) {r.met === null ? <Tag>{t('tooEarly')}</Tag> : <Tag color={r.met ? 'green' : 'red'}>{t(r.met ? 'met' : 'notMet')}</Tag>}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function BeforeAfterView({ id }: { id: string }) {
  const { t } = useI18n();
  const state = useApi(`actions:compare:${id}`, () => actionApi.compare(id), { cache: false });
  // checked on the day it started: no full day after it yet — a wait, not a failure
  if (state.error?.code === 'ACTION_NOT_STARTED') return <div data-testid={`compare-${id}`}><Tag>{t('tooEarly')}</Tag>{t('compareWaiting')}</div>;
  return <Async state={state}>{(r) => <Comparison r={r} />}</Async>;
}

export function WeeklyReviewBlock({ nonce }: { nonce: number }) {
  const { t } = useI18n();
  const state = useApi(`actions:review:${nonce}`, actionApi.review, { cache: false });
  return (
    <Card size="small" title={t('weeklyReview')} data-testid="weekly-review">
      <Async state={state}>
        {(w) => (
          <>
            <div style={{ marginBottom: 8 }}>{w.week.from} ~ {w.week.to}</div>
            <List size="small" header={t('openProblems')} dataSource={w.openProblems} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              renderItem={(p) => <List.Item>{p.title}</List.Item>} />
            <List size="small" header={t('overdue')} dataSource={w.overdue} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              renderItem={(a) => <List.Item>{a.title} · {a.owner} · {a.due}</List.Item>} />
            <List size="small" header={t('movedThisWeek')} dataSource={w.moved} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              renderItem={(a) => <List.Item>{a.title} <Tag>{a.stage ? t(`stage_${a.stage}`) : ''}</Tag></List.Item>} />
            <List size="small" header={t('results')} dataSource={w.results} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              renderItem={(r) => <List.Item><Comparison r={r} named /></List.Item>} />
            {w.waiting.length > 0 && (
              <List size="small" dataSource={w.waiting} data-testid="review-waiting"
                renderItem={(a) => <List.Item>{a.title} <Tag>{t('tooEarly')}</Tag>{t('compareWaiting')}</List.Item>} />
            )}
          </>
        )}
      </Async>
    </Card>
  );
}
