// Upload of a list file: every row is checked, the good ones become one change set pending
// approval, and the report names every bad row by line and column; a preview checks without writing.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { calendarDateAt } from '../../../../shared/dates/calendar-date.ts';
import { listKindSchema } from '../../../../shared/lists/list-entry.ts';
import type { ControllerContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { currentUser, requirePermission } from '../../http/auth.ts';
import { parseInput } from '../../http/validation.ts';
import { appendAuditEvent } from '../audit/store.ts';
import { previewImport } from './preview.ts';
import { importFile } from './service.ts';

const importQuery = z.object({ list: listKindSchema, category: z.string().trim().min(1).max(100).optional() });

async function uploadedFile(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new AppError('import.no-file', '请以 multipart/form-data 上传文件，字段名 file (upload the file as multipart field "file")');
  const file = await request.file();
  if (!file || file.fieldname !== 'file') throw new AppError('import.no-file', '缺少上传文件字段 file (missing multipart field "file")');
  return { bytes: await file.toBuffer(), fileName: file.filename };
}

export function registerImportRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  const canImport = requirePermission(ctx.db, 'entries.import', ctx.now);

  // The console's wizard shows this before the operator submits: what the import would accept and
  // refuse today, with the rows themselves. Nothing is written, so nothing is audited.
  app.post('/api/v1/imports/preview', { preHandler: canImport }, async (request) => {
    const query = parseInput(importQuery, request.query, 'query');
    const { bytes, fileName } = await uploadedFile(request);
    return previewImport(ctx.store, {
      bytes,
      handOverBytes: true,
      fileName,
      list: query.list,
      ...(query.category ? { category: query.category } : {}),
      today: calendarDateAt(ctx.now(), ctx.config.utcOffsetMinutes),
    });
  });

  app.post('/api/v1/imports', { preHandler: canImport }, async (request, reply) => {
    const query = parseInput(importQuery, request.query, 'query');
    const { bytes, fileName } = await uploadedFile(request);
    const user = currentUser(request);
    const now = ctx.now();
    const result = await importFile(ctx.store, {
      bytes,
      handOverBytes: true,
      fileName,
      list: query.list,
      ...(query.category ? { category: query.category } : {}),
      submittedBy: user.id,
      now,
      today: calendarDateAt(now, ctx.config.utcOffsetMinutes),
    });
    await appendAuditEvent(ctx.db, {
      at: now,
      actor: `user:${user.id}`,
      action: 'import.submit',
      target: result.changeSetId ? `change-set:${result.changeSetId}` : `file:${fileName}`,
      details: { fileName, list: query.list, category: query.category ?? null, rows: result.report.rows, accepted: result.report.accepted, rejectedRows: result.report.rows - result.report.accepted, issues: result.report.rejected.length, warnings: result.report.warnings.length },
    });
    void reply.status(result.changeSetId ? 201 : 200);
    return result;
  });
}
