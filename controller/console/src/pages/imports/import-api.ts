// What the import wizard exchanges with the controller: the preview, the import, and its change set.

import { useQuery } from '@tanstack/react-query';
import type { ImportPreview, ImportReport } from '../../../../../shared/lists/import-report.ts';
import type { ListKind } from '../../../../../shared/lists/list-entry.ts';
import { api, uploadFile, withQuery } from '../../api/client.ts';
import type { ChangeSetStatus } from '../entries/list-messages.ts';

export interface ChangeSetSummary {
  id: string;
  kind: string;
  list: ListKind | null;
  category: string | null;
  sourceName: string | null;
  submittedBy: string;
  submittedAt: number;
  status: ChangeSetStatus;
  reviewedBy: string | null;
  reviewedAt: number | null;
  reviewComment: string | null;
  rowCount: number;
  acceptedCount: number;
  rejectedCount: number;
  warningCount: number;
}

export interface ImportTarget {
  list: ListKind;
  /** replaces the file's category column on every row */
  category: string;
}

const importPath = (path: string, target: ImportTarget) => withQuery(path, { list: target.list, category: target.category.trim() });

export function previewImport(file: File, target: ImportTarget, onProgress: (fraction: number) => void): Promise<ImportPreview> {
  return uploadFile<ImportPreview>(importPath('/api/v1/imports/preview', target), file, {}, onProgress);
}

/** The good rows become one change set pending review; changeSetId is null when no row was good. */
export function submitImport(file: File, target: ImportTarget, onProgress: (fraction: number) => void): Promise<{ changeSetId: string | null; report: ImportReport }> {
  return uploadFile(importPath('/api/v1/imports', target), file, {}, onProgress);
}

export const CHANGE_SETS_KEY = ['change-sets'] as const;

// A review usually takes minutes; a few seconds is soon enough to see it land while watching.
const REVIEW_POLL_MS = 3_000;

export function useChangeSet(id: string) {
  return useQuery({
    queryKey: [...CHANGE_SETS_KEY, id],
    queryFn: () => api.get<ChangeSetSummary>(`/api/v1/change-sets/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? REVIEW_POLL_MS : false),
  });
}

// The list route has no filter by submitter: this many recent change sets hold anyone's recent imports.
const RECENT_CHANGE_SETS = 200;

export const RECENT_IMPORTS_KEY = [...CHANGE_SETS_KEY, 'recent'] as const;

export function useMyRecentImports(userId: string) {
  return useQuery({
    queryKey: RECENT_IMPORTS_KEY,
    queryFn: () => api.get<{ items: ChangeSetSummary[] }>('/api/v1/change-sets', { limit: RECENT_CHANGE_SETS }),
    select: (data) => data.items.filter((c) => c.kind === 'import' && c.submittedBy === userId),
  });
}
