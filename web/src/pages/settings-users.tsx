/** 成员: who may sign in, with which role and which shops — added, changed, stopped and removed here (users:manage). */
import { App, Button, Form, Input, Modal, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { changeUser, createUser, listRoles, listShops, listUsers, type RoleView, type ShopView, type UserView } from '../api/admin';
import { DeleteUser } from './settings-user-delete';
import { useSession } from '../api/session';
import { useApi } from '../api/use-api';
import { Async, useFailureText } from '../components/states';
import { useI18n } from '../i18n/i18n';

interface UserForm {
  name: string; displayName?: string; password?: string; role: string;
  reach: 'all' | 'some'; shops?: string[]; platforms?: string[]; disabled?: boolean;
}

/** How far a user reaches, in words: 全部店铺, or the shops' names and the platforms. */
function Reach({ user, shops }: { user: UserView; shops: ShopView[] }) {
  const { t } = useI18n();
  if (user.shops === 'all') return <Tag color="blue">{t('allShops')}</Tag>;
  const name = (id: string) => shops.find((s) => s.shopId === id)?.name ?? id;
  return (
    <Space size={[0, 4]} wrap>
      {user.shops.map((id) => <Tag key={id} title={id}>{name(id)}</Tag>)}
      {user.platforms.map((p) => <Tag key={p} color="purple">{t('platformPrefix')}{p}</Tag>)}
    </Space>
  );
}

export function SettingsUsers() {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const me = useSession();
  const users = useApi('admin:users', listUsers, { cache: false });
  const roles = useApi('admin:roles', listRoles, { cache: false });
  const shops = useApi('admin:shops', listShops);
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<UserView | null>(null);
  const [form] = Form.useForm<UserForm>();
  const reach = Form.useWatch('reach', form);
  const roleList = roles.data?.roles ?? [];
  const shopList = shops.data?.shops ?? [];
  const roleName = (id: string) => { const r = roleList.find((x) => x.id === id); return r ? pick(r.name) : id; };
  const platforms = [...new Set(shopList.map((s) => s.platform))].sort();

  const open = (u: UserView | 'new') => {
    setEditing(u);
    form.resetFields();
    form.setFieldsValue(u === 'new'
      ? { role: 'ops', reach: 'all' }
      : { name: u.name, displayName: u.displayName, role: u.role, reach: u.shops === 'all' ? 'all' : 'some', shops: u.shops === 'all' ? [] : u.shops, platforms: u.platforms, disabled: u.disabled });
  };
  const save = async (v: UserForm) => {
    const access = v.reach === 'all' ? { shops: 'all' as const, platforms: [] } : { shops: v.shops ?? [], platforms: v.platforms ?? [] };
    try {
      if (editing === 'new') {
        await createUser({ name: v.name.trim(), password: v.password, role: v.role, ...access, ...(v.displayName?.trim() ? { displayName: v.displayName.trim() } : {}) });
      } else if (editing) {
        // only what changed: a new role, shops or status ends the member's sessions, a new display name need not
        const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
        const change = {
          ...(v.role !== editing.role ? { role: v.role } : {}),
          ...(!same(access.shops, editing.shops) || !same(access.platforms, editing.platforms) ? access : {}),
          ...((v.disabled ?? false) !== editing.disabled || (editing.locked && !v.disabled) ? { disabled: v.disabled ?? false } : {}),
          ...(v.displayName?.trim() && v.displayName.trim() !== editing.displayName ? { displayName: v.displayName.trim() } : {}),
          ...(v.password ? { password: v.password } : {}),
        };
        if (Object.keys(change).length > 0) await changeUser(editing.id, change);
      }
      setEditing(null);
      users.reload();
      void message.success(t('saved'));
    } catch (e) {
      void message.error(failure(e));
    }
  };

  const roleOption = (r: RoleView) => ({ value: r.id, label: `${pick(r.name)}${r.requiresShopList ? (lang === 'zh' ? `(${t('roleNeedsShops')})` : ` (${t('roleNeedsShops').toLowerCase()})`) : ''}` });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" onClick={() => open('new')} data-testid="user-add">{t('userAdd')}</Button>
        <Typography.Text type="secondary">{t('usersHint')}</Typography.Text>
      </Space>
      <Async state={users}>
        {(d) => (
          <Table<UserView> size="small" rowKey="id" dataSource={d.users} pagination={false}
            onRow={(u) => ({ 'data-testid': `user-${u.name}` } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('userName'), dataIndex: 'name', render: (name: string, u) => <span>{name}{u.id === me.user.id && <Tag style={{ marginLeft: 6 }}>{t('you')}</Tag>}</span> },
              { title: t('userDisplayName'), dataIndex: 'displayName' },
              { title: t('userRole'), render: (_, u) => roleName(u.role) },
              { title: t('userShops'), render: (_, u) => <Reach user={u} shops={shopList} /> },
              {
                title: t('userStatus'), render: (_, u) => (u.disabled ? <Tag color="red" data-status="disabled">{t('userDisabled')}</Tag>
                  : u.locked ? <Tag color="orange" data-status="locked">{t('userLocked')}</Tag> : <Tag color="green" data-status="active">{t('userActive')}</Tag>),
              },
              {
                title: '', width: 160, render: (_, u) => (
                  <Space>
                    <Button size="small" onClick={() => open(u)} data-testid={`user-edit-${u.name}`}>{t('edit')}</Button>
                    {u.id !== me.user.id && <Button size="small" danger onClick={() => setDeleting(u)} data-testid={`user-delete-${u.name}`}>{t('remove')}</Button>}
                  </Space>
                ),
              },
            ]} />
        )}
      </Async>
      <Modal open={editing !== null} title={editing === 'new' ? t('userAdd') : `${t('edit')} ${editing?.name ?? ''}`}
        onCancel={() => setEditing(null)} onOk={() => form.submit()} okText={t("save")} cancelText={t("cancel")} forceRender
        okButtonProps={{ 'data-testid': 'user-save' }}>
        <Form form={form} layout="vertical" onFinish={save} data-testid="user-form">
          <Form.Item name="name" label={t('userName')} rules={[{ required: true, pattern: /^[\p{L}\p{N}._-]{2,64}$/u, message: t('userNameRule') }]}>
            <Input disabled={editing !== 'new'} data-testid="user-name" autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('userDisplayName')}><Input data-testid="user-display-name" maxLength={100} /></Form.Item>
          <Form.Item name="password" label={editing === 'new' ? t('password') : t('userResetPassword')} extra={t('passwordRule')}
            rules={[{ required: editing === 'new', min: 10, max: 256, message: t('passwordRule') }]}>
            <Input.Password data-testid="user-password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('userRole')} rules={[{ required: true }]}>
            <Select data-testid="user-role" options={roleList.map(roleOption)} />
          </Form.Item>
          <Form.Item name="reach" label={t('userShops')}>
            <Radio.Group data-testid="user-reach" options={[{ value: 'all', label: t('allShops') }, { value: 'some', label: t('someShops') }]} />
          </Form.Item>
          {reach === 'some' && (
            <>
              <Form.Item name="shops" label={t('userShopList')}>
                <Select mode="multiple" data-testid="user-shops" optionFilterProp="label" placeholder={t('userShopListHint')}
                  options={shopList.map((s) => ({ value: s.shopId, label: `${s.name}(${s.shopId})` }))} />
              </Form.Item>
              <Form.Item name="platforms" label={t('userPlatforms')} extra={t('userPlatformsHint')}>
                <Select mode="multiple" data-testid="user-platforms" options={platforms.map((p) => ({ value: p, label: p }))} />
              </Form.Item>
            </>
          )}
          {editing !== 'new' && editing?.id !== me.user.id && (
            <Form.Item name="disabled" label={t('userDisabled')} valuePropName="checked" extra={t('userDisableHint')}>
              <Switch data-testid="user-disabled" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <DeleteUser user={deleting} users={users.data?.users ?? []} onClose={(deleted) => { setDeleting(null); if (deleted) users.reload(); }} />
    </Space>
  );
}
