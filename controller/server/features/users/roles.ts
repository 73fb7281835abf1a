// Roles and what each may do. The server checks these on every route; the console only hides.

import { z } from 'zod';

export const ROLES = ['admin', 'operator', 'approver', 'technician', 'auditor'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const PERMISSIONS = {
  'entries.read': ['admin', 'operator', 'approver', 'auditor'],
  'entries.import': ['admin', 'operator'],
  'entries.withdraw': ['admin', 'operator', 'approver'],
  'change-sets.read': ['admin', 'operator', 'approver', 'auditor'],
  'change-sets.review': ['admin', 'approver'],
  'screens.read': ['admin', 'operator', 'technician', 'auditor'],
  'screens.adopt': ['admin', 'operator', 'technician'],
  'screens.revoke': ['admin', 'technician'],
  // Health history is the technicians' tool; auditors read it to show a screen was up (or not) when it mattered.
  'screens.health': ['admin', 'technician', 'auditor'],
  'users.manage': ['admin'],
  'policies.manage': ['admin'],
  'audit.read': ['admin', 'auditor'],
  'proof-of-play.read': ['admin', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
