/**
 * Deleting a member: what they leave behind (dashboards, reports, alert rules, scheduled
 * reports) and whom it goes to. Without an heir, their schedules stop sending and nobody can
 * change their dashboards.
 */
import { App, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { deleteUser, ownedBy, type OwnedKind, type UserView } from '../api/admin';
import { useFailureText } from '../components/states';
import type { DictKey } from '../i18n/dict';
import { useI18n } from '../i18n/i18n';

const KINDS: OwnedKind[] = ['dashboard', 'saved_report', 'alert_rule', 'report_schedule'];

export function DeleteUser({ user, users, onClose }: { user: UserView | null; users: UserView[]; onClose: (deleted: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const [owned, setOwned] = useState<Record<OwnedKind, number> | null>(null);
  const [heir, setHeir] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setOwned(null);
    setHeir(undefined);
    if (user) ownedBy(user.id).then((r) => setOwned(r.owned), () => setOwned(null));
  }, [user]);
  const total = owned ? KINDS.reduce((a, k) => a + owned[k], 0) : 0;
  const remove = () => {
    if (!user) return;
    setBusy(true);
    deleteUser(user.id, heir).then(() => { void message.success(t('userDeleted')); onClose(true); }, (e: Error) => void message.error(failure(e))).finally(() => setBusy(false));
  };
  return (
    <Modal open={user !== null} title={`${t('remove')} ${user?.name ?? ''}`} onCancel={() => onClose(false)} onOk={remove} confirmLoading={busy}
      okText={t('remove')} okButtonProps={{ danger: true, 'data-testid': 'user-delete-confirm' }} cancelText={t('cancel')}>
      <Space direction="vertical" style={{ width: '100%' }} data-testid="user-delete">
        <Typography.Paragraph>{t('userDeleteConfirm')}</Typography.Paragraph>
        {total > 0 && owned && (
          <>
            <Typography.Paragraph data-testid="user-owned">
              {t('userOwns')}{KINDS.filter((k) => owned[k] > 0).map((k) => `${t(`owned_${k}` as DictKey)} ${owned[k]}`).join('、')}
            </Typography.Paragraph>
            <Select allowClear style={{ width: '100%' }} placeholder={t('userHeir')} value={heir} onChange={setHeir} data-testid="user-heir"
              options={users.filter((u) => u.id !== user?.id && !u.disabled).map((u) => ({ value: u.id, label: `${u.displayName}(${u.name})` }))} />
            <Typography.Text type={heir ? 'secondary' : 'warning'}>{heir ? t('userHeirHint') : t('userNoHeir')}</Typography.Text>
          </>
        )}
      </Space>
    </Modal>
  );
}
