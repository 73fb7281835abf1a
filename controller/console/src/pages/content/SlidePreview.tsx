// A slide as a screen will show it: the display's own SlideView on its theme, at the chosen screen's size.

import { useState } from 'react';
import { SlideView } from '../../../../../player/display/src/components/SlideView.tsx';
import type { SlideDocument } from '../../../../../shared/protocol/manifest.ts';
import { DisplayScene } from './DisplayScene.tsx';
import { ScreenPreview } from './ScreenPreview.tsx';
import { DEFAULT_SCREEN_KEY, type ScreenSizeKey } from './screen-sizes.ts';

export function SlidePreview({ slide, maxHeight = 560 }: { slide: SlideDocument; maxHeight?: number }) {
  const [screen, setScreen] = useState<ScreenSizeKey>(DEFAULT_SCREEN_KEY);
  return (
    <ScreenPreview screen={screen} onScreenChange={setScreen} maxHeight={maxHeight}>
      <DisplayScene theme={slide.theme}>
        <SlideView slide={slide} />
      </DisplayScene>
    </ScreenPreview>
  );
}
