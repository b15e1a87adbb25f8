import { Button, Col, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useMetricQuery } from '../api/queries';
import { PERIOD } from '../api/types';
import { Chart } from '../components/chart';
import { Async } from '../components/states';
import { apiFilters, useFilters } from '../filters/use-filters';
import { useI18n } from '../i18n/i18n';
import { lineOption, pieOption, barOption } from '../lib/chart-options';
import { formatValue, toNumber } from '../lib/format';
import { navigate, useLocation } from '../lib/router';
import { useLabels } from '../lib/use-labels';

const BIG = ['paid_amount', 'paid_orders', 'paying_buyers', 'conversion_rate'];

/**
 * The wall display: dark, numbers readable from three metres (56 px), refreshed every minute
 * (`?refresh=SECONDS` to change it).
 */
export function Page() {
  const { t, lang } = useI18n();
  const { filters } = useFilters();
  const { search } = useLocation();
  const labels = useLabels();
  const every = Math.max(10, Number(search.get('refresh') ?? 60)) * 1000;
  const [updated, setUpdated] = useState(() => new Date());
  const base = apiFilters(filters);
  const range = { from: filters.from, to: filters.to };
  const big = useMetricQuery({ metrics: BIG, filters: base, ...range });
  const trend = useMetricQuery({ metrics: ['paid_amount'], filters: base, ...range, grain: 'day' });
  const plat = useMetricQuery({ metrics: ['paid_amount'], dimensions: ['platform'], filters: base, ...range });
  const shops = useMetricQuery({ metrics: ['paid_amount'], dimensions: ['shop'], filters: base, ...range, limit: 8 });

  useEffect(() => {
    const id = setInterval(() => { big.reload(); trend.reload(); plat.reload(); shops.reload(); setUpdated(new Date()); }, every);
    return () => clearInterval(id);
  }, [every]); // eslint-disable-line react-hooks/exhaustive-deps

  const panel = (children: React.ReactNode, title?: string) => <div className="sl-panel">{title && <div className="sl-meta">{title}</div>}{children}</div>;
  const dark = { textStyle: { color: '#e8f0ff' }, backgroundColor: 'transparent' };
  return (
    <div className="sl-cockpit" data-testid="page-cockpit">
      <Row justify="space-between" align="middle">
        <h1>{t('appName')} · {t('navCockpit')}</h1>
        <span className="sl-meta">{filters.from} ~ {filters.to} · {t('cockpitUpdated')} {updated.toLocaleTimeString()}
          {' '}{/* not ghost: under the dark algorithm a ghost button's text takes the dark container colour */}
          <Button onClick={() => navigate('/')}>{t('navOverview')}</Button></span>
      </Row>
      <Async state={big}>
        {(d) => (
          <Row gutter={[20, 20]}>
            {BIG.map((m) => (
              <Col span={6} key={m}>{panel(<>
                <div className="sl-big-label">{labels.metric(m)}</div>
                <div className="sl-big" data-testid={`big-${m}`}>{formatValue(d.rows[0]?.[m] ?? null, labels.unit(m), lang, true)}</div>
              </>)}</Col>
            ))}
          </Row>
        )}
      </Async>
      <Row gutter={[20, 20]} style={{ marginTop: 20 }}>
        <Col span={14}>{panel(<Async state={trend}>{(d) => <Chart theme="dark" height={380} option={{ ...lineOption(d.rows.map((r) => String(r[PERIOD])), [{ name: labels.metric('paid_amount'), data: d.rows.map((r) => r.paid_amount ?? null) }], { big: true, dark: true }), ...dark }} />}</Async>, t('trend'))}</Col>
        <Col span={10}>{panel(<Async state={plat}>{(d) => <Chart theme="dark" height={380} option={{ ...pieOption(d.rows.map((r) => ({ name: labels.value('platform', r.platform), value: r.paid_amount ?? null })), { big: true }), ...dark }} />}</Async>, t('byPlatform'))}</Col>
        <Col span={24}>{panel(<Async state={shops}>{(d) => <Chart theme="dark" height={300} option={{ ...barOption(d.rows.map((r) => labels.value('shop', r.shop)), [{ name: labels.metric('paid_amount'), data: d.rows.map((r) => toNumber(r.paid_amount ?? null)) }], { big: true }), ...dark }} />}</Async>, t('byShop'))}</Col>
      </Row>
    </div>
  );
}
