// A list view being edited: the form's flat values, the nested request they submit, where the
// server's issues land on the form, and an existing view's document as starting values.

import type { ListViewRequest } from '../../../../../shared/content/content-requests.ts';
import type { ListViewDocument } from '../../../../../shared/content/documents.ts';
import type { ListKind } from '../../../../../shared/lists/list-entry.ts';
import type { ListLayout } from '../../../../../shared/protocol/manifest.ts';
import type { FieldPath } from './server-issues.ts';

export type MotionMode = 'default' | 'scroll' | 'page';
export type QrChoice = 'none' | 'list' | 'entry';

export interface ListViewDraft {
  title?: string;
  list?: ListKind;
  source?: string;
  durationSeconds?: number;
  categories?: string[];
  regions?: string[];
  layout?: ListLayout;
  splitMediaContentId?: string;
  motionMode?: MotionMode;
  pxPerSecond?: number;
  rowsPerPage?: number;
  secondsPerPage?: number;
  qrTarget?: QrChoice;
  qrUrlTemplate?: string;
}

/** The controller's default time on screen for a list view (POST /api/v1/content/list-views). */
export const DEFAULT_LIST_VIEW_SECONDS = 60;

export const EMPTY_LIST_VIEW_DRAFT: ListViewDraft = {
  title: '',
  list: 'black',
  source: '',
  durationSeconds: DEFAULT_LIST_VIEW_SECONDS,
  categories: [],
  regions: [],
  layout: 'full',
  motionMode: 'default',
  pxPerSecond: 60,
  rowsPerPage: 10,
  secondsPerPage: 10,
  qrTarget: 'none',
  qrUrlTemplate: '',
};

const cleanList = (values: readonly string[] | undefined): string[] => [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];

/** The request: only what the operator chose, so an untouched option keeps the display's default. */
export function listViewRequestOf(draft: ListViewDraft): ListViewRequest {
  const categories = cleanList(draft.categories);
  const regions = cleanList(draft.regions);
  const layout = draft.layout ?? 'full';
  const source = draft.source?.trim() ?? '';
  const view: ListViewRequest['view'] = {
    ...(categories.length > 0 ? { categories } : {}),
    ...(regions.length > 0 ? { regions } : {}),
    ...(layout !== 'full' ? { layout } : {}),
    ...(layout === 'split' && draft.splitMediaContentId ? { splitMediaContentId: draft.splitMediaContentId } : {}),
    ...(draft.motionMode === 'scroll' ? { motion: { mode: 'scroll' as const, pxPerSecond: draft.pxPerSecond ?? 60 } } : {}),
    ...(draft.motionMode === 'page' ? { motion: { mode: 'page' as const, rowsPerPage: draft.rowsPerPage ?? 10, secondsPerPage: draft.secondsPerPage ?? 10 } } : {}),
    ...(draft.qrTarget === 'list' || draft.qrTarget === 'entry' ? { qr: { target: draft.qrTarget, urlTemplate: (draft.qrUrlTemplate ?? '').trim() } } : {}),
  };
  return {
    title: (draft.title ?? '').trim(),
    list: draft.list ?? 'black',
    ...(source ? { source } : {}),
    durationSeconds: draft.durationSeconds ?? DEFAULT_LIST_VIEW_SECONDS,
    view,
  };
}

/** An existing view as starting values: its choices, and the defaults for what it left open. */
export function listViewDraftOf(document: ListViewDocument): ListViewDraft {
  const { view } = document;
  const motion = view.motion;
  return {
    ...EMPTY_LIST_VIEW_DRAFT,
    title: document.title,
    list: document.list,
    source: document.source ?? '',
    durationSeconds: Math.round(document.durationMs / 1000),
    categories: view.categories ?? [],
    regions: view.regions ?? [],
    layout: view.layout ?? 'full',
    ...(view.splitMediaContentId ? { splitMediaContentId: view.splitMediaContentId } : {}),
    motionMode: motion?.mode ?? 'default',
    ...(motion?.mode === 'scroll' ? { pxPerSecond: motion.pxPerSecond } : {}),
    ...(motion?.mode === 'page' ? { rowsPerPage: motion.rowsPerPage, secondsPerPage: motion.secondsPerPage } : {}),
    qrTarget: view.qr?.target ?? 'none',
    qrUrlTemplate: view.qr?.urlTemplate ?? '',
  };
}

const TOP_FIELDS = ['title', 'list', 'source', 'durationSeconds'];
const VIEW_FIELDS: Record<string, string> = { categories: 'categories', regions: 'regions', layout: 'layout', splitMediaContentId: 'splitMediaContentId' };
const MOTION_FIELDS: Record<string, string> = { pxPerSecond: 'pxPerSecond', rowsPerPage: 'rowsPerPage', secondsPerPage: 'secondsPerPage' };
const QR_FIELDS: Record<string, string> = { target: 'qrTarget', urlTemplate: 'qrUrlTemplate' };

/** The flat form field a request path (without 'body.') names: view.qr.urlTemplate → qrUrlTemplate, view.regions.1 → regions. */
export function listViewFieldOf(requestPath: readonly string[]): FieldPath | null {
  const [head, second, third] = requestPath;
  if (head !== undefined && TOP_FIELDS.includes(head)) return [head];
  if (head !== 'view' || second === undefined) return null;
  if (VIEW_FIELDS[second]) return [VIEW_FIELDS[second]];
  if (second === 'motion') return [(third !== undefined && MOTION_FIELDS[third]) || 'motionMode'];
  if (second === 'qr') return [(third !== undefined && QR_FIELDS[third]) || 'qrTarget'];
  return null;
}
