// Propaganda content (诚信宣传): slides, images and videos, created by an operator, approved by
// someone else, then part of the rotation. Each is stored as an immutable asset players fetch by hash.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../../shared/canonical-json.ts';
import { slideDocumentSchema, type SlideDocument } from '../../../../shared/protocol/manifest.ts';
import { AppError, notFound } from '../../errors.ts';
import type { ContentKind, Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';
import { mediaKindOf, type MediaType } from '../../../../shared/content/media-type.ts';
import { findPublicTextProblems } from '../../../../shared/emergency/emergency-text.ts';
import type { ApprovedContent } from '../publishing/timeline.ts';
import { writeAssetFile } from './asset-files.ts';
import { listViewDocumentSchema, mediaDocumentSchema, tickerDocumentSchema, type ListViewDocument, type MediaDocument, type TickerDocument } from '../../../../shared/content/documents.ts';

export async function createSlide(db: Kysely<Database>, assetsDir: string, input: { document: SlideDocument; submittedBy: string; now: number }): Promise<{ id: string; sha256: string }> {
  const document = slideDocumentSchema.parse(input.document);
  // A slide is public text like a ticker: an approver should never be the only one to catch an ID number.
  refuseUnfitText({ title: document.title, body: document.body, footer: document.footer });
  const { sha256, bytes } = writeAssetFile(assetsDir, new TextEncoder().encode(canonicalJson(document)));
  const id = randomUUID();
  const position = ((await db.selectFrom('content').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst())?.max ?? 0) + 1;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('assets').values({ sha256, bytes, mediaType: 'application/json', createdAt: input.now }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
    await trx.insertInto('content').values({ id, kind: 'slide' as const, title: document.title, documentJson: JSON.stringify(document), assetSha256: sha256, status: 'pending', position, submittedBy: input.submittedBy, submittedAt: input.now, reviewedBy: null, reviewedAt: null, reviewComment: null }).execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.submittedBy}`, action: 'content.create', target: `content:${id}`, details: { title: document.title, sha256 } });
  });
  return { id, sha256 };
}

export async function reviewSlide(db: Kysely<Database>, input: { id: string; reviewerId: string; approve: boolean; comment: string; now: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('content').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound('content', input.id);
    if (row.status !== 'pending') throw new AppError('content.not-pending', `内容 ${input.id} 不在待审核状态 (status: ${row.status})`, { status: row.status }, 409);
    if (row.submittedBy === input.reviewerId) throw new AppError('review.own-change', '不能审核自己提交的内容 (you cannot approve your own change)', null, 403);
    await trx.updateTable('content').set({ status: input.approve ? 'approved' : 'rejected', reviewedBy: input.reviewerId, reviewedAt: input.now, reviewComment: input.comment }).where('id', '=', input.id).execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.reviewerId}`, action: input.approve ? 'content.approve' : 'content.reject', target: `content:${input.id}`, details: { comment: input.comment } });
  });
}

/** Takes approved content off the screens (the next publish leaves it out); the row and file stay for the record. */
export async function retireContent(db: Kysely<Database>, input: { id: string; actorId: string; reason: string; now: number }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('content').select(['status']).where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound('content', input.id);
    if (row.status !== 'approved') throw new AppError('content.not-approved', `内容 ${input.id} 不在播出中，无需下架 (status: ${row.status})`, { status: row.status }, 409);
    await trx.updateTable('content').set({ status: 'retired' }).where('id', '=', input.id).execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.actorId}`, action: 'content.retire', target: `content:${input.id}`, details: { reason: input.reason } });
  });
}

export async function createMedia(
  db: Kysely<Database>,
  input: { sha256: string; bytes: number; mediaType: MediaType; title: string; durationMs: number; submittedBy: string; now: number },
): Promise<{ id: string; kind: 'image' | 'video'; sha256: string }> {
  const kind = mediaKindOf(input.mediaType);
  const document: MediaDocument = { kind, title: input.title, mediaType: input.mediaType, durationMs: input.durationMs };
  const id = randomUUID();
  const position = ((await db.selectFrom('content').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst())?.max ?? 0) + 1;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('assets').values({ sha256: input.sha256, bytes: input.bytes, mediaType: input.mediaType, createdAt: input.now }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
    await trx.insertInto('content').values({ id, kind, title: input.title, documentJson: JSON.stringify(document), assetSha256: input.sha256, status: 'pending', position, submittedBy: input.submittedBy, submittedAt: input.now, reviewedBy: null, reviewedAt: null, reviewComment: null }).execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.submittedBy}`, action: 'content.create', target: `content:${id}`, details: { kind, title: input.title, sha256: input.sha256, bytes: input.bytes, mediaType: input.mediaType } });
  });
  return { id, kind, sha256: input.sha256 };
}

