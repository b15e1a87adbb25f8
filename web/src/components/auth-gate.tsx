import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, getJson } from '../api/client';
import { fetchSession } from '../api/queries';
import { SessionProvider, type Session } from '../api/session';
import { clearApiCache } from '../api/use-api';
import { ErrorState, Loading } from './states';

// The sign-in form (antd Form, Input) loads only when someone has to sign in: a signed-in visit
// does not fetch and compile it.
const LoginForm = lazy(() => import('./login-form').then((m) => ({ default: m.LoginForm })));

type AuthState = { kind: 'checking' } | { kind: 'in'; session: Session } | { kind: 'login' } | { kind: 'setup' } | { kind: 'error'; error: ApiError };

/**
 * Shows the first-run setup or the login form until the server says who the user is. `session`
 * is a `fetchSession()` started before React rendered (main.tsx), used for the first check.
 */
export function AuthGate({ session, children }: { session?: Promise<unknown>; children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ kind: 'checking' });
  const first = useRef(session);
  const check = () => {
    const me = first.current ?? fetchSession();
    first.current = undefined;
    me.then(
      (session) => setState({ kind: 'in', session: session as Session }),
      async (e: ApiError) => {
        // 401: nobody signed in; AUTH_SETUP_REQUIRED: nobody exists yet (the first run)
        if (e.status !== 401 && e.code !== 'AUTH_SETUP_REQUIRED') { setState({ kind: 'error', error: e }); return; }
        const s = await getJson<{ needsSetup: boolean }>('/api/setup').catch(() => ({ needsSetup: false }));
        setState({ kind: s.needsSetup ? 'setup' : 'login' });
      },
    );
  };
  useEffect(() => {
    check();
    const out = () => setState({ kind: 'login' });
    window.addEventListener('shoplens:unauthenticated', out);
    return () => window.removeEventListener('shoplens:unauthenticated', out);
  }, []);
  switch (state.kind) {
    case 'checking': return <Loading />;
    case 'in': return <SessionProvider value={state.session}>{children}</SessionProvider>;
    case 'error': return <ErrorState error={state.error} onRetry={check} />;
    default: return <Suspense fallback={<Loading />}><LoginForm setup={state.kind === 'setup'} onDone={() => { clearApiCache(); check(); }} /></Suspense>;
  }
}
