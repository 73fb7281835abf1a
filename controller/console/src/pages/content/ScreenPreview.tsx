// The editors' live preview: a choice of screen shape over the display's page drawn at that screen's size.

import { Flex, Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';
import { format } from '../../i18n/messages.ts';
import { DisplayFrame } from './DisplayFrame.tsx';
import { usePreviewMessages } from './preview-messages.ts';
import { aspectLabel, SCREEN_SIZES, screenSizeOf, type ScreenSizeKey } from './screen-sizes.ts';

interface ScreenPreviewProps {
  screen: ScreenSizeKey;
  onScreenChange: (screen: ScreenSizeKey) => void;
  maxHeight: number;
  /** the display's page (a DisplayScene) */
  children: ReactNode;
}

export function ScreenPreview({ screen, onScreenChange, maxHeight, children }: ScreenPreviewProps) {
  const m = usePreviewMessages();
  const size = screenSizeOf(screen);
  return (
    <Flex vertical gap={12}>
      <Segmented<ScreenSizeKey> block value={screen} onChange={onScreenChange} options={SCREEN_SIZES.map((s) => ({ value: s.key, label: m[`screen.${s.key}`] }))} data-testid="preview-screen" />
      <DisplayFrame
        size={size}
        maxHeight={maxHeight}
        title={m.frameTitle}
        caption={(scale) => (
          <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', marginTop: 8, fontSize: 12 }}>
            {format(m.scale, { aspect: aspectLabel(size), percent: Math.round(scale * 100) })}
          </Typography.Text>
        )}
      >
        {children}
      </DisplayFrame>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.note}</Typography.Text>
    </Flex>
  );
}
