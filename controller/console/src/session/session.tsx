// Who is signed in, and what they may do. The permission table is the server's own
// (shared/auth/roles.ts): the console hides what the server would refuse anyway.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { hasPermission, type Permission, type Role } from '../../../../shared/auth/roles.ts';
import { api, ApiError } from '../api/client.ts';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

interface SessionState {
  user: SessionUser;
  can: (permission: Permission) => boolean;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export const SESSION_QUERY_KEY = ['session'] as const;

/** null when nobody is signed in (the server answered 401). */
export function useSessionQuery() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: async (): Promise<SessionUser | null> => {
      try {
        return (await api.get<{ user: SessionUser }>('/api/v1/auth/me')).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const queryClient = useQueryClient();
  const logout = useCallback(async () => {
    await api.post('/api/v1/auth/logout');
    // Nothing the last user saw may remain for the next one at this desk.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
    queryClient.setQueryData(SESSION_QUERY_KEY, null);
  }, [queryClient]);
  const value = useMemo<SessionState>(() => ({ user, can: (permission) => hasPermission(user.roles, permission), logout }), [user, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
