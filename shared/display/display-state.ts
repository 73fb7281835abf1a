// What the player core serves its display on 127.0.0.1: everything the screen needs to render,
// already filtered to showable entries. The display never talks to the controller.

import type { MediaType } from '../content/media-type.ts';
import type { ListKind, PublicEntry } from '../lists/list-entry.ts';
import type { SlideDocument } from '../protocol/manifest.ts';

export type DisplayItem =
  | { kind: 'list'; id: string; list: ListKind; title: string; source: string; durationMs: number; entries: PublicEntry[] }
  | { kind: 'slide'; id: string; durationMs: number; slide: SlideDocument }
  /** `src` is a path on the display server, which serves only verified cached files */
  | { kind: 'image' | 'video'; id: string; durationMs: number; title: string; src: string; mediaType: MediaType };

export type DisplayState =
  | { mode: 'pairing'; pairingCode: string | null; controllerUrl: string; locale: DisplayLocale }
  | {
      mode: 'playing';
      screenName: string;
      manifestVersion: number;
      listRevision: number;
      /** epoch ms (controller-corrected) of the last successful list sync */
      listsUpdatedAt: number | null;
      /** the core's trusted "now" when it produced this state */
      nowMs: number;
      /** true when nothing scheduled, cached and valid remains: show the built-in fallback slide */
      fallback: boolean;
      timeline: DisplayItem[];
      locale: DisplayLocale;
    };

export type DisplayLocale = 'zh-CN' | 'en';

/** Server-sent event name the core emits whenever the state changes. */
export const DISPLAY_STATE_EVENT = 'state';
