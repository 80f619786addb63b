import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Button } from '../../components/ui/button';
import { LoadingState } from '../../components/ui/states';
import { useAuth, useCurrentUserQuery } from '../../lib/auth';
import { AppShell } from '../shell/app-shell';

export function Splash() {
  return (
    <div className="splash">
      <LoadingState />
    </div>
  );
}

/** Everything behind sign-in: waits for the session, sends strangers to /sign-in, then draws the shell. */
export function ProtectedLayout() {
  const { t } = useTranslation();
  const { status, signOut } = useAuth();
  const location = useLocation();
  const me = useCurrentUserQuery(status === 'signed-in');

  if (status === 'loading') return <Splash />;
  if (status === 'signed-out') {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!me.data) {
    if (me.isError) {
      return (
        <div className="splash">
          <div className="state state--error" role="alert">
            <p className="state__title">{t('errors.loadFailed')}</p>
            <Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>
            <Button variant="ghost" onClick={() => void signOut()}>
              {t('shell.signOut')}
            </Button>
          </div>
        </div>
      );
    }
    return <Splash />;
  }
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}
