// The loopback HTTP server the kiosk window loads: the built display, its state, and change events, behind a per-boot token.

import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { DISPLAY_REPORT_PATH, displayReportSchema, type DisplayReport } from '../../shared/display/display-report.ts';
import { DISPLAY_CORE_NOW_HEADER, DISPLAY_RELOAD_EVENT, DISPLAY_STATE_EVENT, type ServedDisplayState } from '../../shared/display/display-state.ts';

export interface DisplayServerOptions {
  /** 0 picks a free port */
  port: number;
  /** the built display (player/display/dist) */
  staticDir: string;
  /** per-boot secret; the kiosk URL carries it, every /api request must present it */
  token: string;
  getState: () => ServedDisplayState;
  /**
   * A page of an entry set the state names (entrySetPagePath), as the bytes to send; null when no
   * current set has that id and page. Absent: no set is ever served.
   */
  entryPage?: (setId: string, page: number) => Uint8Array | null;
  /** a verified cached image or video by hash, or null; served at /media/<sha256> */
  mediaFile?: (sha256: string) => { path: string; mediaType: string } | null;
  /** the page's report of its size and what it shows, already parsed; for heartbeats */
  onDisplayReport?: (report: DisplayReport) => void;
  logger?: Logger;
}

export interface DisplayServer {
  /** http://127.0.0.1:PORT/?token=... — what the kiosk window opens */
  url: string;
  port: number;
  /** tells every connected display to refetch /api/state */
  notifyStateChanged(): void;
  /** tells every connected display to reload the page; returns how many streams were told */
  requestReload(): number;
  /** connected /api/events streams, for health reports and leak tests */
  eventClientCount(): number;
  close(): Promise<void>;
}

export type DisplayServerErrorCode = 'display-token-empty' | 'display-static-missing';

export class DisplayServerError extends Error {
  readonly code: DisplayServerErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DisplayServerErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DisplayServerError';
    this.code = code;
    this.details = details;
  }
}

/** Under common proxies' and browsers' idle timeouts (30–60 s), so an idle stream is never cut. */
export const EVENTS_KEEP_ALIVE_MS = 15_000;
/** How soon EventSource reconnects after the stream drops (the core restarting, say). */
const EVENTS_RETRY_MS = 2_000;
/** A display that stops reading (hung renderer) is cut off instead of buffering events forever. */
const MAX_BUFFERED_EVENT_BYTES = 64 * 1024;
/** A display report is a few hundred bytes; anything near this is not one. */
const MAX_DISPLAY_REPORT_BYTES = 4 * 1024;
const TOKEN_HEADER = 'x-display-token';

// The display needs nothing from elsewhere; a page that can load nothing foreign cannot leak the token.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

