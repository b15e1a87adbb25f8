import { Button, Card, Space, Table } from 'antd';
import { deleteReport } from '../api/saved';
import type { SavedReport } from '../api/types';
import type { ApiState } from '../api/use-api';
import { Async } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { setSearch } from '../lib/router';

export function SavedReportList({ state }: { state: ApiState<{ reports: SavedReport[] }> }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('savedReports')} data-testid="saved-reports">
      <Async state={state}>
        {(d) => (
          <Table<SavedReport> size="small" rowKey="id" dataSource={d.reports} pagination={false} scroll={{ x: 'max-content' }}
            columns={[
              { title: t('reportName'), dataIndex: 'name' },
              { title: t('metrics'), render: (_, r) => r.query.metrics.join(', ') },
              { title: '', width: 160, render: (_, r) => (
                <Space>
                  <Button size="small" onClick={() => setSearch((s) => s.set('report', r.id))}>{t('open')}</Button>
                  <Button size="small" danger onClick={() => void deleteReport(r.id).then(state.reload)}>{t('remove')}</Button>
                </Space>
              ) },
            ]} />
        )}
      </Async>
    </Card>
  );
}
