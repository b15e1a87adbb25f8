/** The fields of a new action (行动项), on the 行动 page and when an action starts from an alert. */
import { Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n';
import { useLabels } from '../lib/use-labels';

export interface NewAction { title: string; owner: string; due: Dayjs; metric: string; direction: 'up' | 'down'; percent?: number }

/** The request body of an action from the form's values; `extra` adds its origin and filters. */
export function actionBody(v: NewAction, extra: Record<string, unknown> = {}, filters: Record<string, string> = {}): Record<string, unknown> {
  return {
    type: 'action', title: v.title, owner: v.owner, due: v.due.format('YYYY-MM-DD'), target: { metric: v.metric, filters },
    expected: { direction: v.direction, ...(v.percent ? { percent: v.percent } : {}) }, ...extra,
  };
}

export function ActionFields({ inline, busy, submitLabel, initial, onFinish, form }: {
  inline: boolean;
  busy: boolean;
  submitLabel: string;
  initial?: Partial<NewAction>;
  onFinish: (v: NewAction) => void;
  form?: ReturnType<typeof Form.useForm<NewAction>>[0];
}) {
  const { t, pick } = useI18n();
  const labels = useLabels();
  // inline on the wide 行动 page; stacked, full width, in a dialog that may be on a phone
  const w = (px: number) => (inline ? { width: px } : { width: '100%' });
  return (
    <Form form={form} layout={inline ? 'inline' : 'vertical'} onFinish={onFinish} initialValues={{ direction: 'up', ...initial }} data-testid="new-action-form">
      <Form.Item name="title" label={t('actionTitle')} rules={[{ required: true }]}><Input data-testid="action-title" style={w(200)} /></Form.Item>
      <Form.Item name="owner" label={t('owner')} rules={[{ required: true }]}><Input data-testid="action-owner" style={w(120)} /></Form.Item>
      <Form.Item name="due" label={t('due')} rules={[{ required: true }]}><DatePicker data-testid="action-due" style={inline ? undefined : { width: '100%' }} /></Form.Item>
      <Form.Item name="metric" label={t('metric')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" data-testid="action-metric" style={w(180)}
          options={(labels.catalog?.metrics ?? []).map((m) => ({ value: m.id, label: pick(m.name) }))} />
      </Form.Item>
      <Form.Item name="direction" label={t('expectedEffect')}>
        <Select style={w(90)} options={[{ value: 'up', label: t('up') }, { value: 'down', label: t('down') }]} data-testid="action-direction" />
      </Form.Item>
      <Form.Item name="percent" label={inline ? undefined : t('expectedPercent')}>
        <InputNumber min={0.1} max={1000} addonAfter="%" style={w(120)} data-testid="action-percent" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="action-add" block={!inline}>{submitLabel}</Button>
    </Form>
  );
}
