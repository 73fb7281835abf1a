// Decides what fills the screen for a given state: pairing, the fallback slide, or a timeline item.
import type { DisplayEmergency, DisplayItem, DisplayState, DisplayTicker } from '../../../../shared/display/display-state.ts';

export type SceneTheme = 'integrity' | 'red' | 'black' | 'emergency';

export type Scene =
  | { kind: 'pairing'; key: 'pairing'; theme: 'integrity'; pairingCode: string | null; controllerUrl: string }
  | { kind: 'fallback'; key: 'fallback'; theme: 'integrity' }
  | { kind: 'emergency'; key: string; theme: 'emergency'; emergency: DisplayEmergency }
  | { kind: 'list'; key: string; theme: 'red' | 'black'; item: Extract<DisplayItem, { kind: 'list' }> }
  | { kind: 'slide'; key: string; theme: SceneTheme; item: Extract<DisplayItem, { kind: 'slide' }> }
  | { kind: 'media'; key: string; theme: 'integrity'; item: Extract<DisplayItem, { kind: 'image' | 'video' }> };

const FALLBACK_SCENE: Scene = { kind: 'fallback', key: 'fallback', theme: 'integrity' };

/** The timeline to cycle, or null when the fallback slide must show instead. */
export function playableTimeline(state: DisplayState | null): readonly DisplayItem[] | null {
  if (state === null || state.mode !== 'playing' || state.fallback || state.timeline.length === 0) return null;
  return state.timeline;
}

// Keys carry the kind so a slide and a list that share an id still cross-fade.
function sceneOfItem(item: DisplayItem): Scene {
  if (item.kind === 'list') return { kind: 'list', key: `list:${item.id}`, theme: item.list, item };
  if (item.kind === 'slide') return { kind: 'slide', key: `slide:${item.id}`, theme: item.slide.theme, item };
  return { kind: 'media', key: `${item.kind}:${item.id}`, theme: 'integrity', item };
}

/** With no state yet (or none ever), the fallback slide: the screen is never black. */
export function sceneFor(state: DisplayState | null, currentItem: DisplayItem | null): Scene {
  if (state?.mode === 'pairing') {
    return {
      kind: 'pairing',
      key: 'pairing',
      theme: 'integrity',
      pairingCode: state.pairingCode,
      controllerUrl: state.controllerUrl,
    };
  }
  // An emergency override covers everything, the fallback slide included, until it ends.
  if (state?.mode === 'playing' && state.emergency) return { kind: 'emergency', key: `emergency:${state.emergency.id}`, theme: 'emergency', emergency: state.emergency };
  if (playableTimeline(state) === null || currentItem === null) return FALLBACK_SCENE;
  return sceneOfItem(currentItem);
}

/**
 * Gives a scene the freshest data for its item, so a scene fading out cannot keep showing an
 * entry that a newer state has removed.
 */
export function refreshScene(scene: Scene, timeline: readonly DisplayItem[] | null): Scene {
  if ((scene.kind !== 'list' && scene.kind !== 'slide' && scene.kind !== 'media') || timeline === null) return scene;
  const fresh = timeline.find((item) => sceneOfItem(item).key === scene.key);
  return fresh ? sceneOfItem(fresh) : scene;
}

const NO_TICKERS: readonly DisplayTicker[] = [];

/**
 * The ticker bands to run under the scene: only while playing (over the fallback slide too), never
 * on the pairing screen, and never under an emergency override, which must stand alone.
 */
export function tickersOf(state: DisplayState | null): readonly DisplayTicker[] {
  if (state?.mode !== 'playing' || state.emergency || !state.tickers || state.tickers.length === 0) return NO_TICKERS;
  return state.tickers;
}