interface ApiError {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

function apiError(code: string, message: string, details: Record<string, unknown> = {}): ApiError {
  return { code, message, details };
}

function tokenMatches(expected: Buffer, offered: unknown): boolean {
  if (typeof offered !== 'string' || offered === '') return false;
  const given = Buffer.from(offered, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function offeredToken(request: FastifyRequest): unknown {
  const header = request.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  return (request.query as Record<string, unknown> | undefined)?.token;
}

export async function startDisplayServer(options: DisplayServerOptions): Promise<DisplayServer> {
  if (options.token === '') {
    throw new DisplayServerError('display-token-empty', 'the display server needs a non-empty per-boot token');
  }
  if (!existsSync(join(options.staticDir, 'index.html'))) {
    // A kiosk pointed at a missing build would show a browser error page on a public screen.
    throw new DisplayServerError('display-static-missing', `no built display at ${options.staticDir} (run npm run build)`, {
      staticDir: options.staticDir,
    });
  }

  const log = options.logger?.child({ module: 'display-server' });
  const expectedToken = Buffer.from(options.token, 'utf8');
  const eventClients = new Set<ServerResponse>();
  let stateCounter = 0;
  let closed = false;

  const app = Fastify({
    ...(log ? { loggerInstance: log } : { logger: false }),
    // The display polls every few seconds, and URLs carry the token: per-request logs would be noise and a leak.
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-content-type-options', 'nosniff');
  });

  app.setErrorHandler((error, _request, reply) => {
    // A client's mistake (say, @fastify/static refusing a path like //api/state) is not a server failure.
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      void reply.code(status).send(apiError('request-refused', 'the request was refused', { status }));
      return;
    }
    log?.error({ err: error }, 'display server request failed');
    void reply.code(500).send(apiError('display-server-error', 'the display server failed to answer'));
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(apiError('not-found', 'no such resource', { path: request.url.split('?')[0] }));
  });

  await app.register(fastifyStatic, {
    root: options.staticDir,
    index: ['index.html'],
    cacheControl: false,
    setHeaders(reply, path) {
      // Vite puts content hashes in asset names, so they never change; index.html must always be fresh.
      const hashed = relative(options.staticDir, path).startsWith(`assets${sep}`);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  // Outside the token guard: <img> and <video> cannot send a header, the files are approved public
  // content, and only hashes of the current manifest that passed their check this boot are served.
  // Range requests work (Chromium seeks and streams video with them).
  app.get<{ Params: { sha256: string } }>('/media/:sha256', async (request, reply) => {
    const file = /^[0-9a-f]{64}$/.test(request.params.sha256) ? (options.mediaFile?.(request.params.sha256) ?? null) : null;
    if (file === null) return reply.code(404).send(apiError('media-not-found', 'no verified media with that hash', { sha256: request.params.sha256 }));
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    reply.header('content-type', file.mediaType);
    return reply.sendFile(basename(file.path), dirname(file.path), { cacheControl: false, etag: true, lastModified: false, contentType: false });
  });

  // The token guard lives inside the /api scope, so it runs for every route the router matched there,
  // however the URL was spelled: a check on the raw URL missed /%61pi/state, which the router decodes.
  await app.register(
    async (api) => {
      api.addHook('onRequest', async (request, reply) => {
        if (!tokenMatches(expectedToken, offeredToken(request))) {
          return reply.code(403).send(apiError('display-token-invalid', 'missing or wrong display token'));
        }
      });

      api.get('/state', async (request, reply) => {
        // Tagged without its clock reading, so a display asking again for an unchanged state (every
        // few seconds, and after every event) gets a 304. The entries are not in it, only the
        // names of their sets: the state is a few kB to build, hash and send at any list size.
        const { nowMs, ...content } = options.getState() as ServedDisplayState & { nowMs?: number };
        const body = JSON.stringify(content);
        const tag = `"${createHash('sha1').update(body).digest('base64url')}"`;
        void reply.header('cache-control', 'no-store').header('etag', tag);
        if (nowMs !== undefined) void reply.header(DISPLAY_CORE_NOW_HEADER, String(nowMs));
        if (request.headers['if-none-match'] === tag) return reply.code(304).send();
        // `content` always has its mode, so the closing brace can take the clock reading before it.
        return reply.type('application/json; charset=utf-8').send(nowMs === undefined ? body : `${body.slice(0, -1)},"nowMs":${nowMs}}`);
      });

      // entrySetPagePath: a set's id names its content, so a page never changes and may be kept.
      api.get<{ Params: { setId: string; page: string } }>('/entry-sets/:setId/:page', async (request, reply) => {
        const { setId, page } = request.params;
        const bytes = /^\d{1,6}$/.test(page) ? (options.entryPage?.(setId, Number(page)) ?? null) : null;
        if (bytes === null) return reply.code(404).send(apiError('entry-set-not-found', 'no current entry set has that page', { setId, page }));
        return reply.header('cache-control', 'private, max-age=31536000, immutable').type('application/json; charset=utf-8').send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      });

      // DISPLAY_REPORT_PATH, inside this /api scope. The guard above has run before the body is parsed.
      api.post(DISPLAY_REPORT_PATH.slice('/api'.length), { bodyLimit: MAX_DISPLAY_REPORT_BYTES }, async (request, reply) => {
        const parsed = displayReportSchema.safeParse(request.body);
        if (!parsed.success) {
          return reply.code(400).send(apiError('display-report-invalid', 'the display report does not match its schema', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }));
        }
        options.onDisplayReport?.(parsed.data);
        return reply.code(204).send();
      });

      api.get('/events', (_request: FastifyRequest, reply: FastifyReply) => {
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        });
        res.write(`retry: ${EVENTS_RETRY_MS}\n\n`);
        eventClients.add(res);
        log?.debug({ clients: eventClients.size }, 'display connected to events');
        // 'close' fires on the response both when we end it and when the kiosk goes away.
        res.on('close', () => {
          eventClients.delete(res);
          log?.debug({ clients: eventClients.size }, 'display left events');
        });
      });
    },
    { prefix: '/api' },
  );

  function broadcast(chunk: string): void {
    for (const res of eventClients) {
      if (res.writableEnded || res.destroyed) {
        eventClients.delete(res);
        continue;
      }
      if (res.writableLength > MAX_BUFFERED_EVENT_BYTES) {
        log?.warn('display stopped reading events; dropping its stream');
        res.destroy();
        eventClients.delete(res);
        continue;
      }
      res.write(chunk);
    }
  }

  const keepAlive = setInterval(() => broadcast(': keep-alive\n\n'), EVENTS_KEEP_ALIVE_MS);
  keepAlive.unref();

  try {
    await app.listen({ host: '127.0.0.1', port: options.port });
  } catch (error) {
    clearInterval(keepAlive);
    await app.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/?token=${encodeURIComponent(options.token)}`;
  log?.info({ port }, 'display server listening');

  return {
    url,
    port,
    notifyStateChanged() {
      if (closed) return;
      stateCounter += 1;
      broadcast(`event: ${DISPLAY_STATE_EVENT}\nid: ${stateCounter}\ndata: ${stateCounter}\n\n`);
    },
    requestReload() {
      if (closed) return 0;
      broadcast(`event: ${DISPLAY_RELOAD_EVENT}\ndata: reload\n\n`);
      return eventClients.size;
    },
    eventClientCount: () => eventClients.size,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(keepAlive);
      for (const res of eventClients) res.end();
      eventClients.clear();
      await app.close();
    },
  };
}
