// Table shapes for Kysely. Columns are snake_case in SQL and camelCase here (CamelCasePlugin).
// Times are epoch milliseconds; calendar dates are 'YYYY-MM-DD' text.

import type { Generated } from 'kysely';
import type { PlayKind } from '../../../shared/protocol/proof-of-play.ts';
import type { CommandKind, CommandStatus } from '../../../shared/protocol/commands.ts';

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
  /** months public from the listing date (migration 11); null: until valid-until */
  publicationMonths: number | null;
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

export type ContentKind = 'slide' | 'image' | 'video' | 'ticker' | 'list-view';

export interface ContentTable {
  id: string;
  kind: ContentKind;
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
  /** IANA zone its schedules are read in (migration 7); null: the controller's default */
  timeZone: Generated<string | null>;
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

/** A named set of screens; schedules and emergencies target groups (migration 5). */
export interface ScreenGroupsTable {
  id: string;
  name: string;
  createdAt: number;
  createdBy: string;
}

export interface ScreenGroupMembersTable {
  groupId: string;
  screenId: string;
}

/** An emergency override; ended explicitly, never by time. */
export interface EmergenciesTable {
  id: string;
  kind: 'text' | 'slide';
  title: string;
  /** the approved slide shown, for kind 'slide' */
  contentId: string | null;
  /** JSON of the EmergencyTarget */
  targetJson: string;
  /** JSON of the SignedEmergency exactly as screens receive it */
  signedJson: string;
  startedAt: number;
  startedBy: string;
  endedAt: number | null;
  endedBy: string | null;
  /** JSON of the SignedEmergencyEnd */
  endSignedJson: string | null;
}

/** A target screen of an emergency; ackedAt null while it has not confirmed showing it. */
export interface EmergencyScreensTable {
  emergencyId: string;
  screenId: string;
  addedAt: number;
  ackedAt: number | null;
}

/** A technician's remote command to one screen (migration 6); see features/commands. */
export interface ScreenCommandsTable {
  id: string;
  screenId: string;
  kind: CommandKind;
  status: CommandStatus;
  requestedBy: string;
  requestedAt: number;
  expiresAt: number;
  /** last time it went out on a connection; null while queued */
  sentAt: number | null;
  /** connections it went out on (a connection lost before the ack re-delivers it) */
  attempts: Generated<number>;
  completedAt: number | null;
  /** JSON of the CommandResult, when it succeeded */
  resultJson: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  screenshotSha256: string | null;
  screenshotBytes: number | null;
}

/**
 * A playlist or a schedule (migration 7): the version screens play, and a change awaiting review.
 * The JSON columns hold the documents as their service's schema parsed them.
 */
export interface ReviewableTable {
  id: string;
  name: string;
  approvedJson: string | null;
  approvedBy: string | null;
  approvedAt: number | null;
  pendingJson: string | null;
  pendingBy: string | null;
  pendingAt: number | null;
  reviewComment: string | null;
  createdBy: string;
  createdAt: number;
  retiredAt: number | null;
  retiredBy: string | null;
}

export interface ProgrammeSettingsTable {
  singleton: number;
  /** null: the built-in rotation is the default */
  defaultPlaylistId: string | null;
  setBy: string | null;
  setAt: number | null;
}

/** When a screen first reported each list revision it applied (migration 9): the takedown report's ack times. */
export interface ScreenListAcksTable {
  screenId: string;
  listRevision: number;
  ackedAt: number;
}

/** The search copy of an entry (migration 10), kept by the search indexer from entry_search_queue. */
export interface EntrySearchRowsTable {
  /** rowid of the entry's rows in entry_search_text and entry_search_grams */
  searchRowid: Generated<number>;
  entryId: string;
  list: string;
  status: string;
  category: string;
  /** 6-digit division code from the credit code (characters 3–8) or the ID number (1–6) */
  region: string | null;
  validUntil: string;
  name: string;
  creditCode: string | null;
  idNumber: string | null;
}

/** Entries whose search copy is stale, appended by triggers on `entries` (migration 10). */
export interface EntrySearchQueueTable {
  seq: Generated<number>;
  entryId: string;
  /** 1 when the name or a code changed (the FTS rows are rewritten), 0 when only filter fields did */
  textChanged: number;
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
  screenGroups: ScreenGroupsTable;
  screenGroupMembers: ScreenGroupMembersTable;
  emergencies: EmergenciesTable;
  emergencyScreens: EmergencyScreensTable;
  screenCommands: ScreenCommandsTable;
  playlists: ReviewableTable;
  schedules: ReviewableTable;
  programmeSettings: ProgrammeSettingsTable;
  screenListAcks: ScreenListAcksTable;
  entrySearchRows: EntrySearchRowsTable;
  entrySearchQueue: EntrySearchQueueTable;
  schemaMigrations: SchemaMigrationsTable;
}
