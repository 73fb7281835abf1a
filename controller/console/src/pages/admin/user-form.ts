// The account rules an admin's form checks before sending: the same bounds the server enforces
// (controller/server/features/users), so most mistakes are caught at the field. Pure.

import { ROLES, type Role } from '../../../../../shared/auth/roles.ts';

/** 2–40 characters: lowercase letters and digits, then also . _ - */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
export const MAX_DISPLAY_NAME_LENGTH = 100;

export type PasswordProblem = 'too-short' | 'too-long' | 'mismatch';

export function passwordProblem(password: string, confirmation: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too-long';
  return password === confirmation ? null : 'mismatch';
}

/** The roles in the table's order, whatever order they were ticked in. */
export function orderedRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

/** Only what changed, so the audit log records the change and nothing else. */
export function accountChange(before: { displayName: string; roles: readonly Role[] }, after: { displayName: string; roles: readonly Role[] }): { displayName?: string; roles?: Role[] } {
  const change: { displayName?: string; roles?: Role[] } = {};
  if (after.displayName.trim() !== before.displayName) change.displayName = after.displayName.trim();
  if (orderedRoles(after.roles).join() !== orderedRoles(before.roles).join()) change.roles = orderedRoles(after.roles);
  return change;
}
