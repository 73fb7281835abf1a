// The audit log page's server data: events newest first (filtered, paged by sequence), the actions
// the log holds, and the hash chain's verification.

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface AuditEvent {
  seq: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  details: unknown;
  prevHash: string;
  hash: string;
  actorUser: { username: string; displayName: string } | null;
  targetUser: { username: string; displayName: string } | null;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: number;
  to?: number;
}

export type ChainVerdict = { ok: true; events: number; headHash: string } | { ok: false; events: number; brokenAtSeq: number; reason: string };

const PAGE = 100;
const KEY = ['audit'] as const;

export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'events', filter],
    queryFn: ({ pageParam }) => api.get<{ items: AuditEvent[]; nextBeforeSeq: number | null }>('/api/v1/audit/events', { ...filter, limit: PAGE, beforeSeq: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBeforeSeq ?? undefined,
  });
}

export function useAuditActions() {
  return useQuery({ queryKey: [...KEY, 'actions'], queryFn: async () => (await api.get<{ items: string[] }>('/api/v1/audit/actions')).items, staleTime: 60_000 });
}

export function useChainVerdict() {
  return useQuery({ queryKey: [...KEY, 'verify'], queryFn: () => api.get<ChainVerdict>('/api/v1/audit/verify'), staleTime: 0 });
}

/** The event the chain breaks at, to name it in the alert. */
export function useAuditEvent(seq: number | null) {
  return useQuery({
    queryKey: [...KEY, 'event', seq],
    queryFn: async () => (await api.get<{ items: AuditEvent[] }>('/api/v1/audit/events', { limit: 1, beforeSeq: (seq ?? 0) + 1 })).items[0] ?? null,
    enabled: seq !== null,
  });
}
