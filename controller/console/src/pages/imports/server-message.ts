// The controller writes its messages as "中文说明 (English gist)"; the console shows the reader's half.

import type { Locale } from '../../i18n/locale.tsx';

const HAN = /[\u4e00-\u9fff]/;

/** Splits at the parenthesis that closes the message; null when the message is not in that form. */
export function splitBilingual(message: string): { zh: string; en: string } | null {
  const text = message.trim();
  if (!text.endsWith(')')) return null;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charAt(i);
    if (c === ')') depth += 1;
    else if (c === '(' && --depth === 0) {
      const zh = text.slice(0, i).trim();
      const en = text.slice(i + 1, -1).trim();
      // "（2025）蒙03执1号 (…)" has Han on the left; an English message with a parenthesis has none.
      return HAN.test(zh) && !HAN.test(en) && en !== '' ? { zh, en } : null;
    }
  }
  return null;
}

export function messageIn(message: string, locale: Locale): string {
  const split = splitBilingual(message);
  if (split === null) return message;
  return locale === 'en' ? split.en : split.zh;
}
