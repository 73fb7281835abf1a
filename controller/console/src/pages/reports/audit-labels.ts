// How the audit log names an event's action, actor and target for the reader.

import { splitTarget, isKnownAction, shortId } from './audit-actions.ts';
import type { AuditEvent } from './audit-api.ts';
import { useAuditMessages } from './audit-messages.ts';
import { personLabel } from './report-format.ts';

export function useAuditLabels() {
  const m = useAuditMessages();
  return {
    action: (action: string) => (isKnownAction(action) ? m[`action.${action}`] : action),
    actor: (event: Pick<AuditEvent, 'actor' | 'actorUser'>) => {
      if (event.actorUser) return personLabel(event.actorUser);
      if (event.actor === 'anonymous') return m.anonymous;
      if (event.actor === 'system' || event.actor.startsWith('system:')) return m.system;
      if (event.actor.startsWith('cli:')) return m.cli;
      const { kind, id } = splitTarget(event.actor);
      return kind === null ? id : `${m[`target.${kind}`]} ${shortId(id)}`;
    },
    target: (event: Pick<AuditEvent, 'target' | 'targetUser'>) => {
      const { kind, id } = splitTarget(event.target);
      if (kind === 'user' && event.targetUser) return `${m['target.user']} ${personLabel(event.targetUser)}`;
      return kind === null ? id : `${m[`target.${kind}`]} ${shortId(id)}`;
    },
  };
}
