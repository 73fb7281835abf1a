// What route and job modules receive: the store, the clock, configuration and the services
// that cross features (publishing and the player hub).

import type { Kysely } from 'kysely';
import type { Logger } from './logger.ts';
import type { Database } from './store/schema.ts';
import type { Store } from './store/database.ts';
import type { Publisher, PublishResult, PublishScope } from './features/publishing/publisher.ts';
import type { PlayerHub } from './features/screens/player-hub.ts';
import type { Signed } from '../../shared/signing/manifest-signing.ts';
import type { ScreenHealthConfig } from './features/screens/presence.ts';
import type { ScreenshotRetentionConfig } from './jobs/screenshot-retention-job.ts';

export interface ControllerConfig {
  host: string;
  port: number;
  dataDir: string;
  /** China Standard Time; list dates end at midnight in this offset */
  utcOffsetMinutes: number;
  /** IANA zone of screens that have none of their own: their schedules are read in it */
  timeZone: string;
  cityName: string;
  dataSource: string;
  demo: boolean;
  /** when a silent screen counts as offline, how often that is checked, how often heartbeats are kept */
  screenHealth: ScreenHealthConfig;
  /** how many screenshots each screen keeps, for how long, and how often the rest are deleted */
  screenshotRetention: ScreenshotRetentionConfig;
}

export interface ControllerContext {
  config: ControllerConfig;
  store: Store;
  db: Kysely<Database>;
  logger: Logger;
  now: () => number;
  assetsDir: string;
  publisher: Publisher;
  hub: PlayerHub;
  /** publish, then tell every connected screen at once */
  publishAndAnnounce(reason: string, scope?: PublishScope): Promise<PublishResult>;
  /** signs with the controller's Ed25519 key (emergencies); the secret itself stays out of the context */
  sign<T>(payload: T): Signed<T>;
}
