// Display strings that shared/i18n/messages.ts does not carry yet, keyed and translated the same way (zh-CN default, en).
import type { DisplayLocale } from '../../../../shared/display/display-state.ts';
import { useLocale } from './locale-context.ts';

// Kept here only until shared/i18n/messages.ts takes these keys (it was closed to this change); same shape, so they move as they are.
const DISPLAY_MESSAGES = {
  'zh-CN': {
    'list.page': '第 {page}/{pages} 页',
  },
  en: {
    'list.page': 'Page {page} of {pages}',
  },
} as const satisfies Record<DisplayLocale, Record<string, string>>;

export type DisplayMessageKey = keyof (typeof DISPLAY_MESSAGES)['zh-CN'];

export function translateDisplay(locale: DisplayLocale, key: DisplayMessageKey, params: Record<string, string | number> = {}): string {
  const template: string = DISPLAY_MESSAGES[locale][key] ?? DISPLAY_MESSAGES['zh-CN'][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function useDisplayTranslate(): (key: DisplayMessageKey, params?: Record<string, string | number>) => string {
  const locale = useLocale();
  return (key, params) => translateDisplay(locale, key, params);
}
