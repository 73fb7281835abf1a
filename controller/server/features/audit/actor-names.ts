// Who an audit event names, in words: `user:<id>` becomes the user's display name and username, so
// an auditor reads people, not ids. Users are read through their own feature.

import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { listUsers } from '../users/service.ts';

const USER_PREFIX = 'user:';

export interface NamedUser {
  username: string;
  displayName: string;
}

/** `user:<id>` → that user; anything else (a screen, `anonymous`, a job) is not a user. */
export async function usersByActor(db: Kysely<Database>): Promise<Map<string, NamedUser>> {
  const users = await listUsers(db);
  return new Map(users.map((u) => [`${USER_PREFIX}${u.id}`, { username: u.username, displayName: u.displayName }]));
}

/** The `user:<id>` actors whose username or display name contains the text (case-insensitive). */
export function actorsMatching(users: ReadonlyMap<string, NamedUser>, text: string): string[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  return [...users].filter(([, u]) => u.username.toLowerCase().includes(needle) || u.displayName.toLowerCase().includes(needle)).map(([actor]) => actor);
}
