/**
 * The demo seller on the 数据 page: while its shops are in the store, a notice says so and
 * offers to take it out, leaving what the seller imported (npm start fills an empty store with
 * the demo; a seller's own totals should not include 简屿's six shops).
 */
import { Alert, App, Button, Popconfirm } from 'antd';
import { getJson, postJson } from '../api/client';
import { useApi } from '../api/use-api';
import { useFailureText } from '../components/states';
import { useI18n } from '../i18n/i18n';

export function DemoNotice({ onRemoved }: { onRemoved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const state = useApi('demo-shops', () => getJson<{ shops: string[] }>('/api/demo'), { cache: false });
  const count = state.data?.shops.length ?? 0;
  if (count === 0) return null;
  const remove = () => postJson<{ rows: number }>('/api/demo', undefined, 'DELETE').then((r) => {
    void message.success(t('demoRemoved').replace('{n}', r.rows.toLocaleString()));
    state.reload();
    onRemoved();
  }, (e: Error) => void message.error(failure(e)));
  return (
    <Alert type="info" showIcon data-testid="demo-notice" message={t('demoNotice').replace('{n}', String(count))}
      action={(
        <Popconfirm title={t('confirmRemoveDemo')} onConfirm={remove} okText={t('remove')} cancelText={t('cancel')}>
          <Button size="small" danger data-testid="remove-demo">{t('removeDemo')}</Button>
        </Popconfirm>
      )} />
  );
}
