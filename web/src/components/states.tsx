import { Alert, Button, Empty, Space, Spin } from 'antd';
import { ApiError } from '../api/client';
import { useFilterOptions } from '../api/queries';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../lib/router';

export function Loading() {
  const { t } = useI18n();
  return <div className="sl-state" data-testid="loading"><Spin /> <span>{t('loading')}</span></div>;
}

/**
 * The empty state says what to do: import files or load the demo store (the page's own, with
 * buttons), or, in a block whose query found nothing, widen the filters — unless no shop has
 * been imported yet, when no filter would help.
 */
export function NoData({ filtered = false }: { filtered?: boolean }) {
  const { t } = useI18n();
  const nothingImported = useFilterOptions().data?.shops.length === 0;
  return (
    <Empty data-testid="empty" description={filtered && !nothingImported ? t('emptyFiltered') : t('emptyHint')}>
      {!filtered && (
        <Space>
          <Button type="primary" onClick={() => navigate('/data')}>{t('goImport')}</Button>
          <Button onClick={() => navigate('/data', new URLSearchParams('demo=1'))}>{t('loadDemo')}</Button>
        </Space>
      )}
    </Empty>
  );
}

/** What went wrong, in the reader's language with its code, for a toast: `message.error(failure(e))`. */
export function useFailureText(): (e: unknown) => string {
  const { t, pick } = useI18n();
  return (e) => (e instanceof ApiError ? `${pick({ zh: e.zh, en: e.en })} (${t('errorCode')}: ${e.code})` : e instanceof Error ? e.message : String(e));
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Alert
      data-testid="error"
      type="error"
      showIcon
      title={t('errorTitle')}
      description={<span>{lang === 'zh' ? error.zh : error.en} <code>{t('errorCode')}: {error.code}</code></span>}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('retry')}</Button> : undefined}
    />
  );
}

/**
 * Loading → error → empty → content, in that order, for any API-backed block. `holdEmpty`
 * keeps an empty answer loading while the page cannot yet tell "nothing matches the filters"
 * from "nothing imported yet", so the first words a new user reads are the right ones.
 */
export function Async<T>({ state, isEmpty, holdEmpty = false, children }: {
  state: { data: T | undefined; error: ApiError | undefined; loading: boolean; reload: () => void };
  isEmpty?: (d: T) => boolean;
  holdEmpty?: boolean;
  children: (d: T) => React.ReactNode;
}) {
  if (state.error) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.loading || state.data === undefined) return <Loading />;
  if (isEmpty?.(state.data)) return holdEmpty ? <Loading /> : <NoData filtered />;
  return <>{children(state.data)}</>;
}
