// The HTTP application: plugins, the error format { code, message, details }, and every
// feature's routes.

import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ControllerContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { registerAuditRoutes } from '../features/audit/routes.ts';
import { registerChangeSetRoutes } from '../features/change-sets/routes.ts';
import { registerContentRoutes } from '../features/content/routes.ts';
import { registerEntryRoutes } from '../features/entries/routes.ts';
import { registerImportRoutes } from '../features/imports/routes.ts';
import { registerScreenRoutes } from '../features/screens/routes.ts';
import { registerPolicyRoutes } from '../features/policies/routes.ts';
import { registerProofOfPlayRoutes } from '../features/proof-of-play/routes.ts';
import { registerCommandRoutes } from '../features/commands/routes.ts';
import { registerEmergencyRoutes } from '../features/emergencies/routes.ts';
import { registerScreenGroupRoutes } from '../features/screen-groups/routes.ts';
import { registerUserRoutes } from '../features/users/routes.ts';
import { registerProgrammeRoutes } from '../features/programme/routes.ts';
import { registerReportRoutes } from '../features/reports/routes.ts';
import { registerReviewRoutes } from '../features/reviews/routes.ts';
import { registerPublishRoutes } from '../features/publishes/routes.ts';
import { registerHealthRoutes } from './health.ts';
import { registerConsolePages } from './console-pages.ts';

/** Largest list file accepted: a 1,000,000-row export is about 300 MB; 200 MB covers the real ones. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export async function buildHttpApp(ctx: ControllerContext): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({ loggerInstance: ctx.logger.child({ module: 'http' }) as FastifyBaseLogger, logController: new LogController({ disableRequestLogging: true }), bodyLimit: 1024 * 1024 });
  app.decorateRequest('user', null);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, { root: ctx.assetsDir, serve: false });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({ code: error.code, message: error.message, details: error.details });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 429) return reply.status(429).send({ code: 'rate-limited', message: '尝试次数过多，请稍后再试 (too many attempts, try again later)', details: null });
    if (status === 413 || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({ code: 'request.too-large', message: `文件过大 (the upload exceeds ${MAX_UPLOAD_BYTES} bytes)`, details: null });
    }
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.status(status).send({ code: 'request.invalid', message: (error as Error).message, details: null });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: '服务器内部错误 (internal error)', details: null });
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ code: 'route.not-found', message: `${request.method} ${request.url} does not exist`, details: null }));

  await registerConsolePages(app);
  registerHealthRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerChangeSetRoutes(app, ctx);
  registerEntryRoutes(app, ctx);
  registerScreenRoutes(app, ctx);
  registerContentRoutes(app, ctx);
  registerProgrammeRoutes(app, ctx);
  registerPublishRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerPolicyRoutes(app, ctx);
  registerProofOfPlayRoutes(app, ctx);
  registerCommandRoutes(app, ctx);
  registerScreenGroupRoutes(app, ctx);
  registerEmergencyRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  return app;
}
