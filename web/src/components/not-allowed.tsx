import { Button, Result } from 'antd';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../lib/router';
import { mayOpen, PAGES } from '../pages/registry';

/** A page the role may not open (a bookmark, a link from a colleague): said plainly, with a way on. */
export function NotAllowed() {
  const { t, pick } = useI18n();
  const s = useSession();
  const first = PAGES.find((p) => p.group !== 'hidden' && mayOpen(p, s.permissions));
  return (
    <Result status="403" title={t('notAllowedTitle')} data-testid="not-allowed"
      subTitle={t('notAllowedText').replace('{role}', pick(s.roleName))}
      extra={first && <Button type="primary" onClick={() => navigate(first.path)}>{t(first.label)}</Button>} />
  );
}
