// Child process: hosts a share of the fan-out bench's simulated screens (thin clients) or of the
// floor's plain clients, each its own Socket.IO connection, and reports what they saw.

import { connectFloorClient, type FloorClientSocket } from './floor-client.ts';
import { serveParent, type AckReport, type ClientCommand, type ClientReply } from './ipc.ts';
import { append, sleep } from './stats.ts';
import { startThinClient, type ThinClient } from './thin-client.ts';

/** Connections opened at once while the fleet comes up; the ramp is set-up, not measured. */
const CONNECT_BATCH = 100;
const CONVERGE_TIMEOUT_MS = 120_000;
const POLL_MS = 50;

let floorClients: FloorClientSocket[] = [];
let screens: ThinClient[] = [];

async function connectFloor(url: string, count: number): Promise<number> {
  for (let from = 0; from < count; from += CONNECT_BATCH) {
    const batch = await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, count - from) }, () => connectFloorClient(url)));
    append(floorClients, batch);
  }
  return floorClients.length;
}

/** Polls until every client in `clients` passes `done`, or the timeout; returns those that did not. */
async function waitUntil(clients: readonly ThinClient[], done: (client: ThinClient) => boolean, timeoutMs: number): Promise<ThinClient[]> {
  let waiting = clients.filter((c) => !done(c));
  const deadline = Date.now() + timeoutMs;
  while (waiting.length > 0 && Date.now() < deadline) {
    await sleep(POLL_MS);
    waiting = waiting.filter((c) => !done(c));
  }
  return waiting;
}

async function connectScreens(command: Extract<ClientCommand, { type: 'screens-connect' }>): Promise<number> {
  let notConverged = 0;
  for (let from = 0; from < command.screens.length; from += CONNECT_BATCH) {
    const batch = command.screens.slice(from, from + CONNECT_BATCH).map((credential) =>
      startThinClient({ url: command.url, screenId: credential.screenId, token: credential.token, manifestVersion: command.manifestVersion, listRevision: command.listRevision }),
    );
    append(screens, batch);
    notConverged += (await waitUntil(batch, (c) => c.ackSinceMark(command.manifestVersion) !== null, CONVERGE_TIMEOUT_MS)).length;
  }
  return command.screens.length - notConverged;
}

async function awaitVersion(version: number, timeoutMs: number): Promise<AckReport> {
  const missing = await waitUntil(screens, (c) => c.ackSinceMark(version) !== null, timeoutMs);
  const report: AckReport = { ackedAt: [], takedownAt: [], connectedAt: [], bytesDown: [], bytesUp: [], missing: missing.length, syncFailures: 0, connectErrors: [] };
  for (const screen of screens) {
    const ack = screen.ackSinceMark(version);
    if (ack) {
      report.ackedAt.push(ack.at);
      report.bytesDown.push(ack.down);
      report.bytesUp.push(ack.up);
    }
    const takedown = screen.takedownSinceMark();
    if (takedown !== null) report.takedownAt.push(takedown);
    const firstConnect = screen.connectsSinceMark()[0];
    if (firstConnect !== undefined) report.connectedAt.push(firstConnect);
    report.syncFailures += screen.failuresSinceMark();
    append(report.connectErrors, screen.connectErrorsSinceMark());
  }
  return report;
}

serveParent<ClientCommand, ClientReply>(async (command, reply) => {
  switch (command.type) {
    case 'floor-connect':
      return reply({ type: 'floor-connected', connected: await connectFloor(command.url, command.count) });
    case 'floor-close':
      for (const socket of floorClients) socket.close();
      floorClients = [];
      return reply({ type: 'floor-closed' });
    case 'screens-connect': {
      const converged = await connectScreens(command);
      return reply({ type: 'screens-connected', connected: screens.filter((s) => s.connected()).length, converged });
    }
    case 'mark':
      for (const screen of screens) screen.mark();
      return reply({ type: 'marked' });
    case 'await':
      return reply({ type: 'awaited', report: await awaitVersion(command.version, command.timeoutMs) });
    case 'screens-close':
      for (const screen of screens) screen.close();
      screens = [];
      return reply({ type: 'screens-closed' });
  }
});
