// Which playlist the screen plays now, re-evaluated only when the answer can have changed: the
// schedule evaluator walks every window over ~16 days, too much for a 1 s tick on a small board.

import type { Manifest } from '../../../shared/protocol/manifest.ts';
import { evaluateSchedule, type ScheduleDecision } from '../../../shared/schedules/evaluate-schedule.ts';
import { isValidTimeZone } from '../../../shared/schedules/zoned-time.ts';

export interface ProgrammeInputs {
  manifest: Manifest | null;
  screenGroupIds: readonly string[];
  /** the screen's IANA zone as the controller set it; null or unknown: fallbackTimeZone */
  timeZone: string | null;
  nowMs: number;
}

/** The zone of the machine the player runs on: the best guess before the controller has said. */
export function hostTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

// How soon a failed evaluation is tried again (the 1 s tick asks; the decider re-evaluates then).
const RETRY_AFTER_FAILURE_MS = 60_000;

/** The default playlist, for when the schedules cannot be evaluated; null without a programme. */
export function defaultPlaylistDecision(manifest: Manifest | null, nowMs: number): ScheduleDecision | null {
  if (!manifest?.programme) return null;
  return { playlistId: manifest.programme.defaultPlaylistId, source: { kind: 'default' }, sinceMs: null, nextChangeAtMs: nowMs + RETRY_AFTER_FAILURE_MS };
}

export class ProgrammeDecider {
  #key = '';
  #decision: ScheduleDecision | null = null;
  #evaluatedAtMs = Number.NEGATIVE_INFINITY;
  readonly #fallbackTimeZone: string;

  constructor(fallbackTimeZone: string = hostTimeZone()) {
    this.#fallbackTimeZone = fallbackTimeZone;
  }

  /** The decision for nowMs; null when the manifest has no programme (the timeline is the rotation). */
  decide(inputs: ProgrammeInputs): ScheduleDecision | null {
    const { manifest, nowMs } = inputs;
    if (!manifest?.programme) return null;
    const timeZone = inputs.timeZone !== null && isValidTimeZone(inputs.timeZone) ? inputs.timeZone : this.#fallbackTimeZone;
    const key = `${manifest.version}\n${timeZone}\n${[...inputs.screenGroupIds].sort().join(',')}`;
    const current = this.#decision;
    // A clock stepped back (the controller's time replacing a fast local one) can land before the
    // answer's start, so that re-evaluates too.
    const stillHolds = current !== null && key === this.#key && nowMs < current.nextChangeAtMs && nowMs >= this.#evaluatedAtMs;
    if (stillHolds) return current;
    const decision = evaluateSchedule(manifest.programme.schedules, {
      nowMs,
      timeZone,
      screenGroupIds: inputs.screenGroupIds,
      defaultPlaylistId: manifest.programme.defaultPlaylistId,
    });
    this.#key = key;
    this.#decision = decision;
    this.#evaluatedAtMs = nowMs;
    return decision;
  }
}
