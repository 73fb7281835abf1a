// What a technician should make of a screen: online, offline, stale (behind the newest publish) or
// in error, and why a screen has not reached a publish. Pure: callers pass `now`. The console's
// screen grid and the controller's publish convergence read screens through the same rules.

import { DISPLAY_REPORT_INTERVAL_MS } from '../display/display-report.ts';

/**
 * A player error younger than this still describes the screen. The player keeps its last error until
 * it restarts, so an old one (a sync that failed at 3 a.m. and succeeded at 3:01) must not mark a
 * healthy screen as failing all day; half an hour covers several sync retries and a technician's look.
 */
export const RECENT_ERROR_MS = 30 * 60_000;

/**
 * The kiosk page reports every 15 s; four missed reports at the time of a heartbeat mean the page is
 * hung, closed or crashed (the player's own rule for trusting what the page says it shows).
 */
export const DISPLAY_SILENT_MS = 4 * DISPLAY_REPORT_INTERVAL_MS;

/** What the controller recorded (presence from the screens feature) plus the figures of the latest heartbeat. */
export interface ScreenFacts {
  presence: 'online' | 'offline' | 'revoked';
  manifestVersion: number;
  lastSeenAt: number | null;
  pairedAt: number;
  /** the last error the screen reported to the controller (signature, digest, …), never cleared by the screen */
  reportedError: string | null;
  heartbeat: {
    sentAt: number;
    lastError: string | null;
    lastErrorAt: number | null;
    displayReportedAt: number | null;
  } | null;
}

export type ScreenCondition = 'online' | 'offline' | 'stale' | 'error' | 'revoked';

export type ScreenProblem =
  | { kind: 'player-error'; message: string; at: number | null }
  | { kind: 'display-silent'; since: number }
  | { kind: 'reported-error'; message: string };

/** The first problem a technician should look at, or null. */
export function screenProblem(facts: ScreenFacts, currentVersion: number, now: number): ScreenProblem | null {
  const beat = facts.heartbeat;
  if (beat?.lastError && beat.lastErrorAt !== null && now - beat.lastErrorAt < RECENT_ERROR_MS) return { kind: 'player-error', message: beat.lastError, at: beat.lastErrorAt };
  // A page that never reported is a core without a kiosk window (a test rig, a headless install): not a fault.
  if (beat && beat.displayReportedAt !== null && beat.sentAt - beat.displayReportedAt > DISPLAY_SILENT_MS) return { kind: 'display-silent', since: beat.displayReportedAt };
  // The controller-side report is never cleared; it explains a screen only while that screen is behind.
  if (facts.reportedError && facts.manifestVersion < currentVersion) return { kind: 'reported-error', message: facts.reportedError };
  return null;
}

export function screenCondition(facts: ScreenFacts, currentVersion: number, now: number): ScreenCondition {
  if (facts.presence === 'revoked') return 'revoked';
  if (facts.presence === 'offline') return 'offline';
  if (screenProblem(facts, currentVersion, now) !== null) return 'error';
  return facts.manifestVersion < currentVersion ? 'stale' : 'online';
}

/** Why a screen has not applied a publish yet. `since`: when that began, epoch ms, when known. */
export type BehindReason =
  | { kind: 'never-connected'; since: number }
  | { kind: 'offline'; since: number }
  | { kind: 'error'; problem: ScreenProblem }
  | { kind: 'updating'; since: number };

/** For a screen below `version`, published at `publishedAt`; revoked screens are not asked. */
export function behindReason(facts: ScreenFacts, version: number, publishedAt: number, now: number): BehindReason {
  if (facts.lastSeenAt === null) return { kind: 'never-connected', since: facts.pairedAt };
  if (facts.presence !== 'online') return { kind: 'offline', since: facts.lastSeenAt };
  const problem = screenProblem(facts, version, now);
  if (problem !== null) return { kind: 'error', problem };
  // Online and well: it is fetching the manifest, the list changes or the assets.
  return { kind: 'updating', since: publishedAt };
}