const UNMASKED_ID_MESSAGE = '文字含有完整的身份证号码，不能在公共屏幕上发布 (the text contains an unmasked ID number and cannot be shown on a public screen)';
const BAD_TEXT_MESSAGE = '只能是纯文本，不能含有 HTML 标记或控制字符 (plain text only: no HTML markup or control characters)';

/**
 * Refuses text a public screen must not show. `texts` are keyed by their request body field, so
 * the refusal names each field at fault (body.title, body.text …) for the editor to mark.
 */
function refuseUnfitText(texts: Readonly<Record<string, string | undefined>>): void {
  const fields = Object.entries(texts).flatMap(([field, text]) => (text ? [{ field, problems: findPublicTextProblems([text]) }] : [])).filter((f) => f.problems.length > 0);
  if (fields.length === 0) return;
  const problems = [...new Set(fields.flatMap((f) => f.problems))];
  const unmasked = problems.includes('unmasked-id');
  const issues = fields.map((f) => ({ path: `body.${f.field}`, code: f.problems[0], message: f.problems.includes('unmasked-id') ? UNMASKED_ID_MESSAGE : BAD_TEXT_MESSAGE }));
  throw new AppError(unmasked ? 'content.unmasked-id' : 'content.bad-text', unmasked ? UNMASKED_ID_MESSAGE : BAD_TEXT_MESSAGE, { problems, issues });
}

/**
 * Tickers and list views travel inside the signed manifest, not as files; their canonical
 * document is still kept as an asset so every content row has a hash for proof of play and audit.
 */
async function createDocumentContent(db: Kysely<Database>, assetsDir: string, input: { document: TickerDocument | ListViewDocument; submittedBy: string; now: number }): Promise<{ id: string; sha256: string }> {
  const { document } = input;
  const { sha256, bytes } = writeAssetFile(assetsDir, new TextEncoder().encode(canonicalJson(document)));
  const id = randomUUID();
  const position = ((await db.selectFrom('content').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst())?.max ?? 0) + 1;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('assets').values({ sha256, bytes, mediaType: 'application/json', createdAt: input.now }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
    await trx.insertInto('content').values({ id, kind: document.kind, title: document.title, documentJson: JSON.stringify(document), assetSha256: sha256, status: 'pending', position, submittedBy: input.submittedBy, submittedAt: input.now, reviewedBy: null, reviewedAt: null, reviewComment: null }).execute();
    await appendAuditEvent(trx, { at: input.now, actor: `user:${input.submittedBy}`, action: 'content.create', target: `content:${id}`, details: { kind: document.kind, title: document.title, sha256 } });
  });
  return { id, sha256 };
}

export async function createTicker(db: Kysely<Database>, assetsDir: string, input: { document: TickerDocument; submittedBy: string; now: number }): Promise<{ id: string; sha256: string }> {
  const document = tickerDocumentSchema.parse(input.document);
  // Without a title of its own a ticker is titled with its text's start, checked with the text.
  refuseUnfitText({ title: document.text.startsWith(document.title) ? undefined : document.title, text: document.text });
  return createDocumentContent(db, assetsDir, { ...input, document });
}

