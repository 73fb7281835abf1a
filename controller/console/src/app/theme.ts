// The console's look: antd's default light theme with the credit-red brand colour and CJK fonts
// first, so Chinese text is never drawn in a fallback face.

import type { ThemeConfig } from 'antd';

export const CONSOLE_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#b3261e',
    borderRadius: 4,
    fontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
  },
};
