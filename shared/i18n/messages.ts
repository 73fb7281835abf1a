// User-facing strings for the display and the console. zh-CN is the default; en is complete.

export const MESSAGES = {
  'zh-CN': {
    'list.red.title': '守信红名单',
    'list.black.title': '失信黑名单',
    'list.column.name': '名称',
    'list.column.code': '统一社会信用代码/证件号码',
    'list.column.reason': '列入原因',
    'list.column.authority': '认定部门',
    'list.column.listedOn': '列入日期',
    'list.updatedAt': '更新时间',
    'list.source': '数据来源',
    'list.empty': '暂无公示信息',
    'list.qr.caption': '扫码查询',
    'list.count': '共 {count} 条',
    'list.page': '第 {page}/{pages} 页',
    'pairing.title': '屏幕待配对',
    'pairing.instructions': '请在管理控制台“屏幕”页面输入以下配对码',
    'pairing.waiting': '正在连接控制中心…',
    'fallback.title': '诚信建设 人人有责',
    'fallback.body': '守信光荣 失信可耻',
    'stale.title': '数据更新中',
    'stale.body': '本屏暂时无法获取最新名单，恢复连接后将自动更新',
    'list.sourceLine': '数据来源：{source}',
    'list.updatedAtLine': '更新时间：{time}',
    'identify.label': '本屏名称',
    'emergency.label': '紧急通知',
  },
  en: {
    'list.red.title': 'Red list (trustworthy)',
    'list.black.title': 'Black list (dishonest)',
    'list.column.name': 'Name',
    'list.column.code': 'Credit code / ID number',
    'list.column.reason': 'Reason',
    'list.column.authority': 'Authority',
    'list.column.listedOn': 'Listed on',
    'list.updatedAt': 'Updated',
    'list.source': 'Source',
    'list.empty': 'No entries to show',
    'list.qr.caption': 'Scan to check',
    'list.count': '{count} entries',
    'list.page': 'Page {page} of {pages}',
    'pairing.title': 'Screen not paired',
    'pairing.instructions': 'Enter this pairing code on the Screens page of the console',
    'pairing.waiting': 'Connecting to the controller…',
    'fallback.title': 'Integrity is everyone’s duty',
    'fallback.body': 'Honour in keeping faith',
    'stale.title': 'Data is being updated',
    'stale.body': 'This screen cannot reach the latest lists right now; they will update once it reconnects',
    'list.sourceLine': 'Source: {source}',
    'list.updatedAtLine': 'Updated: {time}',
    'identify.label': 'This screen',
    'emergency.label': 'Emergency notice',
  },
} as const;

export type Locale = keyof typeof MESSAGES;
export type MessageKey = keyof (typeof MESSAGES)['zh-CN'];

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = MESSAGES[locale][key] ?? MESSAGES['zh-CN'][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
