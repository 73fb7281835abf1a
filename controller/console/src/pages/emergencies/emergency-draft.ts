// The emergency form's draft: what is wrong with it before sending, the request it becomes, and the
// reach query for the confirmation. Pure; the server checks the same rules and refuses anyway.

import { findPublicTextProblems, type EmergencyTextProblem } from '../../../../../shared/emergency/emergency-text.ts';
import { EMERGENCY_BODY_MAX, EMERGENCY_TITLE_MAX } from '../../../../../shared/protocol/emergency.ts';

export interface EmergencyDraft {
  kind: 'text' | 'slide';
  title: string;
  body: string;
  /** the approved slide, for kind 'slide' */
  contentId: string | null;
  target: 'all' | 'groups';
  groupIds: string[];
}

export const EMPTY_DRAFT: EmergencyDraft = { kind: 'text', title: '', body: '', contentId: null, target: 'all', groupIds: [] };

export type DraftProblem = 'title-required' | 'title-too-long' | 'body-too-long' | 'slide-required' | 'groups-required' | EmergencyTextProblem;

export function draftProblems(draft: EmergencyDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.kind === 'text') {
    const title = draft.title.trim();
    if (title === '') problems.push('title-required');
    if (title.length > EMERGENCY_TITLE_MAX) problems.push('title-too-long');
    if (draft.body.trim().length > EMERGENCY_BODY_MAX) problems.push('body-too-long');
    problems.push(...findPublicTextProblems([draft.title, draft.body]));
  } else if (draft.contentId === null) {
    problems.push('slide-required');
  }
  if (draft.target === 'groups' && draft.groupIds.length === 0) problems.push('groups-required');
  return problems;
}

export type EmergencyTargetBody = 'all' | { groupIds: string[] };

export type StartEmergencyBody =
  | { kind: 'text'; title: string; body: string; target: EmergencyTargetBody }
  | { kind: 'slide'; contentId: string; target: EmergencyTargetBody };

export function targetOf(draft: EmergencyDraft): EmergencyTargetBody {
  return draft.target === 'all' ? 'all' : { groupIds: [...new Set(draft.groupIds)] };
}

/** The POST body; call only on a draft without problems. */
export function startRequestOf(draft: EmergencyDraft): StartEmergencyBody {
  const target = targetOf(draft);
  if (draft.kind === 'slide') {
    if (draft.contentId === null) throw new Error('a slide emergency needs its slide');
    return { kind: 'slide', contentId: draft.contentId, target };
  }
  return { kind: 'text', title: draft.title.trim(), body: draft.body.trim(), target };
}

/** Query of GET /api/v1/emergencies/reach: no groups means every screen. */
export function reachQueryOf(draft: EmergencyDraft): { groupIds?: string } {
  const target = targetOf(draft);
  return target === 'all' ? {} : { groupIds: target.groupIds.join(',') };
}
