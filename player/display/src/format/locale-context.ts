// The screen's language (from DisplayState.locale) and a translate function bound to it.
import { createContext, useContext } from 'react';
import type { DisplayLocale } from '../../../../shared/display/display-state.ts';
import { translate, type MessageKey } from '../../../../shared/i18n/messages.ts';

export const LocaleContext = createContext<DisplayLocale>('zh-CN');

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function useLocale(): DisplayLocale {
  return useContext(LocaleContext);
}

export function useTranslate(): Translate {
  const locale = useLocale();
  return (key, params) => translate(locale, key, params);
}
