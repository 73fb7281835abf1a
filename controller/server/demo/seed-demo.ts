// Fills an empty controller with the demo: one user per role, masking policies, a red and a
// black list imported and approved through the normal four-eyes path, and two slides.
// Demo users exist only when the controller runs in demo mode.

import type { Kysely } from 'kysely';
import { calendarDateAt } from '../../../shared/dates/calendar-date.ts';
import type { ControllerContext } from '../context.ts';
import type { Database } from '../store/schema.ts';
import { approveChangeSet } from '../features/change-sets/service.ts';
import { createSlide, createTicker, reviewSlide } from '../features/content/service.ts';
import { importFile } from '../features/imports/service.ts';
import { setPolicy } from '../features/policies/service.ts';
import { createScreenGroup } from '../features/screen-groups/service.ts';
import { ROLES } from '../../../shared/auth/roles.ts';
import { createUser, type SessionUser } from '../features/users/service.ts';
import { demoListRows, toCsv } from './demo-lists.ts';

export const DEMO_PASSWORD = 'gongshi-demo';

const DEMO_DISPLAY_NAMES: Record<(typeof ROLES)[number], string> = {
  admin: '系统管理员（演示）',
  operator: '信息录入员（演示）',
  approver: '审核员（演示）',
  technician: '运维技术员（演示）',
  auditor: '审计员（演示）',
};

const DEMO_SLIDES = [
  { title: '诚信建设 人人有责', body: '守信光荣 失信可耻\n共建“信用乌海” 共享诚信红利', theme: 'integrity' as const, footer: '乌海市社会信用体系建设领导小组办公室' },
  { title: '守信联合激励 失信联合惩戒', body: '一处失信 处处受限\n信用记录可在“信用乌海”网站查询，异议可依法申请更正', theme: 'integrity' as const, footer: '信用查询：信用乌海' },
];

async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

const DEMO_TICKER_TEXT = '信用修复、异议申诉请拨打 12345 政务服务便民热线 · 诚信建设 人人有责（演示数据）';

export async function seedDemo(ctx: ControllerContext): Promise<boolean> {
  const { db } = ctx;
  if (!(await isEmpty(db))) return false;
  const now = ctx.now();
  const users = {} as Record<(typeof ROLES)[number], SessionUser>;
  for (const role of ROLES) {
    users[role] = await createUser(db, { username: role, displayName: DEMO_DISPLAY_NAMES[role], password: DEMO_PASSWORD, roles: [role], now, actor: 'system:demo' });
  }
  // Courts publish dishonest judgment debtors' full names; other categories show the surname.
  await setPolicy(db, { category: '失信被执行人', policy: { nameDisplay: 'full', idKeepStart: 6, idKeepEnd: 4, publicationMonths: null }, actorId: users.admin.id, now });

  const today = calendarDateAt(now, ctx.config.utcOffsetMinutes);
  const lists = [
    { list: 'red' as const, rows: demoListRows('red', today, 12, 2017) },
    { list: 'black' as const, rows: demoListRows('black', today, 15, 610) },
  ];
  for (const { list, rows } of lists) {
    const { changeSetId } = await importFile(ctx.store, { bytes: new TextEncoder().encode(toCsv(rows)), fileName: `demo-${list}-list.csv`, list, submittedBy: users.operator.id, now, today });
    if (!changeSetId) throw new Error(`demo ${list} list produced no change set`);
    await approveChangeSet(db, { changeSetId, reviewerId: users.approver.id, comment: '演示数据审核通过', confirmWarnings: true, now, today });
  }
  // One update left pending, so the approver's review queue has work to show in the demo.
  await importFile(ctx.store, { bytes: new TextEncoder().encode(toCsv(demoListRows('red', today, 3, 4242))), fileName: 'demo-red-list-update.csv', list: 'red', submittedBy: users.operator.id, now, today });
  await createScreenGroup(db, { name: '市民服务中心大厅', actorId: users.admin.id, now });
  for (const slide of DEMO_SLIDES) {
    const { id } = await createSlide(db, ctx.assetsDir, { document: { kind: 'slide', ...slide }, submittedBy: users.operator.id, now });
    await reviewSlide(db, { id, reviewerId: users.approver.id, approve: true, comment: '演示内容审核通过', now });
  }
  // A ticker band, so the demo shows one; the number is the national government service hotline.
  const ticker = await createTicker(db, ctx.assetsDir, { document: { kind: 'ticker', title: '信用咨询热线', text: DEMO_TICKER_TEXT, pxPerSecond: 110 }, submittedBy: users.operator.id, now });
  await reviewSlide(db, { id: ticker.id, reviewerId: users.approver.id, approve: true, comment: '演示内容审核通过', now });
  await ctx.publishAndAnnounce('demo seeded');
  return true;
}
