// The review queue's server data: the shapes of /api/v1/reviews/queue and a change set's review
// rows, with one react-query hook each and the verdict mutations that refresh them.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Playlist, Schedule } from '../../../../../shared/schedules/schedule.ts';
import { api, withQuery } from '../../api/client.ts';

export type ListKind = 'red' | 'black';

export interface ChangeSetSummary {
  id: string;
  kind: 'import' | 'edit';
  list: ListKind;
  category: string | null;
  sourceName: string;
  submittedBy: string;
  submittedByName: string | null;
  submittedAt: number;
  status: 'pending' | 'approved' | 'rejected';
  reviewedBy: string | null;
  reviewedByName?: string | null;
  reviewedAt: number | null;
  reviewComment: string | null;
  rowCount: number;
  acceptedCount: number;
  rejectedCount: number;
  warningCount: number;
}

export interface ImportIssue {
  line: number;
  column: string;
  code: string;
  message: string;
}

export type ContentKind = 'slide' | 'image' | 'video' | 'ticker' | 'list-view';

export interface PendingContent {
  id: string;
  kind: ContentKind;
  title: string;
  document: Record<string, unknown>;
  submittedBy: string;
  submittedByName: string | null;
  submittedAt: number;
}

/** As stored: the shared shapes without their ids (the row's id is the id). */
export type PlaylistDocument = Omit<Playlist, 'id'>;
export type ScheduleDocument = Omit<Schedule, 'id'>;

/** A playlist or schedule with a change awaiting review, beside the version screens play now (if any). */
export interface PendingProgramme<Document> {
  id: string;
  name: string;
  status: 'pending' | 'approved-with-change';
  approved: Document | null;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: number | null;
  pending: Document;
  pendingBy: string;
  pendingByName: string | null;
  pendingAt: number;
}

export interface ReviewQueue {
  counts: { changeSets: number; content: number; playlists: number; schedules: number };
  changeSets: ChangeSetSummary[];
  content: PendingContent[];
  playlists: Array<PendingProgramme<PlaylistDocument>>;
  schedules: Array<PendingProgramme<ScheduleDocument>>;
}

export type RowSection = 'all' | 'added' | 'changed' | 'withdrawn' | 'warned';
export type RowChange = 'added' | 'changed' | 'withdrawn';

export interface ReviewEntry {
  id: string;
  changeSetId: string;
  line: number | null;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  subjectType: string;
  subjectName: string;
  creditCode: string | null;
  idNumber: string | null;
  legalRepresentative: string | null;
  category: string;
  reason: string;
  authority: string;
  basis: string | null;
  listedOn: string;
  validUntil: string;
  sourceRef: string | null;
  approvedAt: number | null;
  withdrawnAt: number | null;
  withdrawalReason: string | null;
  withdrawalNote: string | null;
  warnings: ImportIssue[];
}

export interface ReviewRow {
  change: RowChange;
  entry: ReviewEntry;
  previous: ReviewEntry | null;
}

export interface ReviewRowsPage {
  total: number;
  counts: { added: number; changed: number; withdrawn: number; warned: number };
  items: ReviewRow[];
}

export interface ChangeSetDetail extends ChangeSetSummary {
  report: { rows: number; accepted: number; rejected: ImportIssue[]; warnings: ImportIssue[]; encoding?: string };
}

const QUEUE_KEY = ['reviews', 'queue'] as const;

/** Other approvers work the same queue: it refreshes now and then, and whenever the window regains focus. */
const QUEUE_REFRESH_MS = 30_000;

export function useReviewQueue() {
  return useQuery({ queryKey: QUEUE_KEY, queryFn: () => api.get<ReviewQueue>('/api/v1/reviews/queue'), refetchInterval: QUEUE_REFRESH_MS });
}

/** Decided change sets, newest first, for the history view. */
export function useDecidedChangeSets(status: 'approved' | 'rejected', enabled: boolean) {
  return useQuery({
    queryKey: ['reviews', 'change-sets', status],
    queryFn: async () => (await api.get<{ items: ChangeSetSummary[] }>('/api/v1/change-sets', { status, limit: 200 })).items,
    enabled,
  });
}

export function useChangeSet(id: string) {
  return useQuery({ queryKey: ['reviews', 'change-set', id], queryFn: () => api.get<ChangeSetDetail>(`/api/v1/change-sets/${encodeURIComponent(id)}`) });
}

export function useReviewRows(id: string, section: RowSection, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['reviews', 'rows', id, section, page, pageSize],
    queryFn: () => api.get<ReviewRowsPage>(withQuery(`/api/v1/change-sets/${encodeURIComponent(id)}/entries`, { section, offset: (page - 1) * pageSize, limit: pageSize })),
    placeholderData: (previous) => previous,
  });
}

/** What a verdict goes to: each reviewed kind has its own approve and reject routes. */
export type ReviewTarget =
  | { kind: 'change-set'; id: string; confirmWarnings: boolean }
  | { kind: 'content'; id: string }
  | { kind: 'playlists' | 'schedules'; id: string; pendingAt: number };

function verdictRequest(target: ReviewTarget, verdict: 'approve' | 'reject', comment: string): { path: string; body: object } {
  const id = encodeURIComponent(target.id);
  switch (target.kind) {
    case 'change-set':
      return { path: `/api/v1/change-sets/${id}/${verdict}`, body: verdict === 'approve' ? { comment, confirmWarnings: target.confirmWarnings } : { comment } };
    case 'content':
      return { path: `/api/v1/content/${id}/${verdict}`, body: { comment } };
    default:
      // pendingAt names the version the reviewer saw: a change replaced since is refused, not approved unseen.
      return { path: `/api/v1/${target.kind}/${id}/${verdict}`, body: { comment, pendingAt: target.pendingAt } };
  }
}

export function useVerdict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target, verdict, comment }: { target: ReviewTarget; verdict: 'approve' | 'reject'; comment: string }) => {
      const request = verdictRequest(target, verdict, comment);
      return api.post<{ id: string; status: string }>(request.path, request.body);
    },
    onSuccess: async () => {
      // This page's caches, and the other pages' lists that a verdict changes.
      await Promise.all(['reviews', 'change-sets', 'content', 'playlists', 'schedules', 'entries'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}
