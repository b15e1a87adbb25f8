import { App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { downloadPost } from '../api/client';
import { listDashboards, saveDashboard, saveReport, useReports } from '../api/saved';
import type { ChartKind, Compare, Grain, MetricQuery } from '../api/types';
import { QueryView } from '../components/query-view';
import { apiFilters, useFilters } from '../filters/use-filters';
import { useI18n } from '../i18n/i18n';
import { useLocation } from '../lib/router';
import { ReportView } from './report-view';
import { useLabels } from '../lib/use-labels';
import { SavedReportList } from './report-list';
import { ReportSchedules } from './report-schedules';

interface Draft { metrics: string[]; dimensions: string[]; grain: Grain | 'none'; compare: Compare | 'none'; chart: ChartKind }
const EMPTY: Draft = { metrics: [], dimensions: [], grain: 'none', compare: 'none', chart: 'table' };

/** Pick metrics, dimensions, grain, comparison and chart; preview; save; place on a dashboard; export. */
export function Page() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const { filters } = useFilters();
  const { search } = useLocation();
  const labels = useLabels();
  const reports = useReports();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [preview, setPreview] = useState<MetricQuery | null>(null);
  const [name, setName] = useState('');
  const [savedId, setSavedId] = useState<string | undefined>();

  // `?report=ID` opens a saved report in the builder; `?view=ID` shows a report as sent (report-view.tsx).
  const openId = search.get('report');
  const viewId = search.get('view');
  useEffect(() => {
    const r = reports.data?.reports.find((x) => x.id === openId);
    if (!r) return;
    setDraft({ metrics: r.query.metrics, dimensions: r.query.dimensions ?? [], grain: r.query.grain ?? 'none', compare: r.query.compare?.[0] ?? 'none', chart: r.query.chart });
    setName(r.name);
    setSavedId(r.id);
  }, [openId, reports.data]);

  const query = (): MetricQuery => ({
    metrics: draft.metrics,
    dimensions: draft.dimensions,
    filters: apiFilters(filters),
    from: filters.from,
    to: filters.to,
    ...(draft.grain !== 'none' ? { grain: draft.grain } : {}),
    ...(draft.compare !== 'none' ? { compare: [draft.compare] } : {}),
  });
  const catalog = labels.catalog;
  const dimOptions = catalog ? catalog.dimensions.filter((d) => draft.metrics.length === 0 || draft.metrics.every((m) => catalog.metrics.find((x) => x.id === m)?.dimensions.includes(d.id))) : [];

  const save = async () => {
    if (!name.trim()) { void message.warning(t('reportName')); return; }
    const r = await saveReport({ ...(savedId ? { id: savedId } : {}), name: name.trim(), query: { ...query(), chart: draft.chart } });
    setSavedId(r.id);
    reports.reload();
    void message.success(t('saved'));
  };
  const addToDashboard = async (dashName: string) => {
    if (!savedId) return;
    const existing = (await listDashboards()).dashboards.find((d) => d.name === dashName);
    await saveDashboard(existing ? { ...existing, reports: [...new Set([...existing.reports, savedId])] } : { name: dashName, reports: [savedId] });
    void message.success(t('saved'));
  };
  const exportAs = (format: 'xlsx' | 'csv') => downloadPost(`/api/export?format=${format}&lang=${lang}`, { query: query(), name: name || 'shoplens' }, `${name || 'shoplens'}.${format}`);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-reports">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('navReports')}</Typography.Title>
      {viewId && <ReportView key={viewId} id={viewId} from={search.get('from')} to={search.get('to')} />}
      <Row gutter={12}>
        <Col xs={24} lg={8}>
          <Card size="small">
            <Form layout="vertical">
              <Form.Item label={t('metrics')}>
                <Select mode="multiple" data-testid="rb-metrics" value={draft.metrics} onChange={(v: string[]) => set({ metrics: v })} optionFilterProp="label"
                  options={(catalog?.metrics ?? []).map((m) => ({ value: m.id, label: `${pick(m.name)} (${m.id})` }))} />
              </Form.Item>
              <Form.Item label={t('dimensions')}>
                <Select mode="multiple" data-testid="rb-dimensions" value={draft.dimensions} onChange={(v: string[]) => set({ dimensions: v })}
                  options={dimOptions.map((d) => ({ value: d.id, label: pick(d.name) }))} />
              </Form.Item>
              <Form.Item label={t('filters')}><Typography.Text type="secondary">{filters.from} ~ {filters.to} {Object.entries(apiFilters(filters)).map(([k, v]) => `· ${labels.dimension(k)}=${v.join(',')}`).join(' ')}</Typography.Text></Form.Item>
              <Row gutter={8}>
                <Col span={8}><Form.Item label={t('grain')}><Select data-testid="rb-grain" value={draft.grain} onChange={(v) => set({ grain: v })} options={[
                  { value: 'none', label: t('grainNone') }, { value: 'day', label: t('grainDay') }, { value: 'week', label: t('grainWeek') }, { value: 'month', label: t('grainMonth') }]} /></Form.Item></Col>
                <Col span={8}><Form.Item label={t('comparison')}><Select data-testid="rb-compare" value={draft.compare} onChange={(v) => set({ compare: v })} options={[
                  { value: 'none', label: t('compareNone') }, { value: 'mom', label: t('mom') }, { value: 'yoy', label: t('yoy') }]} /></Form.Item></Col>
                <Col span={8}><Form.Item label={t('chartType')}><Select data-testid="rb-chart" value={draft.chart} onChange={(v) => set({ chart: v })} options={[
                  { value: 'table', label: t('chartTable') }, { value: 'line', label: t('chartLine') }, { value: 'bar', label: t('chartBar') }, { value: 'pie', label: t('chartPie') }]} /></Form.Item></Col>
              </Row>
              <Button type="primary" block data-testid="rb-preview" disabled={draft.metrics.length === 0} onClick={() => setPreview(query())}>{t('preview')}</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('preview')} extra={
            <Space wrap>
              <Input placeholder={t('reportName')} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 180 }} data-testid="rb-name" />
              <Button onClick={save} disabled={!preview} data-testid="rb-save">{t('save')}</Button>
              <Button onClick={() => void addToDashboard(window.prompt(t('dashboardName'), t('newDashboard')) ?? '')} disabled={!savedId} data-testid="rb-dashboard">{t('addToDashboard')}</Button>
              <Button onClick={() => void exportAs('xlsx')} disabled={!preview} data-testid="rb-xlsx">{t('exportXlsx')}</Button>
              <Button onClick={() => void exportAs('csv')} disabled={!preview} data-testid="rb-csv">{t('exportCsv')}</Button>
            </Space>
          }>
            {preview ? <QueryView query={preview} chart={draft.chart} height={360} /> : <Typography.Text type="secondary">{t('pickMetricHint')}</Typography.Text>}
          </Card>
        </Col>
      </Row>
      <SavedReportList state={reports} />
      <ReportSchedules />
    </Space>
  );
}
