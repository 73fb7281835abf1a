// Child process: one real controller for the fan-out bench, in a process of its own so that its RSS
// is its own. argv[2] is JSON { dataDir, port }. Started with --expose-gc, so the orchestrator can
// settle the heap before reading RSS; can record a CPU profile of a stretch of the run on request.

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import pino from 'pino';
import { startController } from '../../../controller/server/controller.ts';
import { serveParent, type ControllerCommand, type ControllerReply } from './ipc.ts';
import { monotonicMs, sleep } from './stats.ts';

const { dataDir, port } = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; port: number };
const startedAt = monotonicMs();
// Silent by default: at 10,000 screens the controller's per-connection logs would cost CPU here.
const logger = pino({ level: process.env.GONGSHI_BENCH_LOG ?? 'silent' }, pino.destination(2));
const controller = await startController({ dataDir, port, logger });
const latest = await controller.context.publisher.latestManifest();

let profiler: Session | null = null;

/**
 * When the controller recorded each screen's sync:applied (committed to its store), per screen, in
 * the order they came: a screen's ack counts when it reaches the controller, as the floor's emit
 * counts when it reaches the client.
 */
let applied = new Map<string, Array<{ version: number; at: number }>>();
controller.context.hub.events.on('applied', (event: { screenId: string; manifestVersion: number }) => {
  const at = monotonicMs();
  const records = applied.get(event.screenId) ?? [];
  records.push({ version: event.manifestVersion, at });
  applied.set(event.screenId, records);
});

function appliedAt(version: number): number[] {
  const at: number[] = [];
  for (const records of applied.values()) {
    const first = records.find((r) => r.version >= version);
    if (first) at.push(first.at);
  }
  return at;
}

serveParent<ControllerCommand, ControllerReply>(async (command, reply) => {
  switch (command.type) {
    case 'gc': {
      const gc = (globalThis as { gc?: () => void }).gc;
      // Twice, with a pause: the second pass frees what the first one's finalizers released.
      gc?.();
      await sleep(200);
      gc?.();
      await sleep(500);
      const memory = process.memoryUsage();
      return reply({ type: 'gc-done', heapUsed: memory.heapUsed, external: memory.external });
    }
    case 'profile-start':
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.setSamplingInterval', { interval: 1000 });
      await profiler.post('Profiler.start');
      return reply({ type: 'profile-started' });
    case 'profile-stop': {
      if (profiler) {
        const { profile } = await profiler.post('Profiler.stop');
        writeFileSync(command.path, JSON.stringify(profile));
        profiler.disconnect();
        profiler = null;
      }
      return reply({ type: 'profile-stopped' });
    }
    case 'applied-mark':
      applied = new Map();
      return reply({ type: 'applied-marked' });
    case 'applied-await': {
      const deadline = monotonicMs() + command.timeoutMs;
      let at = appliedAt(command.version);
      while (at.length < command.expected && monotonicMs() < deadline) {
        await sleep(20);
        at = appliedAt(command.version);
      }
      return reply({ type: 'applied-at', at, missing: command.expected - at.length });
    }
    case 'stop':
      await controller.close();
      reply({ type: 'stopped' });
      process.exit(0);
  }
});
process.send?.({
  type: 'ready',
  url: controller.url,
  manifestVersion: latest?.payload.version ?? 0,
  listRevision: latest?.payload.lists.revision ?? 0,
  startMs: Math.round(monotonicMs() - startedAt),
} satisfies ControllerReply);
