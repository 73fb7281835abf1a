// Child process: the fan-out bench's floor, a plain Socket.IO server on the same machine. Each round
// it emits one small event to every connected client and times, per client, emit → its reply.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { PLAYER_NAMESPACE } from '../../../shared/protocol/version.ts';
import type { FloorEvents } from './floor-client.ts';
import { serveParent, type FloorCommand, type FloorReply } from './ipc.ts';
import { monotonicMs, sleep } from './stats.ts';

const http = createServer();
// The controller's Socket.IO options, less what only concerns its handlers.
const io = new Server<FloorEvents, FloorEvents>(http, { maxHttpBufferSize: 256 * 1024, serveClient: false });
const nsp = io.of(PLAYER_NAMESPACE);

let pending: { round: number; sentAt: number; latencies: number[]; expected: number; done: () => void } | null = null;
nsp.on('connection', (socket) => {
  socket.on('pong', (round) => {
    const now = monotonicMs();
    if (!pending || round !== pending.round) return;
    pending.latencies.push(now - pending.sentAt);
    if (pending.latencies.length === pending.expected) pending.done();
  });
});

await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

async function runRound(round: number, expected: number, timeoutMs: number): Promise<number[]> {
  const latencies: number[] = [];
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    pending = { round, sentAt: monotonicMs(), latencies, expected, done: () => (clearTimeout(timer), resolve()) };
    nsp.emit('ping', round);
  });
  pending = null;
  return latencies;
}

serveParent<FloorCommand, FloorReply>(async (command, reply) => {
  if (command.type === 'run') {
    const latenciesMs: number[][] = [];
    let missing = 0;
    for (let round = 1; round <= command.rounds; round++) {
      const latencies = await runRound(round, command.expected, command.timeoutMs);
      latenciesMs.push(latencies);
      missing += command.expected - latencies.length;
      await sleep(command.gapMs);
    }
    reply({ type: 'ran', latenciesMs, missing });
  } else if (command.type === 'stop') {
    io.disconnectSockets(true);
    await new Promise<void>((resolve) => void io.close(() => resolve()));
    reply({ type: 'stopped' });
    process.exit(0);
  }
});
process.send?.({ type: 'ready', url } satisfies FloorReply);
