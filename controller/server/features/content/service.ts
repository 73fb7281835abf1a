// Propaganda content (诚信宣传): slides, images and videos, created by an operator, approved by
// someone else, then part of the rotation. Each is stored as an immutable asset players fetch by hash.

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../../shared/canonical-json.ts';
import { slideDocumentSchema, type SlideDocument } from '../../../../shared/protocol/manifest.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Database } from '../../store/schema.ts';
import { appendAuditEvent } from '../audit/store.ts';
import { z } from 'zod';
import { MEDIA_TYPES, mediaKindOf, type MediaType } from '../../../../shared/content/media-type.ts';
import type { ApprovedContent } from '../publishing/timeline.ts';
import { writeAssetFile } from './asset-files.ts';

export async function createSlide(db: Kysely<Database>, assetsDir: string, input: { document: SlideDocument; submittedBy: string; now: number }): Promise<{ id: string; sha256: string }> {
  const document = slideDocumentSchema.parse(input.document);
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

/** What a media row keeps in document_json: the asset is the file itself. Parsed on the way out, as slides are: a bad row must fail here, not in every player's manifest check. */
const mediaDocumentSchema = z.object({
  kind: z.enum(['image', 'video']),
  title: z.string().min(1).max(200),
  mediaType: z.enum(MEDIA_TYPES),
  durationMs: z.number().int().min(3_000).max(3_600_000),
});
type MediaDocument = z.infer<typeof mediaDocumentSchema>;

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
    const media = mediaDocumentSchema.parse(JSON.parse(r.documentJson));
    return { kind: media.kind, id: r.id, sha256: r.sha256, bytes: r.bytes, title: media.title, mediaType: media.mediaType, durationMs: media.durationMs };
  });
}

export async function listContent(db: Kysely<Database>) {
  return db.selectFrom('content').selectAll().orderBy('position').execute();
}

/** An approved slide's document, for an emergency override to show; null if none is approved under that id. */
export async function approvedSlideDocument(db: Kysely<Database>, id: string): Promise<SlideDocument | null> {
  const row = await db.selectFrom('content').select(['documentJson']).where('id', '=', id).where('kind', '=', 'slide').where('status', '=', 'approved').executeTakeFirst();
  return row ? slideDocumentSchema.parse(JSON.parse(row.documentJson)) : null;
}
