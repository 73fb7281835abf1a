// A console account as the users API shows it to an admin (never its password hash). Types only.

import type { Role } from './roles.ts';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: number;
}
