import { Button, Card, Col, Empty, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { deleteDashboard, useDashboards, useReports } from '../api/saved';
import { QueryView } from '../components/query-view';
import { Async } from '../components/states';
import { apiFilters, useFilters } from '../filters/use-filters';
import { useI18n } from '../i18n/i18n';

/**
 * Custom dashboards: saved reports placed side by side. A report keeps its metrics and shape;
 * the global date range and filters of the moment apply, so one dashboard serves any period.
 */
export function Page() {
  const { t } = useI18n();
  const { filters } = useFilters();
  const dashboards = useDashboards();
  const reports = useReports();
  const [picked, setPicked] = useState<string | undefined>();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-dashboards">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('navDashboards')}</Typography.Title>
      <Async state={dashboards}>
        {(d) => {
          if (d.dashboards.length === 0) return <Empty description={t('noDashboards')} />;
          const current = d.dashboards.find((x) => x.id === picked) ?? d.dashboards[0]!;
          return (
            <>
              <Space>
                <Select value={current.id} onChange={setPicked} style={{ minWidth: 220 }} options={d.dashboards.map((x) => ({ value: x.id, label: x.name }))} />
                <Button danger onClick={() => void deleteDashboard(current.id).then(dashboards.reload)}>{t('remove')}</Button>
              </Space>
              <Row gutter={[12, 12]}>
                {current.reports.map((id) => {
                  const r = reports.data?.reports.find((x) => x.id === id);
                  if (!r) return null;
                  // The saved chart kind is the card's, not the query's.
                  const { chart, ...saved } = r.query;
                  const query = { ...saved, from: filters.from, to: filters.to, filters: apiFilters(filters) };
                  return (
                    <Col key={id} xs={24} lg={12}>
                      <Card size="small" title={r.name} data-testid={`dash-card-${r.name}`}><QueryView query={query} chart={chart} height={280} /></Card>
                    </Col>
                  );
                })}
              </Row>
            </>
          );
        }}
      </Async>
    </Space>
  );
}
