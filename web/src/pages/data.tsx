import { App, AutoComplete, Button, Card, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useFilterOptions } from '../components/global-filters';
import { InboxOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { getRun, listRuns, loadDemo, uploadFiles } from '../api/imports';
import type { ImportFileResult, ImportRun } from '../api/types';
import { useApi, clearApiCache } from '../api/use-api';
import { Async, useFailureText } from '../components/states';
import { dict, type DictKey } from '../i18n/dict';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';
import { useLocation } from '../lib/router';
import { RunDetails } from './data-run';
import { DataCoverage } from './data-coverage';
import { DemoNotice } from './data-demo';

const STATUS_COLOR: Record<string, string> = { done: 'green', committed: 'green', running: 'blue', failed: 'red', rejected: 'red', partial: 'orange', queued: 'default' };

/** A code in the reader's language from the dictionary entry `prefix + code`, or the code itself when there is none. */
function codeLabel(t: (k: DictKey) => string, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return key in dict ? t(key as DictKey) : code;
}

/** A run's or file's status in the reader's language (`data-status` keeps the code). */
function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]} data-status={status}>{codeLabel(t, 'importStatus_', status)}</Tag>;
}

/** The upload's share of the bar; the import on the server, usually the longer part, has the rest. */
const UPLOAD_SHARE = 0.25;

/** A running file's phase and how far it is, e.g. 清洗 48% (`data-phase` keeps the code). */
function PhaseNote({ file }: { file: ImportFileResult }) {
  const { t } = useI18n();
  if (file.status !== 'running' || !file.phase) return null;
  return (
    <Typography.Text type="secondary" data-phase={file.phase}>
      {codeLabel(t, 'importPhase_', file.phase)} {Math.floor((file.progress ?? 0) * 100)}%
    </Typography.Text>
  );
}

/** Upload export files (several at once), watch the import, read its log, quality report and quarantine. */
export function Page() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { search } = useLocation();
  const runs = useApi('import-runs', listRuns, { cache: false });
  const [progress, setProgress] = useState<{ upload: number; run: ImportRun | null } | null>(null);
  const [openRun, setOpenRun] = useState<string | null>(null);
  const [demoBusy, setDemoBusy] = useState(false);
  /** bumped when the demo is loaded or removed: the notice and the coverage read the store again */
  const [version, setVersion] = useState(0);
  const [shop, setShop] = useState('');
  const shops = useFilterOptions().data?.shops ?? [];

  const failure = useFailureText();

  const upload = async (files: File[]) => {
    setProgress({ upload: 0, run: null });
    try {
      const { runId } = await uploadFiles(files, shop, (f) => setProgress({ upload: f, run: null }));
      // The import runs on the server; poll its run until it is no longer running.
      for (;;) {
        const run = await getRun(runId);
        setProgress({ upload: 1, run });
        if (run.status !== 'running' && run.status !== 'queued') break;
        await new Promise((r) => setTimeout(r, 500));
      }
      clearApiCache();
      runs.reload();
      setOpenRun(runId);
    } catch (e) {
      void message.error(failure(e));
      setProgress(null);
    }
  };

  const demo = async () => {
    setDemoBusy(true);
    try { await loadDemo(100_000); clearApiCache(); runs.reload(); setVersion((n) => n + 1); void message.success(t('saved')); }
    catch (e) { void message.error(failure(e)); }
    finally { setDemoBusy(false); }
  };

  const fileColumns = [
    { title: t('file'), dataIndex: 'file' },
    { title: t('detectedFormat'), dataIndex: 'format', render: (v: string | null) => (v ? <Tag color="blue">{v}</Tag> : '—') },
    { title: t('status'), dataIndex: 'status', render: (v: string, f: ImportFileResult) => <Space size={4}><StatusTag status={v} /><PhaseNote file={f} /></Space> },
    { title: t('rowsIn'), dataIndex: 'rowsRead' },
    { title: t('rowsLoaded'), dataIndex: 'rowsLoaded' },
    { title: t('rowsQuarantined'), dataIndex: 'rowsQuarantined' },
    { title: t('errorCode'), render: (_: unknown, f: ImportFileResult) => (f.error ? <span><code>{f.error.code}</code> {pick(f.error.message)}</span> : '') },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-data">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('navData')}</Typography.Title>
      <Space>
        <Typography.Text>{t('uploadShop')}</Typography.Text>
        <AutoComplete style={{ width: 260 }} value={shop} onChange={setShop} data-testid="upload-shop" allowClear
          options={shops.map((s) => ({ value: s.id, label: `${s.name} (${s.id})` }))} />
      </Space>
      <Upload.Dragger multiple showUploadList={false} data-testid="upload"
        beforeUpload={(_f, list) => { if (_f === list[list.length - 1]) void upload(list as unknown as File[]); return false; }}>
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t('uploadTitle')}</p>
        <p className="ant-upload-hint">{t('uploadHint')}</p>
      </Upload.Dragger>
      {search.get('demo') === '1' && (
        <Button type="primary" loading={demoBusy} onClick={() => void demo()} data-testid="load-demo">{t('loadDemo')}</Button>
      )}
      {progress && (
        <Card size="small" data-testid="import-progress">
          <Progress percent={Math.round((UPLOAD_SHARE * progress.upload + (1 - UPLOAD_SHARE) * (progress.run?.progress ?? (progress.run && progress.run.status !== 'running' ? 1 : 0))) * 100)}
            status={progress.run?.status === 'failed' ? 'exception' : undefined} />
          {progress.run && <Table size="small" rowKey="file" pagination={false} dataSource={progress.run.files} columns={fileColumns} data-testid="import-files" />}
        </Card>
      )}
      <DemoNotice key={version} onRemoved={() => { clearApiCache(); setVersion((n) => n + 1); }} />
      {/* read again after each import (a new run heads the log) and after the demo is removed */}
      <DataCoverage key={`${runs.data?.runs[0]?.id ?? ''}:${version}`} />
      <Card size="small" title={t('importLog')}>
        <Async state={runs}>
          {(d) => (
            <Table<ImportRun> size="small" rowKey="id" dataSource={d.runs} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="import-log"
              expandable={{ expandedRowRender: (r) => <Table size="small" rowKey="file" pagination={false} dataSource={r.files} columns={fileColumns} /> }}
              columns={[
                { title: t('startedAt'), dataIndex: 'startedAt', render: (v: string) => formatDateTime(v) },
                { title: t('file'), render: (_, r) => r.files.map((f) => f.file).join(', ') },
                { title: t('status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
                { title: t('rowsLoaded'), render: (_, r) => r.files.reduce((s, f) => s + f.rowsLoaded, 0) },
                { title: t('rowsQuarantined'), render: (_, r) => r.files.reduce((s, f) => s + f.rowsQuarantined, 0) },
                { title: '', render: (_, r) => <Button size="small" onClick={() => setOpenRun(r.id)}>{t('view')}</Button> },
              ]} />
          )}
        </Async>
      </Card>
      {openRun && <RunDetails runId={openRun} />}
    </Space>
  );
}
