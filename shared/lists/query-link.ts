// The QR code a list view may show: a link to the official query page (信用中国 or the city's own),
// one for the whole list in the header or one per entry beside its row. The operator writes the
// address as a template; an entry's values go into it URL-encoded, never as markup.

import { z } from 'zod';
import type { ListKind, PublicEntry } from './list-entry.ts';

/** What a template may ask for: the entry's (masked) code, its name, and which list. */
export const QUERY_LINK_PLACEHOLDERS = ['{code}', '{name}', '{list}'] as const;
const ENTRY_PLACEHOLDERS = ['{code}', '{name}'];
/** Longest template: a QR code of a link much longer than this is too dense to scan from a step away. */
export const MAX_QUERY_LINK_TEMPLATE = 200;

export const listQrSchema = z
  .object({
    /** 'list': one code in the header; 'entry': one per row */
    target: z.enum(['list', 'entry']),
    /** e.g. https://www.creditchina.gov.cn/xinyongxinxi/index.html?keyword={code} */
    urlTemplate: z
      .string()
      .max(MAX_QUERY_LINK_TEMPLATE)
      .regex(/^https?:\/\/[^\s<>"]+$/, 'an http(s) address without spaces or quotes'),
  })
  .superRefine((qr, context) => {
    const unknown = (qr.urlTemplate.match(/\{[^}]*\}/g) ?? []).filter((p) => !(QUERY_LINK_PLACEHOLDERS as readonly string[]).includes(p));
    if (unknown.length > 0) context.addIssue({ code: 'custom', path: ['urlTemplate'], message: `未知的占位符 ${unknown.join('、')}，只能用 ${QUERY_LINK_PLACEHOLDERS.join('、')} (unknown placeholder ${unknown.join(', ')}; use ${QUERY_LINK_PLACEHOLDERS.join(', ')})` });
    if (qr.target === 'list' && ENTRY_PLACEHOLDERS.some((p) => qr.urlTemplate.includes(p))) {
      context.addIssue({ code: 'custom', path: ['urlTemplate'], message: '表头二维码对应整个名单，不能用 {code} 或 {name} (a code for the whole list cannot name one entry: {code} and {name} need target "entry")' });
    }
  });

export type ListQr = z.infer<typeof listQrSchema>;

/** The link for a list or one of its entries; values are URL-encoded where the template puts them. */
export function queryLink(template: string, values: { list: ListKind; entry?: Pick<PublicEntry, 'code' | 'name'> }): string {
  return template
    .replaceAll('{list}', encodeURIComponent(values.list))
    .replaceAll('{code}', encodeURIComponent(values.entry?.code ?? ''))
    .replaceAll('{name}', encodeURIComponent(values.entry?.name ?? ''));
}
