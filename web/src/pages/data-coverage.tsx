import { Card, Table, Tag, Tooltip, Typography } from 'antd';
import { getJson } from '../api/client';
import { useApi } from '../api/use-api';
import { Async } from '../components/states';
import type { Bilingual } from '../i18n/i18n';
import { useI18n } from '../i18n/i18n';
import { formatValue } from '../lib/format';

interface KindCoverage { rows: number; from: string | null; to: string | null }
interface ShopCoverage { shopId: string; name: string; platform: string; kinds: Record<string, KindCoverage> }
export interface Coverage { kinds: Array<{ kind: string; name: Bilingual }>; shops: ShopCoverage[] }

const getCoverage = () => getJson<Coverage>('/api/data/coverage');

/** Whole days from a to b (YYYY-MM-DD). */
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** A kind more than this many days behind the store's newest order is flagged: an export was missed. */
const BEHIND_DAYS = 2;

/**
 * What the store holds, shop by shop: rows and last day of each kind of data, a kind that lags
 * the newest order day flagged, one never imported shown as such.
 */
export function DataCoverage() {
  const { t, pick, lang } = useI18n();
  const state = useApi('data-coverage', getCoverage, { cache: false });
  return (
    <Card size="small" title={t('coverageTitle')} data-testid="data-coverage">
      <Async state={state} isEmpty={(d) => d.shops.length === 0}>
        {(d) => {
          const newest = d.shops.map((s) => s.kinds.orders?.to ?? '').reduce((a, b) => (b > a ? b : a), '');
          return (
            <Table<ShopCoverage> size="small" rowKey="shopId" dataSource={d.shops} pagination={false} scroll={{ x: true }}
              columns={[
                { title: t('coverageShop'), render: (_, s) => <span style={{ whiteSpace: 'nowrap' }}>{s.name}</span> },
                ...d.kinds.map((k) => ({
                  title: pick(k.name), key: k.kind,
                  render: (_: unknown, s: ShopCoverage) => {
                    const c = s.kinds[k.kind];
                    if (!c) return <Typography.Text type="secondary" data-coverage={`${s.shopId}:${k.kind}:none`}>{t('coverageNone')}</Typography.Text>;
                    const behind = newest && c.to ? daysBetween(c.to, newest) : 0;
                    return (
                      <Tooltip title={`${c.from ?? '—'} ~ ${c.to ?? '—'}`}>
                        <div style={{ whiteSpace: 'nowrap' }} data-coverage={`${s.shopId}:${k.kind}:${behind > BEHIND_DAYS ? 'behind' : 'ok'}`}>
                          <div>{t('coverageTo')} {c.to ?? '—'}</div>
                          <Typography.Text type="secondary">{formatValue(c.rows, 'count', lang)} {t('coverageRows')}</Typography.Text>
                          {behind > BEHIND_DAYS && <div><Tag color="orange">{t('coverageBehind').replace('{n}', String(behind))}</Tag></div>}
                        </div>
                      </Tooltip>
                    );
                  },
                })),
              ]} />
          );
        }}
      </Async>
    </Card>
  );
}
