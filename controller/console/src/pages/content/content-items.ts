// The content library as GET /api/v1/content answers it, each row's document read by its kind, and the library's filters.

import { listViewDocumentSchema, mediaDocumentSchema, tickerDocumentSchema, type ListViewDocument, type MediaDocument, type TickerDocument } from '../../../../../shared/content/documents.ts';
import { slideDocumentSchema, type SlideDocument } from '../../../../../shared/protocol/manifest.ts';

export const CONTENT_KINDS = ['slide', 'image', 'video', 'ticker', 'list-view'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const CONTENT_STATUSES = ['pending', 'approved', 'rejected', 'retired'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export interface ContentItem {
  id: string;
  kind: ContentKind;
  title: string;
  documentJson: string;
  assetSha256: string;
  status: ContentStatus;
  position: number;
  submittedBy: string;
  submittedByName: string | null;
  submittedAt: number;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: number | null;
  reviewComment: string | null;
}

export type ContentDocument =
  | { kind: 'slide'; document: SlideDocument }
  | { kind: 'ticker'; document: TickerDocument }
  | { kind: 'list-view'; document: ListViewDocument }
  | { kind: 'image' | 'video'; document: MediaDocument };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The row's document read by its kind's schema; null when it does not parse (a newer controller's shape), so one odd row cannot break the library. */
export function documentOf(item: Pick<ContentItem, 'kind' | 'documentJson'>): ContentDocument | null {
  const raw = parseJson(item.documentJson);
  switch (item.kind) {
    case 'slide': {
      const parsed = slideDocumentSchema.safeParse(raw);
      return parsed.success ? { kind: 'slide', document: parsed.data } : null;
    }
    case 'ticker': {
      const parsed = tickerDocumentSchema.safeParse(raw);
      return parsed.success ? { kind: 'ticker', document: parsed.data } : null;
    }
    case 'list-view': {
      const parsed = listViewDocumentSchema.safeParse(raw);
      return parsed.success ? { kind: 'list-view', document: parsed.data } : null;
    }
    case 'image':
    case 'video': {
      const parsed = mediaDocumentSchema.safeParse(raw);
      return parsed.success ? { kind: item.kind, document: parsed.data } : null;
    }
  }
}

export interface ContentFilter {
  kind: ContentKind | null;
  status: ContentStatus | null;
  /** matched against the title, case-insensitively; blank: everything */
  text: string;
}

/** The rows the filter lets through, newest change first (what an operator just did is at the top). */
export function filterContent(items: readonly ContentItem[], filter: ContentFilter): ContentItem[] {
  const needle = filter.text.trim().toLowerCase();
  return items
    .filter((item) => (filter.kind === null || item.kind === filter.kind) && (filter.status === null || item.status === filter.status) && (needle === '' || item.title.toLowerCase().includes(needle)))
    .sort((a, b) => lastChangeOf(b) - lastChangeOf(a) || b.position - a.position);
}

/** When the row last changed: its review, or else its submission. */
export function lastChangeOf(item: Pick<ContentItem, 'submittedAt' | 'reviewedAt'>): number {
  return Math.max(item.submittedAt, item.reviewedAt ?? 0);
}

/** How many rows have each status, for the filter's counts. */
export function countByStatus(items: readonly ContentItem[]): Record<ContentStatus, number> {
  const counts: Record<ContentStatus, number> = { pending: 0, approved: 0, rejected: 0, retired: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/** Images and videos that may stand beside a list (a split list view), retired ones left out. */
export function splitMediaChoices(items: readonly ContentItem[]): ContentItem[] {
  return items.filter((item) => (item.kind === 'image' || item.kind === 'video') && item.status !== 'retired' && item.status !== 'rejected');
}

/** Where the console reads any item's stored file, pending ones included. */
export function contentFileUrl(id: string): string {
  return `/api/v1/content/${encodeURIComponent(id)}/file`;
}
