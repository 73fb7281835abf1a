// Typed message tables: each page declares its zh-CN texts and an English table with exactly the
// same keys (the compiler refuses a missing or extra key), and reads them through a hook.

import { useLocale } from './locale.tsx';

export type MessageTable<K extends string> = Readonly<Record<K, string>>;

/** `defineMessages(zh, en)` returns the hook a page uses: `const m = useMessages(); m.title`. */
export function defineMessages<K extends string>(zh: MessageTable<K>, en: NoInfer<MessageTable<K>>): () => MessageTable<K> {
  return function useMessages(): MessageTable<K> {
    return useLocale().locale === 'en' ? en : zh;
  };
}

/** Fills `{name}` placeholders: `format('共 {count} 条', { count: 3 })`. Unknown names stay as written. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
