// Publish convergence: the recent publishes with how many screens run each, and the screens behind one with why.

import type { Kysely } from 'kysely';
import { AppError } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { listScreens } from '../screens/service.ts';
import type { BehindAnswer, PublishesAnswer } from '../../../../shared/screens/publish-convergence.ts';
import { behindScreens, convergenceOf, type FleetScreen } from './convergence.ts';
import { manifestRecord, recentManifests } from './store.ts';

/** A technician looks at the last few publishes; older ones have long converged or been superseded. */
export const MAX_PUBLISHES_PAGE = 50;
/** A page of behind screens; a city's whole fleet offline is still a few thousand rows. */
export const MAX_BEHIND_PAGE = 5_000;

type Db = Kysely<Database>;

async function fleet(db: Db, connectedIds: ReadonlySet<string>): Promise<FleetScreen[]> {
  const screens = await listScreens(db, connectedIds);
  return screens.map((screen) => ({
    id: screen.id,
    name: screen.name,
    facts: {
      presence: screen.status,
      manifestVersion: screen.manifestVersion,
      lastSeenAt: screen.lastSeenAt,
      pairedAt: screen.pairedAt,
      reportedError: screen.lastError,
      heartbeat: screen.health && { sentAt: screen.health.sentAt, lastError: screen.health.lastError, lastErrorAt: screen.health.lastErrorAt, displayReportedAt: screen.health.displayReportedAt },
    },
  }));
}

export async function publishSummaries(db: Db, input: { limit: number; connectedIds: ReadonlySet<string>; now: number }): Promise<PublishesAnswer> {
  const manifests = await recentManifests(db, Math.min(input.limit, MAX_PUBLISHES_PAGE));
  const screens = await fleet(db, input.connectedIds);
  return {
    currentVersion: manifests[0]?.version ?? null,
    items: manifests.map((manifest) => ({ ...manifest, ...convergenceOf(screens, manifest, input.now) })),
  };
}

export async function screensBehind(db: Db, input: { version: number; limit: number; connectedIds: ReadonlySet<string>; now: number }): Promise<BehindAnswer> {
  const manifest = await manifestRecord(db, input.version);
  if (!manifest) throw new AppError('publishes.not-found', `没有版本 ${input.version} 的发布 (no publish with version ${input.version})`, { version: input.version }, 404);
  const screens = await fleet(db, input.connectedIds);
  const behind = behindScreens(screens, manifest, input.now);
  const limit = Math.min(input.limit, MAX_BEHIND_PAGE);
  return { ...manifest, ...convergenceOf(screens, manifest, input.now), items: behind.slice(0, limit), truncated: behind.length > limit };
}
