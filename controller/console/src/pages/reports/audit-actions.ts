// The actions the audit log records, as the console names them, and what a target such as
// `entry:<id>` refers to. Pure. An action added later shows as its code until it is named here.

export const AUDIT_ACTIONS = [
  'auth.login', 'auth.login-failed',
  'user.create', 'user.update', 'user.password-reset',
  'import.submit', 'change-set.approve', 'change-set.reject', 'entry.withdraw', 'entry.export',
  'content.create', 'content.approve', 'content.reject', 'content.retire',
  'playlist.create', 'playlist.change', 'playlist.approve', 'playlist.reject', 'playlist.retire',
  'schedule.create', 'schedule.change', 'schedule.approve', 'schedule.reject', 'schedule.retire', 'programme.default',
  'emergency.start', 'emergency.end',
  'screen.adopt', 'screen.revoke', 'screen.time-zone', 'screen.command', 'screen.command-result', 'screen.command-expired', 'screen.error', 'screen.screenshots-expired',
  'screen-group.create', 'screen-group.rename', 'screen-group.set-screens',
  'policy.set',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isKnownAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

export const TARGET_KINDS = ['user', 'entry', 'change-set', 'content', 'playlist', 'schedule', 'emergency', 'screen', 'screen-group', 'category', 'username', 'command'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** `screen-group:9f…` → { kind: 'screen-group', id: '9f…' }; an unknown prefix keeps the whole text as the id. */
export function splitTarget(target: string): { kind: TargetKind | null; id: string } {
  const colon = target.indexOf(':');
  if (colon > 0) {
    const kind = target.slice(0, colon);
    if ((TARGET_KINDS as readonly string[]).includes(kind)) return { kind: kind as TargetKind, id: target.slice(colon + 1) };
  }
  return { kind: null, id: target };
}

/** Long ids (UUIDs) shortened for a table cell; names and short codes kept whole. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(id) ? id.slice(0, 8) : id;
}
