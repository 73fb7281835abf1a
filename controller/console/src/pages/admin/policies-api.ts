// The policies page's server data: the default policy and each category's, and saving one (which
// republishes every list at once).

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CategoryPolicy } from './policy-preview.ts';

export interface CategoryPolicyRow extends CategoryPolicy {
  category: string;
  updatedAt: number;
}

const KEY = ['admin', 'category-policies'] as const;

export function useCategoryPolicies() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<{ default: CategoryPolicy; categories: CategoryPolicyRow[] }>('/api/v1/category-policies') });
}

export function useSaveCategoryPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ category, policy }: { category: string; policy: CategoryPolicy }) =>
      api.put<CategoryPolicy & { category: string; manifestVersion: number }>(`/api/v1/category-policies/${encodeURIComponent(category)}`, policy),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
