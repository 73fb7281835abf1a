// What the entry pages read from the controller: a page of a search, one entry with its history, and the withdrawal.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EntryStatus, ListKind, SubjectType, WithdrawalReason } from '../../../../../shared/lists/list-entry.ts';
import { api, withQuery } from '../../api/client.ts';
import type { ChangeSetStatus } from './list-messages.ts';

export interface EntryItem {
  id: string;
  changeSetId: string;
  list: ListKind;
  category: string;
  subjectType: SubjectType;
  subjectName: string;
  creditCode: string | null;
  idNumber: string | null;
  legalRepresentative: string | null;
  reason: string;
  authority: string;
  basis: string | null;
  listedOn: string;
  validUntil: string;
  sourceRef: string | null;
  sourceLine: number | null;
  status: EntryStatus;
  createdAt: number;
  approvedAt: number | null;
  withdrawnAt: number | null;
  withdrawalReason: WithdrawalReason | null;
  withdrawalNote: string | null;
  warnings: { line: number; column: string; code: string; message: string }[];
}

export interface EntrySearchResult {
  /** at least this many when `totalIsExact` is false (the server stops counting at a cap) */
  total: number;
  totalIsExact: boolean;
  items: EntryItem[];
}

export type EntryHistoryAction = 'submitted' | 'approved' | 'rejected' | 'withdrawn';

export interface EntryHistoryEvent {
  at: number;
  action: EntryHistoryAction;
  /** this entry, or another listing of the same subject */
  entryId: string;
  changeSetId: string;
  actorName: string | null;
  comment: string | null;
  reason: WithdrawalReason | null;
  note: string | null;
}

export interface EntryDetail {
  entry: EntryItem;
  changeSet: {
    id: string;
    kind: string;
    sourceName: string | null;
    sourceLine: number | null;
    status: ChangeSetStatus;
    submittedAt: number;
    submittedByName: string | null;
    reviewedAt: number | null;
    reviewedByName: string | null;
    reviewComment: string | null;
  } | null;
  withdrawal: { at: number; byName: string | null; reason: WithdrawalReason | null; note: string | null } | null;
  versions: { id: string; changeSetId: string; status: EntryStatus; listedOn: string; validUntil: string; createdAt: number; current: boolean }[];
  history: EntryHistoryEvent[];
}

export const ENTRIES_KEY = ['entries'] as const;

export function useEntrySearch(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [...ENTRIES_KEY, 'search', query],
    queryFn: () => api.get<EntrySearchResult>('/api/v1/entries', query),
    // The table keeps showing the last page while the next loads, rather than flashing empty.
    placeholderData: keepPreviousData,
  });
}

export function useEntryDetail(entryId: string) {
  return useQuery({
    queryKey: [...ENTRIES_KEY, 'detail', entryId],
    queryFn: () => api.get<EntryDetail>(`/api/v1/entries/${encodeURIComponent(entryId)}`),
  });
}

export function useWithdrawEntry(entryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: WithdrawalReason; note: string }) => api.post<{ id: string; status: 'withdrawn' }>(`/api/v1/entries/${encodeURIComponent(entryId)}/withdraw`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ENTRIES_KEY }),
  });
}

export type ExportFormat = 'csv' | 'xlsx';

/** A plain link: the browser downloads it with the session cookie, under the server's file name. */
export function exportUrl(list: ListKind, format: ExportFormat): string {
  return withQuery('/api/v1/entries/export', { list, format });
}
