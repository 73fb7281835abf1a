// Fleet fan-out: N simulated screens (thin protocol-level clients, each its own Socket.IO
// connection, spread over child processes) against one real controller in its own process, with a
// plain Socket.IO emit-to-all floor measured on the same machine in the same run. Figures only.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedFleet } from './fleet-seed.ts';
import { apiTriggers } from './publish-triggers.ts';
import {
  awaitAll,
  freePort,
  LONG_MS,
  markAll,
  progress,
  shares,
  startClientProcesses,
  startControllerProcess,
  startFloorProcess,
  startFullPlayerProcess,
  type ClientLink,
  type ControllerLink,
  type FloorLink,
  type FullPlayerLink,
} from './fleet-processes.ts';
import type { AckReport } from './ipc.ts';
import { append, listenOverflows, mean, monotonicMs, procCpuMs, procStatusKB, sleep, spread } from './stats.ts';

export interface FanoutOptions {
  players: number;
  /** client processes the screens are spread over */
  processes: number;
  /** measured rounds of each kind, after one unmeasured warm-up round */
  rounds: number;
  /** approved entries in the list every round publishes into */
  entries: number;
  /** full player cores run beside the thin clients in a separate sample phase (0: none) */
  fullPlayers: number;
  /** write CPU profiles of the controller here: one of the publish and takedown rounds, one of the storm */
  cpuProfileDir: string | null;
}

const ROUND_TIMEOUT_MS = 300_000;
const ROUND_GAP_MS = 1_000;
/** Descriptors a process needs beside its sockets (SQLite, WAL, pipes, listeners, tsx). */
const FD_MARGIN = 256;

function openFileLimit(): number {
  const raw = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
  return raw === 'unlimited' ? Number.POSITIVE_INFINITY : Number(raw);
}

interface Round {
  version: number;
  /** the round spanned a minute boundary, when the controller's expiry job runs its query */
  spannedMinute: boolean;
  /** wall time from the call to the last ack, and the CPU the controller and the clients used meanwhile */
  wallMs: number;
  controllerCpuMs: number;
  clientsCpuMs: number;
  /** monotonic ms just before the API call that publishes */
  t0: number;
  callMs: number;
  report: AckReport;
}

interface Fleet {
  clients: ClientLink[];
  full: FullPlayerLink | null;
  controller: ControllerLink | null;
  controllerPid: number;
  players: number;
}

/**
 * The clients' report with the controller's record of when each screen's sync:applied of `version`
 * arrived (see controller-process.ts) as its ack times; the clients' own become the send times.
 */
async function withRecordedAcks(controller: ControllerLink, sent: AckReport, version: number, expected: number): Promise<AckReport> {
  const recorded = await controller.request({ type: 'applied-await', version, expected, timeoutMs: 60_000 }, 'applied-at', 120_000);
  return { ...sent, ackedAt: recorded.at, sentAt: sent.ackedAt, missing: sent.missing + Math.max(0, recorded.missing) };
}

/** CPU ms used by the controller and by all client processes together, for telling which side a round waited on. */
function fleetCpuMs(fleet: Fleet): { controller: number; clients: number } {
  return { controller: procCpuMs(fleet.controllerPid) ?? 0, clients: fleet.clients.reduce((sum, c) => sum + (procCpuMs(c.pid) ?? 0), 0) };
}

/** Marks every screen, runs `trigger` (an API call that publishes; returns the manifest version), and waits for every ack. */
async function measureRound(fleet: Fleet, trigger: () => Promise<number>): Promise<Round & { fullAppliedAt: number[] }> {
  await markAll(fleet.clients);
  if (fleet.full) await fleet.full.request({ type: 'mark' }, 'marked', 60_000);
  const controller = fleet.controller as ControllerLink;
  await controller.request({ type: 'applied-mark' }, 'applied-marked', 60_000);
  const cpuBefore = fleetCpuMs(fleet);
  const t0 = monotonicMs();
  const wallStart = Date.now();
  const version = await trigger();
  const callMs = monotonicMs() - t0;
  const [sent, full] = await Promise.all([
    awaitAll(fleet.clients, version, ROUND_TIMEOUT_MS),
    fleet.full ? fleet.full.request({ type: 'await', version, timeoutMs: ROUND_TIMEOUT_MS }, 'awaited', ROUND_TIMEOUT_MS + 60_000) : null,
  ]);
  // Acked means recorded by the controller; the clients' own times are when they sent the ack.
  const report = await withRecordedAcks(controller, sent, version, fleet.players + (full?.appliedAt.length ?? 0));
  const wallMs = Math.max(...report.ackedAt) - t0;
  const cpuAfter = fleetCpuMs(fleet);
  const spannedMinute = Math.floor(wallStart / 60_000) !== Math.floor(Date.now() / 60_000);
  await sleep(ROUND_GAP_MS);
  return {
    version,
    spannedMinute,
    t0,
    callMs,
    report,
    wallMs,
    controllerCpuMs: cpuAfter.controller - cpuBefore.controller,
    clientsCpuMs: cpuAfter.clients - cpuBefore.clients,
    fullAppliedAt: full?.appliedAt ?? [],
  };
}

