import { currentUserSchema, type CurrentUser, type LoginResponse, type Role } from '@freiraum/contracts';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, apiRequest, onSessionChange, refreshSession, setAccessToken } from './api-client';
import { changeLanguage, storedLanguage } from './i18n';

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

interface AuthContextValue {
  status: SessionStatus;
  /** After a successful login or password set: keep the token, show the app. */
  signIn: (session: LoginResponse) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export const meQueryKey = ['me'] as const;

export const meQueryOptions = () =>
  queryOptions({
    queryKey: meQueryKey,
    queryFn: () => api.get('/api/me', currentUserSchema),
    staleTime: 5 * 60_000,
  });

// An explicit sign-in applies the account's own choice; a reload keeps what this device last showed.
function languageAtSignIn(user: CurrentUser) {
  return user.language ?? storedLanguage() ?? user.organizationLanguage;
}
function languageOnRestore(user: CurrentUser) {
  return storedLanguage() ?? user.language ?? user.organizationLanguage;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>('loading');

  useEffect(() => {
    let first = true;
    const unsubscribe = onSessionChange((session) => {
      if (session) {
        queryClient.setQueryData(meQueryKey, session.user);
        if (first) changeLanguage(languageOnRestore(session.user), false);
        setStatus('signed-in');
      } else {
        // The refresh cookie is gone or revoked: drop what was cached for the old session (only if there was
        // one — at start-up this would also throw away queries of public pages such as a link check).
        if (!first) queryClient.clear();
        setStatus('signed-out');
      }
      first = false;
    });
    // A reload keeps the user signed in: the refresh cookie buys a new in-memory access token.
    void refreshSession();
    return unsubscribe;
  }, [queryClient]);

  const signIn = useCallback(
    (session: LoginResponse) => {
      setAccessToken(session.accessToken);
      queryClient.setQueryData(meQueryKey, session.user);
      changeLanguage(languageAtSignIn(session.user), session.user.language !== null);
      setStatus('signed-in');
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await apiRequest('/api/auth/logout', { method: 'POST', noRefresh: true });
    } finally {
      setAccessToken(null);
      queryClient.clear();
      setStatus('signed-out');
    }
  }, [queryClient]);

  const value = useMemo(() => ({ status, signIn, signOut }), [status, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}

/** The signed-in user; only call below the protected layout, which waits for it. */
export function useCurrentUser(): CurrentUser {
  const { data } = useQuery({ ...meQueryOptions(), enabled: false });
  if (!data) throw new Error('useCurrentUser called without a signed-in user');
  return data;
}

/** Refetches /api/me only while signed in; the protected layout uses it to wait for the user. */
export function useCurrentUserQuery(enabled: boolean) {
  return useQuery({ ...meQueryOptions(), enabled });
}

export function hasRole(user: Pick<CurrentUser, 'roles'> | null | undefined, ...roles: Role[]): boolean {
  return !!user && roles.some((role) => user.roles.includes(role));
}
