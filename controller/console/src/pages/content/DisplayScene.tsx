// The display's page around one scene, as its App lays it out: the stage with the scene on its
// theme, and the ticker band below it when tickers run. Rendered inside a DisplayFrame.

import type { ReactNode } from 'react';
import type { DisplayTicker } from '../../../../../shared/display/display-state.ts';
import { TickerBand } from '../../../../../player/display/src/components/TickerBand.tsx';
import { LocaleContext } from '../../../../../player/display/src/format/locale-context.ts';
import type { SceneTheme } from '../../../../../player/display/src/state/scene.ts';

interface DisplaySceneProps {
  theme: SceneTheme;
  tickers?: readonly DisplayTicker[];
  /** what the stage shows; nothing: the theme's empty ground, as between two items */
  children?: ReactNode;
}

export function DisplayScene({ theme, tickers = [], children }: DisplaySceneProps) {
  return (
    <LocaleContext.Provider value="zh-CN">
      <main className="display-root" data-theme={theme} data-ticker={tickers.length > 0} lang="zh-CN">
        <div className="stage">
          <div className={`scene theme-${theme}`} data-scene-state="current">
            {children}
          </div>
        </div>
        {tickers.length > 0 && <TickerBand tickers={tickers} theme={theme} />}
      </main>
    </LocaleContext.Provider>
  );
}
