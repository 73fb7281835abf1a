// Admits new Socket.IO connections a bounded number at a time and holds the rest, in arrival
// order, until a slot frees. After a restart ten thousand screens return within seconds. Let in
// all at once they share the event loop: every handshake slows down together, many pass the
// player's 20 s connect timeout half-done, and that work is wasted. Refused, they come back only
// after their back-off (up to 15 s) while the controller idles. Held, a waiting screen costs one
// parked socket, and each is let in as soon as one in flight has been greeted.

import type { IncomingMessage } from 'node:http';

/** Handshakes let in at once: enough to cover the round trips of a handshake, few enough to finish fast. */
export const MAX_IN_FLIGHT = 128;
/** A connection that is never reported settled frees its slot after this (a refused token, a lost client). */
export const SETTLE_TIMEOUT_MS = 5_000;
/** Beyond this many waiting, new requests are refused: each holds a socket and a file descriptor. */
export const MAX_WAITING = 50_000;

type Decide = (error: string | null | undefined, success: boolean) => void;

/** The waiting line and the slots, without sockets or timers: what to admit and when. */
export class AdmissionLine<T> {
  private readonly inFlight = new Set<T>();
  private waiting: T[] = [];
  private head = 0;

  constructor(
    private readonly maxInFlight: number,
    private readonly maxWaiting: number,
  ) {}

  /** 'admit' now, 'wait' for a slot, or 'refuse' when the line is full. */
  arrive(item: T): 'admit' | 'wait' | 'refuse' {
    if (this.inFlight.size < this.maxInFlight && this.waitingCount() === 0) {
      this.inFlight.add(item);
      return 'admit';
    }
    if (this.waitingCount() >= this.maxWaiting) return 'refuse';
    this.waiting.push(item);
    return 'wait';
  }

  /** Frees the item's slot; false when it held none (already released, or never admitted). */
  release(item: T): boolean {
    return this.inFlight.delete(item);
  }

  /** The waiting items that now get slots, oldest first; `gone` ones are dropped from the line. */
  admitNext(gone: (item: T) => boolean): T[] {
    const admitted: T[] = [];
    while (this.inFlight.size < this.maxInFlight && this.head < this.waiting.length) {
      const next = this.waiting[this.head++] as T;
      if (gone(next)) continue;
      this.inFlight.add(next);
      admitted.push(next);
    }
    // Drop the consumed front now and then, so the array does not grow for the process's life.
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
    return admitted;
  }

  waitingCount(): number {
    return this.waiting.length - this.head;
  }

  inFlightCount(): number {
    return this.inFlight.size;
  }
}

export interface AdmissionQueue {
  /** engine.io's allowRequest: called once per new connection, before its handshake */
  allowRequest(request: IncomingMessage, decide: Decide): void;
  /** the connection this request opened has been greeted or refused: its slot goes to the next in line */
  settled(request: IncomingMessage): void;
  stats(): { inFlight: number; waiting: number };
  stop(): void;
}

export function createAdmissionQueue(options: { maxInFlight?: number; settleTimeoutMs?: number; maxWaiting?: number } = {}): AdmissionQueue {
  const settleTimeoutMs = options.settleTimeoutMs ?? SETTLE_TIMEOUT_MS;
  const line = new AdmissionLine<IncomingMessage>(options.maxInFlight ?? MAX_IN_FLIGHT, options.maxWaiting ?? MAX_WAITING);
  /** the engine's callback of each request not yet admitted */
  const decisions = new Map<IncomingMessage, Decide>();
  const timers = new Map<IncomingMessage, NodeJS.Timeout>();
  let admitting: NodeJS.Immediate | null = null;
  let stopped = false;

  function admit(request: IncomingMessage): void {
    const decide = decisions.get(request);
    decisions.delete(request);
    const timer = setTimeout(() => release(request), settleTimeoutMs);
    timer.unref();
    timers.set(request, timer);
    request.socket.once('close', () => release(request));
    decide?.(null, true);
  }

  function release(request: IncomingMessage): void {
    const timer = timers.get(request);
    if (timer) clearTimeout(timer);
    timers.delete(request);
    if (!line.release(request) || admitting || stopped) return;
    // On the next turn, not inside the caller: release runs from a greeting or a socket's close.
    admitting = setImmediate(() => {
      admitting = null;
      // A client that gave up waiting (its own connect timeout) is skipped without any work.
      const gone = (request: IncomingMessage) => request.socket.destroyed && decisions.delete(request);
      for (const next of line.admitNext(gone)) admit(next);
    });
  }

  return {
    allowRequest(request, decide) {
      const outcome = stopped ? 'refuse' : line.arrive(request);
      if (outcome === 'refuse') return decide('overloaded', false);
      decisions.set(request, decide);
      if (outcome === 'admit') admit(request);
    },
    settled: release,
    stats: () => ({ inFlight: line.inFlightCount(), waiting: line.waitingCount() }),
    stop() {
      stopped = true;
      if (admitting) clearImmediate(admitting);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      for (const decide of decisions.values()) decide('overloaded', false);
      decisions.clear();
    },
  };
}
