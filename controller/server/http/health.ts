// Liveness and a one-glance summary, unauthenticated so load balancers and monitors can poll it.

import type { FastifyInstance } from 'fastify';
import type { ControllerContext } from '../context.ts';
import { publicationState } from '../features/publishing/store.ts';

export const APP_VERSION = '0.1.0';

export function registerHealthRoutes(app: FastifyInstance, ctx: ControllerContext): void {
  app.get('/api/v1/health', async () => {
    const state = await publicationState(ctx.db);
    return { status: 'ok', version: APP_VERSION, manifestVersion: state.manifestVersion, listRevision: state.revision, screensConnected: ctx.hub.connectedScreenIds().size, time: ctx.now() };
  });
}
