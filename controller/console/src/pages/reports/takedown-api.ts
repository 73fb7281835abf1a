// The takedown report's server data: withdrawn entries with their takedown publish and screen counts
// (GET /api/v1/reports/takedowns), and one entry's per-screen acks (…/:entryId).

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AckCounts, ScreenTakedownAck, Takedown, TakedownDetail, TakedownState } from '../../../../../shared/reports/takedown-report.ts';
import { api } from '../../api/client.ts';

export interface TakedownSearch {
  q?: string;
  from?: number;
  to?: number;
  limit: number;
  offset: number;
}

/** Screens ack within seconds; while the drawer is open the pending ones are watched. */
export const ACK_POLL_MS = 3_000;

export type { AckCounts, ScreenTakedownAck as ScreenAck, Takedown, TakedownState };

const KEY = ['reports', 'takedowns'] as const;

export function useTakedowns(search: TakedownSearch) {
  return useQuery({ queryKey: [...KEY, 'list', search], queryFn: () => api.get<{ total: number; items: Takedown[] }>('/api/v1/reports/takedowns', { ...search }), placeholderData: keepPreviousData });
}

export function useTakedown(entryId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'one', entryId],
    queryFn: () => api.get<TakedownDetail>(`/api/v1/reports/takedowns/${encodeURIComponent(entryId ?? '')}`),
    enabled: entryId !== null,
    refetchInterval: (query) => ((query.state.data?.screens?.pending ?? 0) > 0 ? ACK_POLL_MS : false),
  });
}
