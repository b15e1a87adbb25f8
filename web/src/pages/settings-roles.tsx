/** 角色: what each role may do; the built-in roles read only, custom roles made from the permissions (users:manage). */
import { App, Button, Checkbox, Form, Input, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { deleteRole, listRoles, saveRole, type RoleView } from '../api/admin';
import { useApi } from '../api/use-api';
import { Async, useFailureText } from '../components/states';
import { useI18n } from '../i18n/i18n';

interface RoleForm { id: string; zh: string; en: string; permissions: string[]; requiresShopList: boolean }

export function SettingsRoles() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const roles = useApi('admin:roles', listRoles, { cache: false });
  const [editing, setEditing] = useState<RoleView | 'new' | null>(null);
  const [form] = Form.useForm<RoleForm>();
  const names = new Map((roles.data?.permissions ?? []).map((p) => [p.id, p]));
  const permName = (id: string) => { const p = names.get(id); return p ? pick(p) : id; };

  const open = (r: RoleView | 'new') => {
    setEditing(r);
    form.resetFields();
    form.setFieldsValue(r === 'new'
      ? { permissions: ['page:overview', 'page:analysis', 'metrics:read', 'analysis:run'], requiresShopList: false }
      : { id: r.id, zh: r.name.zh, en: r.name.en, permissions: r.permissions, requiresShopList: r.requiresShopList });
  };
  const save = (v: RoleForm) => saveRole(v.id, { name: { zh: v.zh.trim(), en: v.en.trim() }, permissions: v.permissions, requiresShopList: v.requiresShopList })
    .then(() => { setEditing(null); roles.reload(); void message.success(t('saved')); }, (e: Error) => void message.error(failure(e)));
  const remove = (r: RoleView) => deleteRole(r.id).then(() => roles.reload(), (e: Error) => void message.error(failure(e)));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" onClick={() => open('new')} data-testid="role-add">{t('roleAdd')}</Button>
        <Typography.Text type="secondary">{t('rolesHint')}</Typography.Text>
      </Space>
      <Async state={roles}>
        {(d) => (
          <Table<RoleView> size="small" rowKey="id" dataSource={d.roles} pagination={false}
            onRow={(r) => ({ 'data-testid': `role-${r.id}` } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('roleName'), width: 160, render: (_, r) => <Space direction="vertical" size={0}><b>{pick(r.name)}</b><Typography.Text type="secondary">{r.id}</Typography.Text></Space> },
              { title: t('roleKind'), width: 90, render: (_, r) => (r.builtin ? <Tag>{t('roleBuiltin')}</Tag> : <Tag color="blue">{t('roleCustom')}</Tag>) },
              { title: t('rolePermissions'), render: (_, r) => <Space size={[0, 4]} wrap>{r.permissions.map((p) => <Tag key={p} title={p}>{permName(p)}</Tag>)}</Space> },
              { title: t('roleNeedsShops'), width: 110, render: (_, r) => (r.requiresShopList ? t('yes') : t('no')) },
              {
                title: '', width: 150, render: (_, r) => !r.builtin && (
                  <Space>
                    <Button size="small" onClick={() => open(r)} data-testid={`role-edit-${r.id}`}>{t('edit')}</Button>
                    <Popconfirm title={t('roleDeleteConfirm')} onConfirm={() => remove(r)} okText={t('remove')} cancelText={t('cancel')}>
                      <Button size="small" danger>{t('remove')}</Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]} />
        )}
      </Async>
      <Modal open={editing !== null} title={editing === 'new' ? t('roleAdd') : t('edit')} width={720} forceRender
        onCancel={() => setEditing(null)} onOk={() => form.submit()} okText={t('save')} cancelText={t('cancel')} okButtonProps={{ 'data-testid': 'role-save' }}>
        <Form form={form} layout="vertical" onFinish={save} data-testid="role-form">
          <Space>
            <Form.Item name="id" label={t('roleId')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_-]{1,39}$/, message: t('roleIdRule') }]}>
              <Input disabled={editing !== 'new'} data-testid="role-id" placeholder="warehouse" />
            </Form.Item>
            <Form.Item name="zh" label={t('roleNameZh')} rules={[{ required: true, max: 40 }]}><Input data-testid="role-zh" placeholder="仓库" /></Form.Item>
            <Form.Item name="en" label={t('roleNameEn')} rules={[{ required: true, max: 40 }]}><Input data-testid="role-en" placeholder="warehouse" /></Form.Item>
          </Space>
          <Form.Item name="permissions" label={t('rolePermissions')}>
            <Checkbox.Group data-testid="role-permissions" style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)', gap: 4 }}
              options={(roles.data?.permissions ?? []).map((p) => ({ value: p.id, label: <span title={p.id}>{pick(p)}</span> }))} />
          </Form.Item>
          <Form.Item name="requiresShopList" label={t('roleNeedsShops')} valuePropName="checked" extra={t('roleNeedsShopsHint')}><Switch /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
