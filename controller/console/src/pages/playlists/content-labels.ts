// How the programme pages name content: the library's title and kind, the built-in lists by name,
// and an id the reader can quote when the library is not readable (technicians) or the row is gone.

import { useCallback, useMemo } from 'react';
import { format } from '../../i18n/messages.ts';
import { useSession } from '../../session/session.tsx';
import { BUILT_IN_LIST_IDS } from './playlist-draft.ts';
import { useContentLibrary, type ContentRow } from './programme-api.ts';
import { useProgrammeMessages } from './programme-messages.ts';

export interface ContentLabel {
  title: string;
  /** a key into the programme messages' kinds */
  kind: ContentRow['kind'] | 'list' | 'unknown';
  status: ContentRow['status'] | 'built-in' | 'unknown';
}

export function useContentLabels(): { library: ContentRow[]; loading: boolean; error: unknown; labelOf: (contentId: string) => ContentLabel } {
  const { can } = useSession();
  const content = useContentLibrary(can('change-sets.read'));
  const m = useProgrammeMessages();
  const byId = useMemo(() => new Map((content.data ?? []).map((row) => [row.id, row])), [content.data]);
  const labelOf = useCallback((contentId: string): ContentLabel => {
    if ((BUILT_IN_LIST_IDS as readonly string[]).includes(contentId)) return { title: m[`builtIn.${contentId as (typeof BUILT_IN_LIST_IDS)[number]}`], kind: 'list', status: 'built-in' };
    const row = byId.get(contentId);
    return row ? { title: row.title, kind: row.kind, status: row.status } : { title: format(m.unknownContent, { id: contentId.slice(0, 8) }), kind: 'unknown', status: 'unknown' };
  }, [byId, m]);
  return { library: content.data ?? [], loading: content.isLoading, error: content.error, labelOf };
}
