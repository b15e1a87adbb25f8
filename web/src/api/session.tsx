/**
 * Who is signed in, for every component: the user, their role's name, permissions and shops
 * (GET /api/auth/me). The menu shows only the pages a role may open; the server decides anyway.
 */
import { createContext, useContext } from 'react';
import type { Bilingual } from '../i18n/i18n';

export interface Session {
  user: { id: string; name: string; displayName: string; role: string; shops: string[] | 'all'; platforms: string[] };
  roleName: Bilingual;
  permissions: string[];
  permissionNames: Record<string, Bilingual>;
  scope: { shopIds: string[] | 'all' };
  via: 'session' | 'token';
}

const SessionContext = createContext<Session | null>(null);
export const SessionProvider = SessionContext.Provider;

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the signed-in app');
  return s;
}

/** Whether the session holds every permission in `needs` (none: anyone signed in). */
export const holds = (s: Session, needs: readonly string[] = []) => needs.every((p) => s.permissions.includes(p));
