// The kiosk display: picks the scene for the core's state and renders it full-screen.
import { useCallback, useMemo } from 'react';
import { EmergencyView } from './components/EmergencyView.tsx';
import { FallbackSlide } from './components/FallbackSlide.tsx';
import { IdentifyOverlay } from './components/IdentifyOverlay.tsx';
import { MediaView } from './components/MediaView.tsx';
import { PairingScreen } from './components/PairingScreen.tsx';
import { RollingList } from './components/RollingList.tsx';
import { SlideView } from './components/SlideView.tsx';
import { Stage } from './components/Stage.tsx';
import { TickerBand } from './components/TickerBand.tsx';
import { LocaleContext } from './format/locale-context.ts';
import { CoreClockContext, coreClockFrom } from './state/core-clock.ts';
import { playableTimeline, refreshScene, sceneFor, tickersOf, type Scene } from './state/scene.ts';
import { useDisplayReport } from './state/use-display-report.ts';
import { useDisplayState } from './state/use-display-state.ts';
import { useFirstPaintWait, useShownState } from './state/use-entry-sets.ts';
import { useMediaPreload } from './state/use-media-preload.ts';
import { useTimelineCursor } from './state/use-timeline-cursor.ts';
import { useTypeScale } from './state/use-type-scale.ts';

export function App({ token }: { token: string }) {
  const snapshot = useDisplayState(token);
  const state = useShownState(token, snapshot?.state ?? null);
  const clock = useMemo(() => coreClockFrom(snapshot), [snapshot]);
  const timeline = playableTimeline(state);
  const currentItem = useTimelineCursor(timeline);
  useMediaPreload(timeline, currentItem);
  const scene = sceneFor(state, currentItem);
  useDisplayReport(token, scene);
  const listsUpdatedAt = state?.mode === 'playing' ? state.listsUpdatedAt : null;
  const tickers = tickersOf(state);
  const typeScale = useTypeScale(state?.screen ?? null);
  // Before the first state, for a moment, the screen's plain ground (never black) rather than the
  // fallback slide: painting a slide only to fade it out again held back the first rows.
  const booting = useFirstPaintWait() && state === null;

  const renderScene = useCallback(
    (shown: Scene) => {
      const fresh = refreshScene(shown, timeline);
      switch (fresh.kind) {
        case 'pairing':
          return <PairingScreen pairingCode={fresh.pairingCode} controllerUrl={fresh.controllerUrl} />;
        case 'fallback':
          return <FallbackSlide />;
        case 'list':
          return <RollingList item={fresh.item} listsUpdatedAt={listsUpdatedAt} />;
        case 'slide':
          return <SlideView slide={fresh.item.slide} />;
        case 'media':
          return <MediaView item={fresh.item} />;
        case 'emergency':
          return <EmergencyView emergency={fresh.emergency} />;
      }
    },
    [timeline, listsUpdatedAt],
  );

  return (
    <LocaleContext.Provider value={state?.locale ?? 'zh-CN'}>
      <CoreClockContext.Provider value={clock}>
        <main
          className="display-root"
          data-testid="display-root"
          data-mode={state?.mode ?? 'waiting'}
          data-item-kind={scene.kind}
          data-theme={scene.theme}
          lang={state?.locale ?? 'zh-CN'}
          data-ticker={tickers.length > 0}
          data-type-scale={typeScale.scale.toFixed(2)}
          data-type-legible={typeScale.legible}
          data-contrast={state?.contrast ?? 'normal'}
        >
          {/* The band takes its height from the stage, not from over it: no row is ever hidden under it. */}
          <div className="stage" data-testid="stage">
            {!booting && <Stage scene={scene} renderScene={renderScene} />}
          </div>
          {tickers.length > 0 && <TickerBand tickers={tickers} theme={scene.theme} />}
          {state?.mode === 'playing' && typeof state.identifyUntil === 'number' ? <IdentifyOverlay screenName={state.screenName} until={state.identifyUntil} /> : null}
        </main>
      </CoreClockContext.Provider>
    </LocaleContext.Provider>
  );
}
