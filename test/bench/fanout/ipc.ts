// The fan-out bench's process plumbing: forking a TypeScript entry under tsx, and typed
// request/reply messages between the orchestrator and its children over the IPC channel.

import { fork, type ChildProcess } from 'node:child_process';

export interface ScreenCredential {
  screenId: string;
  token: string;
}

/** What one client process saw for one awaited version, per simulated screen it hosts. */
export interface AckReport {
  /** monotonic ms at which the screen sent its sync:applied for the version (or newer); the orchestrator replaces it with when the controller recorded it */
  ackedAt: number[];
  /** the screens' own send times, once ackedAt holds the controller's */
  sentAt?: number[];
  /** monotonic ms of the first entries:takedown after the mark, for screens that got one */
  takedownAt: number[];
  /** monotonic ms of each reconnection after the mark (the storm) */
  connectedAt: number[];
  /** bytes each screen received (WebSocket frames: header and payload) from the mark to its ack */
  bytesDown: number[];
  /** bytes each screen sent in the same window */
  bytesUp: number[];
  /** screens that had not acked when the wait timed out */
  missing: number;
  /** syncs that failed (ack timeouts, refusals, a drop mid-sync) since the mark; each is retried */
  syncFailures: number;
  /** failed connection attempts since the mark: monotonic ms and socket.io's reason */
  connectErrors: Array<{ at: number; reason: string }>;
}

export type ClientCommand =
  | { type: 'floor-connect'; url: string; count: number }
  | { type: 'floor-close' }
  | { type: 'screens-connect'; url: string; screens: ScreenCredential[]; manifestVersion: number; listRevision: number }
  | { type: 'mark' }
  | { type: 'await'; version: number; timeoutMs: number }
  | { type: 'screens-close' };

export type ClientReply =
  | { type: 'floor-connected'; connected: number }
  | { type: 'floor-closed' }
  | { type: 'screens-connected'; connected: number; converged: number }
  | { type: 'marked' }
  | { type: 'awaited'; report: AckReport }
  | { type: 'screens-closed' }
  | { type: 'error'; message: string };

export type ControllerCommand =
  | { type: 'gc' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; path: string }
  /** forget the sync:applied recorded so far */
  | { type: 'applied-mark' }
  /** when each screen's sync:applied of `version` or newer was recorded, once `expected` screens have one (or the timeout) */
  | { type: 'applied-await'; version: number; expected: number; timeoutMs: number }
  | { type: 'stop' };

export type ControllerReply =
  | { type: 'ready'; url: string; manifestVersion: number; listRevision: number; startMs: number }
  | { type: 'gc-done'; heapUsed: number; external: number }
  | { type: 'profile-started' }
  | { type: 'profile-stopped' }
  | { type: 'applied-marked' }
  | { type: 'applied-at'; at: number[]; missing: number }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

export type FloorCommand = { type: 'run'; rounds: number; expected: number; timeoutMs: number; gapMs: number } | { type: 'stop' };

export type FloorReply =
  | { type: 'ready'; url: string }
  | { type: 'ran'; latenciesMs: number[][]; missing: number }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

export type FullPlayerCommand =
  | { type: 'start'; url: string; dataDir: string; count: number; manifestVersion: number }
  | { type: 'park' }
  | { type: 'resume'; url: string; manifestVersion: number }
  | { type: 'mark' }
  | { type: 'await'; version: number; timeoutMs: number }
  | { type: 'stop' };

export type FullPlayerReply =
  | { type: 'started'; screenIds: string[]; initialSyncMs: number }
  | { type: 'parked' }
  | { type: 'resumed' }
  | { type: 'marked' }
  | { type: 'awaited'; appliedAt: number[]; missing: number }
  | { type: 'stopped' }
  | { type: 'error'; message: string };

type Message = { type: string };

/** Runs a .ts entry in a child Node process under tsx, with its stdout on our stderr (stdout carries the JSON). */
export function forkTs(entry: string, args: readonly string[], execArgv: readonly string[] = []): ChildProcess {
  return fork(entry, [...args], { execArgv: ['--import', 'tsx', ...execArgv], stdio: ['ignore', 2, 2, 'ipc'] });
}

/** The orchestrator's end of one child: send a command, wait for the reply of a given type. */
export class ChildLink<Command extends Message, Reply extends Message> {
  private readonly inbox: Reply[] = [];
  private readonly waiters = new Set<{ type: string; resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  private failure: Error | null = null;
  private expectExit = false;

  constructor(
    readonly child: ChildProcess,
    readonly name: string,
  ) {
    child.on('message', (raw) => {
      const reply = raw as Reply;
      if (reply.type === 'error') return this.fail(new Error(`${name}: ${(reply as unknown as { message: string }).message}`));
      for (const waiter of this.waiters) {
        if (waiter.type !== reply.type) continue;
        this.waiters.delete(waiter);
        return waiter.resolve(reply);
      }
      this.inbox.push(reply);
    });
    child.on('exit', (code, signal) => {
      if (!this.expectExit) this.fail(new Error(`${name} exited (code ${String(code)}, signal ${String(signal)})`));
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters.clear();
  }

  send(command: Command): void {
    this.child.send(command);
  }

  next<T extends Reply['type']>(type: T, timeoutMs: number): Promise<Extract<Reply, { type: T }>> {
    const queued = this.inbox.findIndex((reply) => reply.type === type);
    if (queued !== -1) return Promise.resolve(this.inbox.splice(queued, 1)[0] as Extract<Reply, { type: T }>);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`${this.name}: no '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        type,
        resolve: (reply: Reply) => {
          clearTimeout(timer);
          resolve(reply as Extract<Reply, { type: T }>);
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  request<T extends Reply['type']>(command: Command, replyType: T, timeoutMs: number): Promise<Extract<Reply, { type: T }>> {
    const reply = this.next(replyType, timeoutMs);
    this.send(command);
    return reply;
  }

  /** SIGKILL, as a crash or an OOM kill would; resolves once the process is gone. */
  kill(): Promise<void> {
    this.expectExit = true;
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }

  /** Waits for the child to leave on its own (after a 'stop'), killing it after graceMs. */
  async exited(graceMs: number): Promise<void> {
    this.expectExit = true;
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }
}

/** The child's end: handle each command in turn; an exception goes back as an 'error' reply. */
export function serveParent<Command extends Message, Reply extends Message>(handle: (command: Command, reply: (message: Reply) => void) => Promise<void> | void): void {
  const reply = (message: Reply | { type: 'error'; message: string }): void => {
    if (process.connected) process.send?.(message);
  };
  let queue: Promise<void> = Promise.resolve();
  process.on('message', (raw) => {
    queue = queue.then(() => handle(raw as Command, reply)).catch((error: unknown) => reply({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  });
  // An orchestrator that died must not leave thousands of sockets behind.
  process.on('disconnect', () => process.exit(0));
}
