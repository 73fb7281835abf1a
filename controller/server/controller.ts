// Starts a whole controller: store, signing key, HTTP API, Socket.IO hub, jobs; and stops it.

import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Server as SocketServer } from 'socket.io';
import type { ControllerConfig, ControllerContext } from './context.ts';
import { createPublisher } from './features/publishing/publisher.ts';
import { loadOrCreateSigningKey } from './features/publishing/signing-key.ts';
import { signPayload } from '../../shared/signing/manifest-signing.ts';
import { createPlayerHub } from './features/screens/player-hub.ts';
import { DEFAULT_SCREEN_HEALTH } from './features/screens/presence.ts';
import { createAdmissionQueue } from './http/admission-queue.ts';
import { buildHttpApp } from './http/app.ts';
import { startExpiryJob } from './jobs/expiry-job.ts';
import { startScreenPresenceJob } from './jobs/screen-presence-job.ts';
import { startSearchIndexJob } from './jobs/search-index-job.ts';
import { SCREENSHOT_RETENTION_INTERVAL_MS, startScreenshotRetentionJob } from './jobs/screenshot-retention-job.ts';
import { DEFAULT_SCREENSHOT_RETENTION } from './features/commands/service.ts';
import { createLogger, type Logger } from './logger.ts';
import { openStore } from './store/database.ts';

/**
 * Connections the kernel may hold for accept() while the controller is busy. Node's default (511)
 * overflowed by the hundred thousand when 10,000 screens returned after a restart, and each dropped
 * SYN costs its screen a retransmit of a second or more; Linux caps this at net.core.somaxconn.
 */
const LISTEN_BACKLOG = 4_096;

export const DEFAULT_CONTROLLER_CONFIG: Omit<ControllerConfig, 'dataDir'> = {
  host: '127.0.0.1',
  port: 8080,
  utcOffsetMinutes: 480,
  timeZone: 'Asia/Shanghai',
  cityName: '乌海市',
  dataSource: '乌海市社会信用信息平台',
  demo: false,
  screenHealth: DEFAULT_SCREEN_HEALTH,
  screenshotRetention: { ...DEFAULT_SCREENSHOT_RETENTION, checkIntervalMs: SCREENSHOT_RETENTION_INTERVAL_MS },
};

/** Largest Socket.IO message a player may send: heartbeats and acks are small. */
const MAX_PLAYER_MESSAGE_BYTES = 256 * 1024;

export interface RunningController {
  url: string;
  port: number;
  context: ControllerContext;
  publicKey: string;
  close(): Promise<void>;
}

export async function startController(options: Partial<ControllerConfig> & { dataDir: string; logger?: Logger; now?: () => number }): Promise<RunningController> {
  const config: ControllerConfig = { ...DEFAULT_CONTROLLER_CONFIG, ...options };
  const logger = options.logger ?? createLogger();
  const now = options.now ?? Date.now;
  mkdirSync(config.dataDir, { recursive: true });
  const assetsDir = join(config.dataDir, 'assets');
  mkdirSync(assetsDir, { recursive: true });
  const store = await openStore(join(config.dataDir, 'controller.sqlite'), now());
  const keyPair = loadOrCreateSigningKey(config.dataDir);
  const publisher = createPublisher({
    db: store.db,
    keyPair,
    now,
    utcOffsetMinutes: config.utcOffsetMinutes,
    timeline: { cityName: config.cityName, dataSource: config.dataSource, listDurationMs: 60_000, slideDurationMs: 15_000 },
    logger: logger.child({ module: 'publisher' }),
  });

  // The context is completed below once the hub exists; routes only use it after listen().
  const context = { config, store, db: store.db, logger, now, assetsDir, publisher, sign: (payload: unknown) => signPayload(payload, keyPair) } as ControllerContext;
  const app = await buildHttpApp(context);
  const admission = createAdmissionQueue();
  const io = new SocketServer(app.server, { maxHttpBufferSize: MAX_PLAYER_MESSAGE_BYTES, serveClient: false, allowRequest: (request, decide) => admission.allowRequest(request, decide) });
  const hub = createPlayerHub({
    io,
    db: store.db,
    publisher,
    controllerPublicKey: keyPair.publicKey,
    now,
    logger: logger.child({ module: 'player-hub' }),
    heartbeatHistorySampleMs: config.screenHealth.historySampleMs,
    defaultTimeZone: config.timeZone,
    admission,
  });
  context.hub = hub;
  context.publishAndAnnounce = async (reason, scope) => {
    const result = await publisher.publish(reason, scope);
    hub.announce(result);
    return result;
  };

  await context.publishAndAnnounce('controller started');
  const expiryJob = startExpiryJob(context);
  const presenceJob = startScreenPresenceJob(context, config.screenHealth);
  const screenshotJob = startScreenshotRetentionJob(context, config.screenshotRetention);
  const searchIndexJob = startSearchIndexJob(context);
  await app.listen({ host: config.host, port: config.port, backlog: LISTEN_BACKLOG });
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;
  logger.info({ url, dataDir: config.dataDir }, 'controller listening');

  return {
    url,
    port,
    context,
    publicKey: keyPair.publicKey,
    async close() {
      expiryJob.stop();
      admission.stop();
      await presenceJob.stop();
      await screenshotJob.stop();
      await searchIndexJob.stop();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      await app.close();
      await store.close();
    },
  };
}
