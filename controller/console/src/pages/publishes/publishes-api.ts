// The publish-convergence API as the console reads it.

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { BehindAnswer, PublishesAnswer } from '../../../../../shared/screens/publish-convergence.ts';

/** The same pace as the screen board: a technician watches a publish land. */
const CONVERGENCE_REFRESH_MS = 5_000;

export type { BehindAnswer, BehindKind, BehindScreen, PublishSummary } from '../../../../../shared/screens/publish-convergence.ts';

export function usePublishes() {
  return useQuery({ queryKey: ['publishes'], queryFn: () => api.get<PublishesAnswer>('/api/v1/publishes', { limit: 10 }), refetchInterval: CONVERGENCE_REFRESH_MS });
}

export function useBehind(version: number | null) {
  return useQuery({
    queryKey: ['publishes', version, 'behind'],
    queryFn: () => api.get<BehindAnswer>(`/api/v1/publishes/${version ?? 0}/behind`),
    enabled: version !== null,
    refetchInterval: CONVERGENCE_REFRESH_MS,
  });
}
