// The screen groups page's server data: groups with their screens, the fleet to pick from, and
// creating, renaming and filling a group.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface ScreenGroup {
  id: string;
  name: string;
  createdAt: number;
  createdBy: string;
  screenIds: string[];
}

export interface FleetScreen {
  id: string;
  name: string;
  status: 'online' | 'offline' | 'revoked';
}

const KEY = ['admin', 'screen-groups'] as const;

export function useScreenGroupList() {
  return useQuery({ queryKey: KEY, queryFn: async () => (await api.get<{ items: ScreenGroup[] }>('/api/v1/screen-groups')).items });
}

/** Only for roles that may read screens; others see counts, not names. */
export function useFleet(enabled: boolean) {
  return useQuery({ queryKey: [...KEY, 'fleet'], queryFn: async () => (await api.get<{ items: FleetScreen[] }>('/api/v1/screens')).items, enabled });
}

function useGroupMutation<I, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateGroup = () => useGroupMutation((name: string) => api.post<{ id: string; name: string }>('/api/v1/screen-groups', { name }));
export const useRenameGroup = () => useGroupMutation(({ id, name }: { id: string; name: string }) => api.put<{ id: string; name: string }>(`/api/v1/screen-groups/${encodeURIComponent(id)}`, { name }));
export const useSetGroupScreens = () =>
  useGroupMutation(({ id, screenIds }: { id: string; screenIds: string[] }) => api.put<{ id: string; screenIds: string[] }>(`/api/v1/screen-groups/${encodeURIComponent(id)}/screens`, { screenIds }));
