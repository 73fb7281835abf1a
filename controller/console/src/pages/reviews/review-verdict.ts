// Who may decide on an item, and when approve and reject may be pressed. Pure; the server applies
// the same rules (four eyes, confirmed warnings, a comment to reject) and refuses anyway.

export type VerdictAvailability = 'decide' | 'own-change' | 'no-permission' | 'decided';

export function verdictAvailability(input: { authorId: string | null; userId: string; canReview: boolean; pending: boolean }): VerdictAvailability {
  if (!input.pending) return 'decided';
  if (!input.canReview) return 'no-permission';
  // Four-eyes rule: whoever submitted a change never decides on it, whatever else their roles allow.
  if (input.authorId === input.userId) return 'own-change';
  return 'decide';
}

/** Every warned entry must be ticked, one by one: the server counts them and refuses otherwise. */
export function warningsConfirmed(warnedCount: number, confirmedIds: ReadonlySet<string>): boolean {
  return confirmedIds.size >= warnedCount;
}

/** A rejection tells the author what to fix, so it needs words. */
export function rejectionCommentGiven(comment: string): boolean {
  return comment.trim() !== '';
}
