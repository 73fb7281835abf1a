// Texts of the live preview shared by the editors: the screen shapes and what the preview is.

import { defineMessages } from '../../i18n/messages.ts';
import type { ScreenSizeKey } from './screen-sizes.ts';

export const usePreviewMessages = defineMessages<`screen.${ScreenSizeKey}` | 'heading' | 'note' | 'frameTitle' | 'scale'>(
  {
    'screen.1920x1080': '横屏 1920×1080',
    'screen.1080x1920': '竖屏 1080×1920',
    'screen.3840x2160': '4K 3840×2160',
    'screen.1536x256': '条屏 1536×256',
    heading: '实时预览',
    note: '预览使用屏幕端的显示组件和样式，按所选屏幕的实际像素排版后缩小显示。',
    frameTitle: '屏幕预览',
    scale: '{aspect} · 缩放 {percent}%',
  },
  {
    'screen.1920x1080': 'Landscape 1920×1080',
    'screen.1080x1920': 'Portrait 1080×1920',
    'screen.3840x2160': '4K 3840×2160',
    'screen.1536x256': 'LED strip 1536×256',
    heading: 'Live preview',
    note: 'Drawn by the screen’s own display components and styles, laid out at the chosen screen’s real pixel size and shown smaller.',
    frameTitle: 'Screen preview',
    scale: '{aspect} · {percent}% scale',
  },
);
