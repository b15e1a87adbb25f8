/** 设置: members, roles (users:manage) and the audit log (audit:read) of the team's ShopLens. */
import { Card, Tabs, Typography } from 'antd';
import { holds, useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { SettingsAudit } from './settings-audit';
import { SettingsRoles } from './settings-roles';
import { SettingsUsers } from './settings-users';

export function Page() {
  const { t } = useI18n();
  const s = useSession();
  const tabs = [
    ...(holds(s, ['users:manage']) ? [
      { key: 'users', label: t('settingsUsers'), children: <SettingsUsers /> },
      { key: 'roles', label: t('settingsRoles'), children: <SettingsRoles /> },
    ] : []),
    ...(holds(s, ['audit:read']) ? [{ key: 'audit', label: t('settingsAudit'), children: <SettingsAudit /> }] : []),
  ];
  return (
    <>
      <Typography.Title level={4} style={{ margin: '0 0 12px' }}>{t('navSettings')}</Typography.Title>
      <Card size="small"><Tabs items={tabs} data-testid="settings-tabs" destroyOnHidden /></Card>
    </>
  );
}
