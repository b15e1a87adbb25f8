/**
 * 经营总览's line of alerts nobody has picked up yet: the morning check starts with what went
 * wrong, each alert a tap away from its page (where it is acknowledged or acted on). Only for
 * readers of 告警; nothing when all is quiet.
 */
import { Alert, Space, Tag } from 'antd';
import { holds, useSession } from '../api/session';
import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { useEntityText } from '../lib/entity-text';
import { navigate } from '../lib/router';
import { SEVERITY_COLOR } from './alert-colors';
import { alertApi } from './alerts-api';

const SHOWN = 3;

export function OverviewAlerts() {
  const { t, pick } = useI18n();
  const session = useSession();
  const may = holds(session, ['page:alerts']);
  const alerts = useApi(may ? 'alerts:overview' : null, () => alertApi.alerts(false), { cache: false });
  const rules = useApi(may ? 'alerts:rules' : null, alertApi.rules);
  const entityText = useEntityText();
  const waiting = (alerts.data?.alerts ?? []).filter((a) => a.status === 'open').sort((x, y) => y.openedDay.localeCompare(x.openedDay));
  if (waiting.length === 0) return null;
  const ruleName = (id: string) => { const n = rules.data?.rules.find((r) => r.id === id)?.name; return n ? pick(n) : id; };
  const open = (id: string) => navigate('/alerts', new URLSearchParams({ alert: id }));
  return (
    <Alert type="warning" showIcon data-testid="overview-alerts"
      message={t('overviewAlerts').replace('{n}', String(waiting.length))}
      description={(
        <Space direction="vertical" size={2}>
          {waiting.slice(0, SHOWN).map((a) => (
            <a key={a.id} data-testid={`overview-alert-${a.id}`} onClick={() => open(a.id)}>
              <Tag color={SEVERITY_COLOR[a.severity]}>{t(`severity_${a.severity}`)}</Tag>{ruleName(a.ruleId)} · {entityText(a.entity)} · {a.openedDay}
            </a>
          ))}
          {waiting.length > SHOWN && <a onClick={() => navigate('/alerts', new URLSearchParams())}>{t('overviewAlertsMore').replace('{n}', String(waiting.length - SHOWN))}</a>}
        </Space>
      )} />
  );
}
