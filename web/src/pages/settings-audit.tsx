/** 审计日志: who did what and when, newest first, read only (audit:read). */
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { listAudit, listUsers, type AuditEntry } from '../api/admin';
import { holds, useSession } from '../api/session';
import { useApi } from '../api/use-api';
import { ErrorState } from '../components/states';
import type { ApiError } from '../api/client';
import { dict, type DictKey } from '../i18n/dict';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';

const PAGE = 50;
/**
 * The server's audit actions (src/meta/repos/audit.ts) are named in the dictionary as
 * `audit_<action>` (its one dot as _): the filter lists every action the dictionary names.
 */
const ACTIONS = Object.keys(dict).filter((k) => k.startsWith('audit_')).map((k) => k.slice('audit_'.length).replace('_', '.'));
const OUTCOME_COLOR: Record<string, string> = { ok: 'green', denied: 'orange', failed: 'red' };

export function SettingsAudit() {
  const { t } = useI18n();
  const [action, setAction] = useState<string | undefined>();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  // targets that are user ids read as the member's login name (for whoever may list members)
  const users = useApi(holds(useSession(), ['users:manage']) ? 'admin:users' : null, listUsers);
  const names = new Map((users.data?.users ?? []).map((u) => [u.id, u.name]));
  const target = (e: AuditEntry) => (e.target && names.has(e.target) ? names.get(e.target)! : e.target ?? '—');
  const actionName = (a: string) => { const k = `audit_${a.replace('.', '_')}`; return k in dict ? t(k as DictKey) : a; };

  const load = (before?: number) => {
    setBusy(true);
    listAudit({ limit: PAGE, action, ...(before ? { beforeSeq: before } : {}) }).then((r) => {
      setEntries((old) => (before ? [...old, ...r.entries] : r.entries));
      setMore(r.entries.length === PAGE);
      setError(undefined);
    }, setError).finally(() => setBusy(false));
  };
  useEffect(() => load(), [action]); // eslint-disable-line react-hooks/exhaustive-deps

  if (error) return <ErrorState error={error} onRetry={() => load()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Select allowClear style={{ width: 220 }} placeholder={t('auditAllActions')} value={action} onChange={setAction} data-testid="audit-action"
          options={ACTIONS.map((a) => ({ value: a, label: actionName(a) }))} />
        <Button onClick={() => load()} loading={busy}>{t('refresh')}</Button>
        <Typography.Text type="secondary">{t('auditHint')}</Typography.Text>
      </Space>
      <Table<AuditEntry> size="small" rowKey="seq" dataSource={entries} pagination={false} loading={busy} data-testid="audit-table"
        onRow={(e) => ({ 'data-action': e.action } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('auditAt'), width: 170, render: (_, e) => formatDateTime(new Date(e.at).toISOString()) },
          { title: t('auditActor'), width: 120, render: (_, e) => e.actorName ?? '—' },
          { title: t('auditAction'), width: 140, render: (_, e) => actionName(e.action) },
          { title: t('auditTarget'), width: 180, ellipsis: true, render: (_, e) => <span title={e.target ?? ''}>{target(e)}</span> },
          { title: t('auditOutcome'), width: 80, render: (_, e) => <Tag color={OUTCOME_COLOR[e.outcome]}>{e.outcome === 'ok' ? t('auditOk') : e.outcome === 'denied' ? t('auditDenied') : t('auditFailed')}</Tag> },
          { title: 'IP', width: 120, render: (_, e) => e.ip ?? '—' },
          { title: t('auditDetail'), ellipsis: true, render: (_, e) => (Object.keys(e.detail).length ? <Typography.Text code title={JSON.stringify(e.detail, null, 1)}>{JSON.stringify(e.detail)}</Typography.Text> : '') },
        ]} />
      {more && <Button onClick={() => load(entries.at(-1)?.seq)} loading={busy} data-testid="audit-more">{t('auditOlder')}</Button>}
    </Space>
  );
}