export async function createListView(db: Kysely<Database>, assetsDir: string, input: { document: ListViewDocument; submittedBy: string; now: number }): Promise<{ id: string; sha256: string }> {
  const document = listViewDocumentSchema.parse(input.document);
  refuseUnfitText({ title: document.title, source: document.source });
  const mediaId = document.view.splitMediaContentId;
  if (document.view.layout === 'split' && mediaId === undefined) {
    throw new AppError('content.split-needs-media', '左右分屏布局需要指定图片或视频 (the split layout needs splitMediaContentId: an image or video)', { issues: [{ path: 'body.view.splitMediaContentId', message: 'required by the split layout' }] });
  }
  if (mediaId !== undefined) {
    const media = await db.selectFrom('content').select(['kind']).where('id', '=', mediaId).executeTakeFirst();
    if (!media || (media.kind !== 'image' && media.kind !== 'video')) {
      throw new AppError('content.split-media-unknown', `分屏内容 ${mediaId} 不是图片或视频 (splitMediaContentId must name an image or video)`, { issues: [{ path: 'body.view.splitMediaContentId', message: 'not an image or video' }] });
    }
  }
  return createDocumentContent(db, assetsDir, { ...input, document });
}

export async function approvedContent(db: Kysely<Database>): Promise<ApprovedContent[]> {
  const rows = await db
    .selectFrom('content')
    .innerJoin('assets', 'assets.sha256', 'content.assetSha256')
    .select(['content.id', 'content.kind', 'content.documentJson', 'assets.sha256', 'assets.bytes'])
    .where('content.status', '=', 'approved')
    .orderBy('content.position')
    .execute();
  return rows.map((r): ApprovedContent => {
    if (r.kind === 'slide') return { kind: 'slide', id: r.id, sha256: r.sha256, bytes: r.bytes, document: slideDocumentSchema.parse(JSON.parse(r.documentJson)) };
    if (r.kind === 'ticker') return { kind: 'ticker', id: r.id, document: tickerDocumentSchema.parse(JSON.parse(r.documentJson)) };
    if (r.kind === 'list-view') return { kind: 'list-view', id: r.id, document: listViewDocumentSchema.parse(JSON.parse(r.documentJson)) };
    const media: MediaDocument = mediaDocumentSchema.parse(JSON.parse(r.documentJson));
    return { kind: media.kind, id: r.id, sha256: r.sha256, bytes: r.bytes, title: media.title, mediaType: media.mediaType, durationMs: media.durationMs };
  });
}

/** Every content row, with the display names of who submitted and reviewed it (the console shows names, not ids). */
export async function listContent(db: Kysely<Database>) {
  return db
    .selectFrom('content')
    .leftJoin('users as submitter', 'submitter.id', 'content.submittedBy')
    .leftJoin('users as reviewer', 'reviewer.id', 'content.reviewedBy')
    .selectAll('content')
    .select(['submitter.displayName as submittedByName', 'reviewer.displayName as reviewedByName'])
    .orderBy('content.position')
    .execute();
}

/** The stored file of one content row, whatever its status, for the console to show before approval. */
export async function contentFileOf(db: Kysely<Database>, id: string): Promise<{ sha256: string; mediaType: string }> {
  const row = await db.selectFrom('content').innerJoin('assets', 'assets.sha256', 'content.assetSha256').select(['assets.sha256', 'assets.mediaType']).where('content.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('content', id);
  return row;
}

/** An approved slide's document, for an emergency override to show; null if none is approved under that id. */
export async function approvedSlideDocument(db: Kysely<Database>, id: string): Promise<SlideDocument | null> {
  const row = await db.selectFrom('content').select(['documentJson']).where('id', '=', id).where('kind', '=', 'slide').where('status', '=', 'approved').executeTakeFirst();
  return row ? slideDocumentSchema.parse(JSON.parse(row.documentJson)) : null;
}

/** The kind and status of each named content row that exists; for checking what a playlist names. */
export async function contentKindsOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, { kind: ContentKind; status: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('content').select(['id', 'kind', 'status']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, { kind: row.kind, status: row.status }]));
}
