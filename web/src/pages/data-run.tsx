import { Card, Table, Tag } from 'antd';
import { getQuality, getQuarantine } from '../api/imports';
import type { QualityIssue, QuarantinedRow } from '../api/types';
import { useApi } from '../api/use-api';
import { Async } from '../components/states';
import { useI18n } from '../i18n/i18n';

/** One import run's quality report and quarantined rows, with file, row and column. */
export function RunDetails({ runId }: { runId: string }) {
  const { t, pick } = useI18n();
  const quality = useApi(`quality:${runId}`, () => getQuality(runId), { cache: false });
  const quarantine = useApi(`quarantine:${runId}`, () => getQuarantine(runId), { cache: false });
  return (
    <>
      <Card size="small" title={`${t('qualityReport')} · ${runId}`} data-testid="quality-report">
        <Async state={quality}>
          {(d) => <Table<QualityIssue> size="small" rowKey={(_, i) => String(i)} dataSource={d.issues} pagination={false} columns={[
            { title: t('status'), dataIndex: 'severity', render: (v: string) => <Tag color={v === 'warning' ? 'orange' : 'green'} data-severity={v}>{v === 'warning' || v === 'ok' ? t(`severity_${v}`) : v}</Tag> },
            { title: t('qualityCheck'), dataIndex: 'check' },
            { title: '#', dataIndex: 'count' },
            { title: t('reason'), render: (_, r) => pick(r.message) },
          ]} />}
        </Async>
      </Card>
      <Card size="small" title={t('quarantine')} data-testid="quarantine">
        <Async state={quarantine}>
          {(d) => <Table<QuarantinedRow> size="small" rowKey={(_, i) => String(i)} dataSource={d.rows} locale={{ emptyText: t('nothingQuarantined') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }} columns={[
              { title: t('file'), dataIndex: 'file' },
              { title: t('row'), dataIndex: 'row' },
              { title: t('column'), dataIndex: 'column' },
              { title: t('errorCode'), dataIndex: 'code', render: (v: string) => <code>{v}</code> },
              { title: t('reason'), render: (_, r) => pick(r.reason) },
            ]} />}
        </Async>
      </Card>
    </>
  );
}
