// The emergency page's server data: the shapes of /api/v1/emergencies (list, one, reach) and the
// screen groups and approved slides a notice may use, with their hooks and the start and end mutations.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { EmergencyScreen } from './ack-summary.ts';
import type { EmergencyDraft, StartEmergencyBody } from './emergency-draft.ts';
import { reachQueryOf } from './emergency-draft.ts';

/** The console asks for the acks this often while a notice runs: the "watch acks arrive". */
export const ACK_POLL_MS = 2_000;

export type EmergencyContent =
  | { kind: 'text'; title: string; body: string }
  | { kind: 'slide'; contentId: string; slide: { title: string; body: string; theme?: string; footer?: string } };

export interface Emergency {
  id: string;
  active: boolean;
  content: EmergencyContent;
  target: 'all' | { groupIds: string[] };
  startedAt: number;
  startedBy: string;
  startedByName: string | null;
  endedAt: number | null;
  endedBy: string | null;
  endedByName: string | null;
  screens: EmergencyScreen[];
  acked: number;
  pending: number;
}

export interface ScreenGroup {
  id: string;
  name: string;
  screenIds: string[];
}

export interface ApprovedSlide {
  id: string;
  title: string;
}

const KEY = ['emergencies'] as const;

export function useEmergencies() {
  // Active notices' counts on the cards move as acks arrive, so the list follows at the same pace.
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: async () => (await api.get<{ items: Emergency[] }>('/api/v1/emergencies', { limit: 100 })).items, refetchInterval: (query) => (query.state.data?.some((e) => e.active) ? ACK_POLL_MS : false) });
}

export function useEmergency(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => api.get<Emergency>(`/api/v1/emergencies/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.active === false ? false : ACK_POLL_MS),
  });
}

export function useReach(draft: EmergencyDraft, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'reach', reachQueryOf(draft).groupIds ?? 'all'],
    queryFn: () => api.get<{ screens: number; connected: number }>('/api/v1/emergencies/reach', reachQueryOf(draft)),
    enabled,
    staleTime: 0,
  });
}

export function useScreenGroups(enabled: boolean) {
  return useQuery({ queryKey: [...KEY, 'groups'], queryFn: async () => (await api.get<{ items: ScreenGroup[] }>('/api/v1/screen-groups')).items, enabled });
}

export function useApprovedSlides(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'slides'],
    queryFn: async () => (await api.get<{ items: Array<{ id: string; kind: string; title: string; status: string }> }>('/api/v1/content')).items.filter((c) => c.kind === 'slide' && c.status === 'approved').map((c) => ({ id: c.id, title: c.title })),
    enabled,
  });
}

export function useStartEmergency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartEmergencyBody) => api.post<{ id: string; targetScreens: number }>('/api/v1/emergencies', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useEndEmergency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ id: string; endedAt: number }>(`/api/v1/emergencies/${encodeURIComponent(id)}/end`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
