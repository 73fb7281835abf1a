// The users page's server data: accounts, and creating, changing, disabling them and resetting passwords.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account } from '../../../../../shared/auth/account.ts';
import type { Role } from '../../../../../shared/auth/roles.ts';
import { api } from '../../api/client.ts';

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

export type { Account };

const KEY = ['admin', 'users'] as const;

export function useAccounts() {
  return useQuery({ queryKey: KEY, queryFn: async () => (await api.get<{ items: Account[] }>('/api/v1/users')).items });
}

function useAccountMutation<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateAccount = () => useAccountMutation((account: NewAccount) => api.post<Account>('/api/v1/users', account));

export const useUpdateAccount = () =>
  useAccountMutation(({ id, change }: { id: string; change: { displayName?: string; roles?: Role[]; disabled?: boolean } }) => api.put<Account>(`/api/v1/users/${encodeURIComponent(id)}`, change));

export const useResetPassword = () => useAccountMutation(({ id, password }: { id: string; password: string }) => api.post<{ ok: true }>(`/api/v1/users/${encodeURIComponent(id)}/password`, { password }));
