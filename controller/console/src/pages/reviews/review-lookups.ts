// Names for the ids a programme change holds (content, playlists, screen groups), so the diff reads
// as the operator wrote it. Built-in list items are named by the page's messages.

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

interface Named {
  id: string;
  name?: string;
  title?: string;
}

function useNames(path: string, key: string, enabled: boolean) {
  return useQuery({
    queryKey: ['reviews', 'names', key],
    queryFn: async () => new Map((await api.get<{ items: Named[] }>(path)).items.map((item) => [item.id, item.title ?? item.name ?? item.id])),
    enabled,
    staleTime: 30_000,
  });
}

export interface ReviewNames {
  content: ReadonlyMap<string, string>;
  playlists: ReadonlyMap<string, string>;
  groups: ReadonlyMap<string, string>;
}

const NONE: ReadonlyMap<string, string> = new Map();

export function useReviewNames(needs: { content?: boolean; playlists?: boolean; groups?: boolean }): ReviewNames {
  const content = useNames('/api/v1/content', 'content', needs.content === true);
  const playlists = useNames('/api/v1/playlists', 'playlists', needs.playlists === true);
  const groups = useNames('/api/v1/screen-groups', 'groups', needs.groups === true);
  return { content: content.data ?? NONE, playlists: playlists.data ?? NONE, groups: groups.data ?? NONE };
}
