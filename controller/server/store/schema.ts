// Table shapes for Kysely. Columns are snake_case in SQL and camelCase here (CamelCasePlugin).
// Times are epoch milliseconds; calendar dates are 'YYYY-MM-DD' text.

import type { Generated } from 'kysely';
import type { PlayKind } from '../../../shared/protocol/proof-of-play.ts';

export interface UsersTable {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  /** JSON array of role names */
  roles: string;
  disabled: number;
  createdAt: number;
}

export interface SessionsTable {
  tokenHash: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
}

export interface ChangeSetsTable {
  id: string;
  kind: 'import' | 'edit';
  list: string;
  category: string | null;
  sourceName: string;
  submittedBy: string;
  submittedAt: number;
  status: 'pending' | 'approved' | 'rejected';
  reviewedBy: string | null;
  reviewedAt: number | null;
  reviewComment: string | null;
  rowCount: number;
  acceptedCount: number;
  rejectedCount: number;
  warningCount: number;
  /** the import report as JSON (rejected rows and warnings with line, column, code, message) */
  reportJson: string;
}

export interface EntriesTable {
  id: string;
  changeSetId: string;
  list: string;
  category: string;
  subjectType: string;
  subjectName: string;
  creditCode: string | null;
  idNumber: string | null;
  legalRepresentative: string | null;
  reason: string;
  authority: string;
  basis: string | null;
  listedOn: string;
  validUntil: string;
  sourceRef: string | null;
  sourceLine: number | null;
  /** birth date of a natural person, from the ID number, to refuse minors at publication */
  birthDate: string | null;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  /** JSON array of warnings an approver must confirm (e.g. credit-code checksum mismatch) */
  warningsJson: string | null;
  /** list|category|code: two live entries may not share it */
  subjectKey: string;
  createdAt: number;
  approvedAt: number | null;
  withdrawnAt: number | null;
  withdrawnBy: string | null;
  withdrawalReason: string | null;
  withdrawalNote: string | null;
}

export interface CategoryPoliciesTable {
  category: string;
  nameDisplay: 'full' | 'surname';
  idKeepStart: number;
  idKeepEnd: number;
  updatedAt: number;
}

export interface PublicationTable {
  entryId: string;
  list: string;
  revision: number;
  deleted: number;
  /** JSON of the PublicEntry exactly as players receive it */
  bodyJson: string;
  hash: string;
}

export interface PublicationStateTable {
  id: number;
  revision: number;
  manifestVersion: number;
}

export interface ManifestsTable {
  version: number;
  listRevision: number;
  /** JSON of the Signed<Manifest> */
  signedJson: string;
  createdAt: number;
}

export interface ContentTable {
  id: string;
  kind: 'slide' | 'image' | 'video';
  title: string;
  documentJson: string;
  assetSha256: string;
  status: 'pending' | 'approved' | 'rejected' | 'retired';
  position: number;
  submittedBy: string;
  submittedAt: number;
  reviewedBy: string | null;
  reviewedAt: number | null;
  reviewComment: string | null;
}

export interface AssetsTable {
  sha256: string;
  bytes: number;
  mediaType: string;
  createdAt: number;
}

export interface ScreensTable {
  id: string;
  name: string;
  tokenHash: string;
  deviceId: string;
  pairedAt: number;
  pairedBy: string;
  revokedAt: number | null;
  lastSeenAt: number | null;
  manifestVersion: number;
  listRevision: number;
  lastHeartbeatJson: string | null;
  lastError: string | null;
  /** what the history last recorded (migration 3); 'offline' until the screen is first heard from */
  presence: Generated<ScreenPresence>;
  presenceChangedAt: number | null;
}

export type ScreenPresence = 'online' | 'offline';

/** Every online/offline change of a screen, recorded once per change. */
export interface ScreenPresenceChangesTable {
  id: Generated<number>;
  screenId: string;
  at: number;
  presence: ScreenPresence;
  /** what brought it online ('connected', 'heartbeat', 'sync-applied') or 'silent' when it went offline */
  reason: string;
  lastSeenAt: number | null;
}

/** Heartbeats kept for history, sampled and trimmed (see features/screens/presence.ts). */
export interface ScreenHeartbeatsTable {
  id: Generated<number>;
  screenId: string;
  at: number;
  /** the Heartbeat as parsed by its schema */
  heartbeatJson: string;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  at: number;
  actor: string;
  action: string;
  target: string;
  detailsJson: string;
  prevHash: string;
  hash: string;
}

/** Proof of play, as screens uploaded it; `id` is the player's idempotent key. */
export interface PlayEventsTable {
  id: string;
  screenId: string;
  kind: PlayKind;
  contentId: string;
  contentHash: string;
  manifestVersion: number;
  listRevision: number;
  startedAt: number;
  endedAt: number;
  receivedAt: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  appliedAt: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  changeSets: ChangeSetsTable;
  entries: EntriesTable;
  categoryPolicies: CategoryPoliciesTable;
  publication: PublicationTable;
  publicationState: PublicationStateTable;
  manifests: ManifestsTable;
  content: ContentTable;
  assets: AssetsTable;
  screens: ScreensTable;
  screenPresenceChanges: ScreenPresenceChangesTable;
  screenHeartbeats: ScreenHeartbeatsTable;
  auditEvents: AuditEventsTable;
  playEvents: PlayEventsTable;
  schemaMigrations: SchemaMigrationsTable;
}
