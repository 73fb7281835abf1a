// Roles and what each may do. The server checks these on every route; the console reads the same
// table to offer only what the user may do (it hides, the server refuses).

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
  // Remote commands are the technicians' hands on a screen. Auditors read the history and
  // screenshots: what a screen was told to do, and what it showed, is evidence they may need.
  'screens.command': ['admin', 'technician'],
  'screens.commands.read': ['admin', 'technician', 'auditor'],
  'users.manage': ['admin'],
  'policies.manage': ['admin'],
  'audit.read': ['admin', 'auditor'],
  'proof-of-play.read': ['admin', 'auditor'],
  // Groups decide which screens a schedule or an emergency reaches: technicians know the fleet;
  // everyone who may target a group can read them.
  'screen-groups.read': ['admin', 'operator', 'approver', 'technician', 'auditor'],
  'screen-groups.manage': ['admin', 'technician'],
  // An emergency cannot wait for a second person, so it is not four-eyes reviewed; instead only the
  // roles that already hold the final say over public screens may start or end one (an approver,
  // or the admin), never the operator who authors content, and every start and end is audited
  // with its full text. A slide emergency may only show a slide that passed four-eyes review.
  // Playlists and schedules follow the content rule: operators author, someone else approves; the
  // default playlist is chosen by an approver among approved playlists. Technicians set a screen's zone.
  'programme.read': ['admin', 'operator', 'approver', 'technician', 'auditor'],
  'programme.edit': ['admin', 'operator'],
  'programme.review': ['admin', 'approver'],
  'screens.configure': ['admin', 'technician'],
  'emergencies.read': ['admin', 'operator', 'approver', 'technician', 'auditor'],
  'emergencies.manage': ['admin', 'approver'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
