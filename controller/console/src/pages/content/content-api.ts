// The content library's requests: the list, creating each kind (every new item awaits review), uploading media, retiring.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListViewRequest, SlideRequest, TickerRequest } from '../../../../../shared/content/content-requests.ts';
import type { MediaType } from '../../../../../shared/content/media-type.ts';
import { api, uploadFile, withQuery } from '../../api/client.ts';
import type { ContentItem } from './content-items.ts';

export const CONTENT_QUERY_KEY = ['content', 'items'] as const;

export interface CreatedContent {
  id: string;
  sha256: string;
}

export interface UploadedMedia extends CreatedContent {
  kind: 'image' | 'video';
  bytes: number;
  mediaType: MediaType;
}

export function useContentItems() {
  return useQuery({ queryKey: CONTENT_QUERY_KEY, queryFn: async () => (await api.get<{ items: ContentItem[] }>('/api/v1/content')).items });
}

/** A mutation that adds to or changes the library, refreshing it afterwards (other pages' caches of it too). */
function useLibraryMutation<Input, Output>(run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes('content') }),
  });
}

export const useCreateSlide = () => useLibraryMutation((slide: SlideRequest) => api.post<CreatedContent>('/api/v1/content/slides', slide));
export const useCreateTicker = () => useLibraryMutation((ticker: TickerRequest) => api.post<CreatedContent>('/api/v1/content/tickers', ticker));
export const useCreateListView = () => useLibraryMutation((view: ListViewRequest) => api.post<CreatedContent>('/api/v1/content/list-views', view));
export const useRetireContent = () => useLibraryMutation(({ id, comment }: { id: string; comment: string }) => api.post<{ id: string; status: 'retired' }>(`/api/v1/content/${encodeURIComponent(id)}/retire`, { comment }));

export interface MediaUpload {
  file: File;
  title: string;
  durationSeconds: number;
  onProgress: (fraction: number) => void;
}

export const useUploadMedia = () =>
  useLibraryMutation(({ file, title, durationSeconds, onProgress }: MediaUpload) => uploadFile<UploadedMedia>(withQuery('/api/v1/content/media', { title, durationSeconds }), file, {}, onProgress));
