// The admission queue: a bounded number of handshakes in flight, the rest held in arrival order
// (not refused), a slot freed by a greeting, a closed socket or the settle timeout.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { AdmissionLine, createAdmissionQueue, type AdmissionQueue } from '../../../../controller/server/http/admission-queue.ts';
import { waitFor } from '../../../support/wait-for.ts';

describe('admission line', () => {
  it('admits up to the limit, then holds arrivals in order, skips the gone and refuses beyond the line', () => {
    const line = new AdmissionLine<string>(2, 3);
    assert.deepEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((x) => line.arrive(x)), ['admit', 'admit', 'wait', 'wait', 'wait', 'refuse']);
    assert.deepEqual(line.admitNext(() => false), [], 'no slot is free');
    assert.equal(line.release('c'), false, 'a waiting item holds no slot');
    assert.equal(line.release('a'), true);
    assert.equal(line.release('a'), false, 'released once');
    assert.deepEqual(line.admitNext(() => false), ['c']);
    line.release('b');
    line.release('c');
    assert.deepEqual(line.admitNext((x) => x === 'd'), ['e'], 'd gave up waiting');
    assert.equal(line.waitingCount(), 0);
    assert.equal(line.arrive('g'), 'admit', 'a free slot with nobody waiting admits at once');
    assert.equal(line.arrive('h'), 'wait');
  });
});

async function serve(t: { after(fn: () => Promise<void> | void): void }, admission: AdmissionQueue, onConnection: (request: IncomingMessage) => void) {
  const http = createServer();
  const io = new Server(http, { allowRequest: (request, decide) => admission.allowRequest(request, decide) });
  io.on('connection', (socket) => onConnection(socket.request));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clients: ClientSocket[] = [];
  t.after(async () => {
    for (const client of clients) client.close();
    admission.stop();
    await new Promise<void>((resolve) => void io.close(() => resolve()));
  });
  const open = (): ClientSocket => {
    const client = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 10_000 });
    clients.push(client);
    return client;
  };
  return { open };
}

describe('admission queue', () => {
  it('holds connections beyond the limit until one in flight is settled, then lets them in in order', async (t) => {
    const admission = createAdmissionQueue({ maxInFlight: 2, settleTimeoutMs: 60_000 });
    const connected: IncomingMessage[] = [];
    const { open } = await serve(t, admission, (request) => connected.push(request));
    const clients = [open(), open(), open(), open()];
    await waitFor('two connections in', () => connected.length === 2);
    await waitFor('two held', () => admission.stats().waiting === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(connected.length, 2, 'held, not let in');
    assert.deepEqual(clients.map((c) => c.connected), [true, true, false, false]);
    assert.ok(clients.every((c) => c.active), 'held, not refused');

    admission.settled(connected[0]!);
    await waitFor('the third in', () => clients[2]!.connected);
    assert.equal(clients[3]!.connected, false);
    admission.settled(connected[0]!);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(clients[3]!.connected, false, 'settling the same connection twice frees one slot');

    // A connection that closes frees its slot too.
    clients[1]!.close();
    await waitFor('the fourth in', () => clients[3]!.connected);
    assert.deepEqual(admission.stats(), { inFlight: 2, waiting: 0 });
  });

  it('skips a client that gave up while held, and frees a slot nobody settles after the timeout', async (t) => {
    const admission = createAdmissionQueue({ maxInFlight: 1, settleTimeoutMs: 400 });
    const connected: IncomingMessage[] = [];
    const { open } = await serve(t, admission, (request) => connected.push(request));
    const first = open();
    await waitFor('the first in', () => first.connected);
    const impatient = open();
    const patient = open();
    await waitFor('two held', () => admission.stats().waiting === 2);
    impatient.close();
    await waitFor('the patient one in after the first one’s slot timed out', () => patient.connected);
    assert.equal(connected.length, 2, 'the one that gave up never reached the server');
    assert.equal(impatient.connected, false);
  });

  it('refuses at once when the line is full', async (t) => {
    const admission = createAdmissionQueue({ maxInFlight: 1, maxWaiting: 1, settleTimeoutMs: 60_000 });
    const { open } = await serve(t, admission, () => undefined);
    const first = open();
    await waitFor('the first in', () => first.connected);
    open();
    await waitFor('one held', () => admission.stats().waiting === 1);
    const refused = open();
    const error = await new Promise<Error>((resolve) => refused.once('connect_error', resolve));
    assert.match(String((error as Error & { description?: { message?: string } }).description?.message ?? error.message), /400|websocket error/);
  });
});