/** Starts the full players' process; they adopt, pull the whole list, and are parked. */
async function startFullPlayers(fleet: Fleet, start: { url: string; dataDir: string; count: number; manifestVersion: number }) {
  progress(`full players: adopting ${start.count} and pulling the whole list`);
  fleet.full = startFullPlayerProcess();
  const started = await fleet.full.request({ type: 'start', ...start }, 'started', LONG_MS);
  await fleet.full.request({ type: 'park' }, 'parked', 120_000);
  return started;
}

function histogram(values: readonly number[], width: number): number[] {
  const buckets: number[] = [];
  for (const value of values) {
    const i = Math.max(0, Math.floor(value / width));
    while (buckets.length <= i) buckets.push(0);
    buckets[i] = (buckets[i] ?? 0) + 1;
  }
  return buckets;
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const since = (t0: number) => (at: number) => at - t0;
const mb = (kb: number | null): number | null => (kb === null ? null : Math.round(kb / 1024));

export async function runFanoutBench(options: FanoutOptions): Promise<Record<string, unknown>> {
  const fdLimit = openFileLimit();
  // One socket per screen in the controller (and per floor client in the floor server); a client
  // process holds its share of both at once.
  const fdNeeded = Math.max(options.players, 2 * Math.ceil(options.players / options.processes)) + FD_MARGIN;
  if (fdLimit < fdNeeded) throw new Error(`${options.players} screens need about ${fdNeeded} open files per process; ulimit -n is ${fdLimit}: raise it (ulimit -n ${fdNeeded * 2}) or add --processes`);
  if (options.cpuProfileDir) mkdirSync(options.cpuProfileDir, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'gongshi-fanout-bench-'));
  const dataDir = join(dir, 'controller');
  const fleet: Fleet = { clients: [], full: null, controller: null, controllerPid: -1, players: options.players };
  // Other work on the machine skews every figure here; the load says how much there was.
  const loadBefore = loadavg()[0] ?? 0;
  let controller: Awaited<ReturnType<typeof startControllerProcess>> | null = null;
  let floor: FloorLink | null = null;
  try {
    progress(`seeding ${options.entries} entries and ${options.players} screens`);
    const seeded = await seedFleet(dataDir, { entries: options.entries, screens: options.players });
    fleet.clients = startClientProcesses(options.processes);
    const screenShares = shares(seeded.screens, options.processes);

    // The floor: plain Socket.IO, the same number of clients over the same processes. Its connections
    // stay up beside the screens' and one floor round runs right before each measured round, so a
    // change in the machine's other load moves both sides of the ratio alike.
    progress('floor: plain Socket.IO emit to all');
    const floorLink = startFloorProcess();
    floor = floorLink;
    const floorUrl = (await floorLink.next('ready', 60_000)).url;
    await Promise.all(fleet.clients.map((c, i) => c.request({ type: 'floor-connect', url: floorUrl, count: screenShares[i]?.length ?? 0 }, 'floor-connected', LONG_MS)));
    await sleep(1_000);
    const floorLatencies: number[] = [];
    const floorServerCpuMs: number[] = [];
    let floorMissing = 0;
    const floorRound = async (measured: boolean): Promise<void> => {
      const cpuBefore = procCpuMs(floorLink.pid) ?? 0;
      const run = await floorLink.request({ type: 'run', rounds: 1, expected: options.players, timeoutMs: 60_000, gapMs: 0 }, 'ran', LONG_MS);
      const cpuMs = (procCpuMs(floorLink.pid) ?? 0) - cpuBefore;
      await sleep(500);
      if (!measured) return;
      append(floorLatencies, run.latenciesMs.flat());
      floorServerCpuMs.push(cpuMs);
      floorMissing += run.missing;
    };
    await floorRound(false);

    progress('controller: starting');
    const port = await freePort();
    controller = await startControllerProcess(dataDir, port);
    fleet.controllerPid = controller.link.pid;
    fleet.controller = controller.link;
    const { ready } = controller;
    const { url } = ready;
    // Full players pull the whole list now, before the fleet is there and before RSS is read, and
    // are parked until their own phase.
    const fullStarted = options.fullPlayers > 0 ? await startFullPlayers(fleet, { url, dataDir: join(dir, 'players'), count: options.fullPlayers, manifestVersion: ready.manifestVersion }) : null;
    const idleGc = await controller.link.request({ type: 'gc' }, 'gc-done', 60_000);
    const rssIdleKB = procStatusKB(controller.link.pid, 'VmRSS');

    // In two halves: RSS at 0, N/2 and N screens. (RSS(N) − RSS(0)) / N is the figure asked for; the
    // slope between N/2 and N is the same without the start-up publish's freed-but-kept pages in RSS(0).
    progress(`connecting ${options.players} screens`);
    const connectStarted = monotonicMs();
    const halves = screenShares.map((share) => [share.slice(0, Math.ceil(share.length / 2)), share.slice(Math.ceil(share.length / 2))] as const);
    const memory: Array<{ screens: number; rssKB: number | null; heapUsedMB: number }> = [{ screens: 0, rssKB: rssIdleKB, heapUsedMB: Math.round(idleGc.heapUsed / 2 ** 20) }];
    let converged = 0;
    for (const half of [0, 1] as const) {
      const connected = await Promise.all(
        fleet.clients.map((c, i) => c.request({ type: 'screens-connect', url, screens: halves[i]?.[half] ?? [], manifestVersion: ready.manifestVersion, listRevision: ready.listRevision }, 'screens-connected', LONG_MS)),
      );
      converged += connected.reduce((sum, c) => sum + c.converged, 0);
      await sleep(2_000);
      const gc = await controller.link.request({ type: 'gc' }, 'gc-done', 60_000);
      memory.push({ screens: halves.reduce((sum, h) => sum + h[0].length + (half === 1 ? h[1].length : 0), 0), rssKB: procStatusKB(controller.link.pid, 'VmRSS'), heapUsedMB: Math.round(gc.heapUsed / 2 ** 20) });
    }
    const connectMs = Math.round(monotonicMs() - connectStarted);
    const rssConnectedKB = memory[2]?.rssKB ?? null;
    const rssHalfKB = memory[1]?.rssKB ?? null;
    const halfScreens = memory[1]?.screens ?? 0;

    const api = apiTriggers(url);
    await api.login();
    const publishRound = async () => {
      const changeSetId = await api.pendingChangeSet();
      return measureRound(fleet, () => api.approve(changeSetId));
    };
    const takedownRound = () => measureRound(fleet, () => api.withdrawOne());

    if (options.cpuProfileDir) await controller.link.request({ type: 'profile-start' }, 'profile-started', 60_000);
    /** One unmeasured warm-up, then the measured rounds, each after a floor round of its own. */
    const measuredRounds = async (kind: string, round: () => Promise<Round>): Promise<Round[]> => {
      progress(`${kind} rounds (1 warm-up + ${options.rounds})`);
      const measured: Round[] = [];
      for (let r = 0; r <= options.rounds; r++) {
        await floorRound(r > 0);
        const result = await round();
        if (r > 0) measured.push(result);
      }
      return measured;
    };
    const publishes = await measuredRounds('publish', publishRound);
    const takedowns = await measuredRounds('takedown', takedownRound);
    if (options.cpuProfileDir) {
      await controller.link.request({ type: 'profile-stop', path: join(options.cpuProfileDir, `fanout-controller-${options.players}.cpuprofile`) }, 'profile-stopped', 120_000);
    }
    await Promise.all(fleet.clients.map((c) => c.request({ type: 'floor-close' }, 'floor-closed', 60_000)));
    await floorLink.request({ type: 'stop' }, 'stopped', 60_000);
    await floorLink.exited(10_000);

    let fullPlayers: Record<string, unknown> | null = null;
    if (fleet.full && fullStarted) {
      progress(`full players: resuming ${options.fullPlayers}`);
      const latest = takedowns.at(-1)?.version ?? controller.ready.manifestVersion;
      await fleet.full.request({ type: 'resume', url, manifestVersion: latest }, 'resumed', LONG_MS);
      let thinReconnects = 0;
      const sample = { publishFull: [] as number[], publishThin: [] as number[], takedownFull: [] as number[], takedownThin: [] as number[] };
      const sampleRounds = Math.min(2, options.rounds);
      for (let r = 0; r < sampleRounds; r++) {
        const p = await publishRound();
        thinReconnects += p.report.connectedAt.length;
        append(sample.publishFull, p.fullAppliedAt.map(since(p.t0)));
        append(sample.publishThin, p.report.ackedAt.map(since(p.t0)));
        const t = await takedownRound();
        thinReconnects += t.report.connectedAt.length;
        append(sample.takedownFull, t.fullAppliedAt.map(since(t.t0)));
        append(sample.takedownThin, t.report.ackedAt.map(since(t.t0)));
      }
      await fleet.full.request({ type: 'stop' }, 'stopped', 120_000);
      await fleet.full.exited(10_000);
      fleet.full = null;
      fullPlayers = {
        count: options.fullPlayers,
        rounds: sampleRounds,
        initialFullListSyncMs: fullStarted.initialSyncMs,
        publishAppliedMs: spread(sample.publishFull),
        takedownAppliedMs: spread(sample.takedownFull),
        thinSameRoundsPublishAckedMs: spread(sample.publishThin),
        thinSameRoundsTakedownAckedMs: spread(sample.takedownThin),
        thinReconnectsInTheseRounds: thinReconnects,
      };
    }

    progress('reconnect storm: SIGKILL the controller, restart it, approve a change at once');
    const stormChangeSet = await api.pendingChangeSet();
    await markAll(fleet.clients);
    const overflowsBefore = listenOverflows();
    const killedAt = monotonicMs();
    await controller.link.kill();
    controller = await startControllerProcess(dataDir, port);
    fleet.controller = controller.link;
    const readyAt = monotonicMs();
    const restartedPid = controller.link.pid;
    const stormCpuBefore = procCpuMs(restartedPid) ?? 0;
    let sampledPeakKB = 0;
    const sampler = setInterval(() => (sampledPeakKB = Math.max(sampledPeakKB, procStatusKB(restartedPid, 'VmRSS') ?? 0)), 100);
    const stormVersion = await api.approve(stormChangeSet);
    if (options.cpuProfileDir) await controller.link.request({ type: 'profile-start' }, 'profile-started', 60_000);
    const stormSent = await awaitAll(fleet.clients, stormVersion, ROUND_TIMEOUT_MS);
    const storm = await withRecordedAcks(controller.link, stormSent, stormVersion, options.players);
    clearInterval(sampler);
    const stormCpuMs = (procCpuMs(restartedPid) ?? 0) - stormCpuBefore;
    const overflowsAfter = listenOverflows();
    const stormPeakKB = Math.max(sampledPeakKB, procStatusKB(controller.link.pid, 'VmHWM') ?? 0);
    if (options.cpuProfileDir) {
      await controller.link.request({ type: 'profile-stop', path: join(options.cpuProfileDir, `fanout-controller-${options.players}-storm.cpuprofile`) }, 'profile-stopped', 120_000);
    }

    const publishAcks = publishes.flatMap((r) => r.report.ackedAt.map(since(r.t0)));
    const floorSpread = spread(floorLatencies);
    const publishSpread = spread(publishAcks);
    const publishBytes = publishes.flatMap((r) => r.report.bytesDown);
    const rounds = [...publishes, ...takedowns];
    return {
      players: options.players,
      entries: options.entries,
      processes: options.processes,
      rounds: options.rounds,
      warmUpRounds: 1,
      cores: availableParallelism(),
      node: process.version,
      openFileLimit: fdLimit,
      openFilesNeeded: fdNeeded,
      loadAverage1m: { before: Math.round(loadBefore * 100) / 100, after: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
      publishToAllAckedMs: publishSpread,
      takedownToAllAckedMs: spread(takedowns.flatMap((r) => r.report.ackedAt.map(since(r.t0)))),
      rawEmitFloorMs: floorSpread,
      ratioP99: Math.round((publishSpread.p99 / floorSpread.p99) * 100) / 100,
      reconnectStorm: {
        convergedMs: Math.round(Math.max(...storm.ackedAt) - readyAt),
        convergedFromKillMs: Math.round(Math.max(...storm.ackedAt) - killedAt),
        allReconnectedMs: storm.connectedAt.length > 0 ? Math.round(Math.max(...storm.connectedAt) - readyAt) : null,
        /** screens back, per 10 s after the controller listened again (the first bucket includes any before) */
        reconnectedPer10s: histogram(storm.connectedAt.map((at) => at - readyAt), 10_000),
        controllerRestartMs: controller.restartMs,
        controllerPeakRssMB: mb(stormPeakKB),
        // Attempts refused while the controller was down are the back-off at work; any after it was
        // listening again say the controller (or its listen backlog) could not take the wave.
        connectErrors: {
          whileDown: storm.connectErrors.filter((e) => e.at < readyAt).length,
          afterListening: countBy(storm.connectErrors.filter((e) => e.at >= readyAt).map((e) => e.reason)),
        },
        /** connection attempts the kernel dropped because the controller's accept queue was full (machine-wide counter) */
        listenQueueOverflows: overflowsBefore !== null && overflowsAfter !== null ? overflowsAfter - overflowsBefore : null,
        /** controller CPU from listening again to the last ack, per screen: what one reconnect (greeting, heartbeat, sync) costs */
        controllerCpuPerReconnectMs: Math.round((stormCpuMs / options.players) * 100) / 100,
        notConverged: storm.missing,
      },
      controllerRssPerPlayerKB: rssIdleKB !== null && rssConnectedKB !== null ? Math.round(((rssConnectedKB - rssIdleKB) / options.players) * 10) / 10 : null,
      deltaBytesPerPlayer: Math.round(mean(publishBytes)),
      detail: {
        publishCallMs: spread(publishes.map((r) => r.callMs)),
        takedownCallMs: spread(takedowns.map((r) => r.callMs)),
        publishAfterCallReturnedMs: spread(publishes.flatMap((r) => r.report.ackedAt.map(since(r.t0 + r.callMs)))),
        /** when the screens sent their sync:applied (the figures above are when the controller recorded it) */
        publishAckSentMs: spread(publishes.flatMap((r) => (r.report.sentAt ?? []).map(since(r.t0)))),
        takedownReceivedMs: spread(takedowns.flatMap((r) => r.report.takedownAt.map(since(r.t0)))),
        publishRoundAllAckedMs: publishes.map((r) => Math.round(Math.max(...r.report.ackedAt) - r.t0)),
        takedownRoundAllAckedMs: takedowns.map((r) => Math.round(Math.max(...r.report.ackedAt) - r.t0)),
        deltaBytesPerPlayerMax: Math.max(...publishBytes),
        deltaBytesUpPerPlayer: Math.round(mean(publishes.flatMap((r) => r.report.bytesUp))),
        takedownBytesPerPlayer: Math.round(mean(takedowns.flatMap((r) => r.report.bytesDown))),
        controllerMemory: memory.map((m) => ({ screens: m.screens, rssMB: mb(m.rssKB), heapUsedMB: m.heapUsedMB })),
        controllerRssPerPlayerMarginalKB: rssHalfKB !== null && rssConnectedKB !== null ? Math.round(((rssConnectedKB - rssHalfKB) / (options.players - halfScreens)) * 10) / 10 : null,
        // Per measured round (publish and takedown): CPU used by each side over the round's wall time.
        // A controller near 1 000 ms per 1 000 ms of wall time was the bottleneck; clients near the
        // core count (or the machine's other load) were.
        roundCpu: {
          wallMs: spread(rounds.map((r) => r.wallMs)),
          controllerCpuMs: spread(rounds.map((r) => r.controllerCpuMs)),
          clientsCpuMs: spread(rounds.map((r) => r.clientsCpuMs)),
          controllerCpuPerScreenMs: Math.round((mean(rounds.map((r) => r.controllerCpuMs)) / options.players) * 1000) / 1000,
          floorServerCpuMs: spread(floorServerCpuMs),
        },
        roundsSpanningExpiryJob: rounds.filter((r) => r.spannedMinute).length,
        /** screens that had to reconnect during a measured round (a ping timeout, say): nonzero means the round also paid for a storm */
        reconnectsDuringRounds: rounds.reduce((sum, r) => sum + r.report.connectedAt.length, 0),
        notAcked: rounds.reduce((sum, r) => sum + r.report.missing, 0),
        syncFailures: rounds.reduce((sum, r) => sum + r.report.syncFailures, 0) + storm.syncFailures,
        floorMissing,
        seedMs: seeded.seedMs,
        connectMs,
        screensConverged: converged,
      },
      fullPlayers,
    };
  } finally {
    if (fleet.full) await fleet.full.kill();
    if (floor) await floor.kill();
    // Screens first: a controller going away would send them all into back-off and reconnects.
    await Promise.all(fleet.clients.map((c) => c.request({ type: 'screens-close' }, 'screens-closed', 60_000).catch(() => undefined)));
    if (controller) {
      await controller.link.request({ type: 'stop' }, 'stopped', 60_000).catch(() => undefined);
      await controller.link.exited(10_000);
    }
    await Promise.all(fleet.clients.map((c) => c.kill()));
    rmSync(dir, { recursive: true, force: true });
  }
}
