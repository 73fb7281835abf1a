// The proof-of-play page's server data: plays (paged by cursor), totals per screen and content, the
// screens and content to filter by, and the address of the CSV export.

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { PlayRecord as PlayEvent, PlayTotals, PlayTotalsRow } from '../../../../../shared/reports/proof-of-play-report.ts';
import { api, withQuery } from '../../api/client.ts';

export type { PlayEvent, PlayTotals, PlayTotalsRow };

export interface PlayFilter {
  screenId?: string;
  contentId?: string;
  from?: number;
  to?: number;
}

export interface FilterScreen {
  id: string;
  name: string;
  status: string;
}

export interface FilterContent {
  id: string;
  kind: string;
  title: string;
}

const PLAYS_PAGE = 100;
const KEY = ['proof-of-play'] as const;

export function usePlayTotals(filter: PlayFilter) {
  return useQuery({ queryKey: [...KEY, 'totals', filter], queryFn: () => api.get<PlayTotals>('/api/v1/proof-of-play/summary', { ...filter }) });
}

export function usePlayEvents(filter: PlayFilter) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'events', filter],
    queryFn: ({ pageParam }) => api.get<{ items: PlayEvent[]; nextCursor: string | null }>('/api/v1/proof-of-play', { ...filter, limit: PLAYS_PAGE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useFilterScreens() {
  return useQuery({ queryKey: [...KEY, 'screens'], queryFn: async () => (await api.get<{ items: FilterScreen[] }>('/api/v1/screens')).items, staleTime: 60_000 });
}

export function useFilterContent() {
  return useQuery({ queryKey: [...KEY, 'content'], queryFn: async () => (await api.get<{ items: FilterContent[] }>('/api/v1/content')).items, staleTime: 60_000 });
}

/** The export is a plain download: the browser sends the session cookie, the server streams the file. */
export function playCsvHref(filter: PlayFilter): string {
  return withQuery('/api/v1/proof-of-play', { ...filter, format: 'csv' });
}
