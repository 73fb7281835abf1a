// Serves the operator console (controller/console, built by Vite into dist/) at /console/. Any
// path under /console/ that is not a file is a page of the single-page app, so it gets index.html;
// / sends a browser there.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

// GONGSHI_CONSOLE_DIST lets several builds of the console coexist (parallel development, tests);
// vite.config.ts reads the same variable for its output folder.
export const CONSOLE_DIST = process.env.GONGSHI_CONSOLE_DIST ?? fileURLToPath(new URL('../../console/dist', import.meta.url));

// antd writes its styles into <style> tags at run time (CSS-in-JS), hence 'unsafe-inline' for styles
// only; scripts come from this origin alone. Images may be data: URLs (QR codes) or uploaded assets.
const CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>公示 Gongshi</title></head><body>
<h1>控制台尚未构建 (the console is not built)</h1><p>请在项目目录运行 <code>npm run build</code>，然后刷新本页。Run <code>npm run build</code> in the project folder, then reload.</p></body></html>`;

export async function registerConsolePages(app: FastifyInstance, distDir = CONSOLE_DIST): Promise<void> {
  app.get('/', async (_request, reply) => reply.redirect('/console/'));

  const indexPath = `${distDir}/index.html`;
  // Read once: the built console does not change while the controller runs, and a missing build
  // should say so on every request rather than crash the controller at start.
  const indexHtml = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
  const sendIndex = async (_request: unknown, reply: FastifyReply) => {
    void reply.header('content-security-policy', CONSOLE_CSP).header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    if (indexHtml === null) return reply.status(503).send(NOT_BUILT_PAGE);
    return reply.send(indexHtml);
  };

  if (existsSync(`${distDir}/assets`)) {
    await app.register(fastifyStatic, {
      root: `${distDir}/assets`,
      prefix: '/console/assets/',
      decorateReply: false,
      // File names carry their content hash: a year of caching is safe.
      immutable: true,
      maxAge: '365d',
    });
  }
  app.get('/console', async (_request, reply) => reply.redirect('/console/'));
  app.get('/console/', sendIndex);
  app.get('/console/*', async (request, reply) => {
    // A missing script or style under /console/assets/ is a real 404, not a page.
    if (request.url.startsWith('/console/assets/')) return reply.status(404).send({ code: 'route.not-found', message: `${request.url} does not exist`, details: null });
    return sendIndex(request, reply);
  });
}
