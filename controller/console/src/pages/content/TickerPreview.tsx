// A ticker as a screen runs it: the display's own ticker band crawling under a scene, at the chosen screen's size.

import { Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import type { DisplayTicker } from '../../../../../shared/display/display-state.ts';
import { DisplayScene } from './DisplayScene.tsx';
import { ScreenPreview } from './ScreenPreview.tsx';
import { DEFAULT_SCREEN_KEY, type ScreenSizeKey } from './screen-sizes.ts';
import { SLIDE_THEMES } from './SlideForm.tsx';
import { useSlideEditorMessages } from './slide-editor-messages.ts';
import { useTickerMessages } from './ticker-messages.ts';

type Theme = (typeof SLIDE_THEMES)[number];

export function TickerPreview({ ticker, maxHeight }: { ticker: DisplayTicker; maxHeight: number }) {
  const m = useTickerMessages();
  const sm = useSlideEditorMessages();
  const [screen, setScreen] = useState<ScreenSizeKey>(DEFAULT_SCREEN_KEY);
  // The band's rule and separators take the colours of what plays above it.
  const [theme, setTheme] = useState<Theme>('integrity');
  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8}>
        <Typography.Text type="secondary">{m.previewTheme}</Typography.Text>
        <Segmented<Theme> size="small" value={theme} onChange={setTheme} options={SLIDE_THEMES.map((t) => ({ value: t, label: sm[`theme.${t}`] }))} />
      </Flex>
      <ScreenPreview screen={screen} onScreenChange={setScreen} maxHeight={maxHeight}>
        <DisplayScene theme={theme} tickers={[ticker]} />
      </ScreenPreview>
    </Flex>
  );
}
