// The takedown report's words for a withdrawal's list and reason, falling back to what the server sent.

import { personLabel } from './report-format.ts';
import { useTakedownMessages } from './takedown-messages.ts';

const REASONS = new Set(['credit-repair', 'objection-upheld', 'error']);

export function useTakedownLabels() {
  const m = useTakedownMessages();
  return {
    list: (list: string) => (list === 'red' || list === 'black' ? m[`list.${list}`] : list),
    reason: (reason: string | null) => (reason === null ? '—' : REASONS.has(reason) ? m[`reason.${reason as 'credit-repair' | 'objection-upheld' | 'error'}`] : reason),
    user: (user: { displayName: string; username: string } | null) => (user === null ? m.unknownUser : personLabel(user)),
  };
}
