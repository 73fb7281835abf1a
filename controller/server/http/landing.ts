// A plain page at / so that someone who opens the controller's address in a browser learns
// what is running and where to go, instead of a bare 404.

import type { FastifyInstance } from 'fastify';
import type { ControllerContext } from '../context.ts';
import { publicationState } from '../features/publishing/store.ts';
import { APP_VERSION } from './health.ts';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function registerLandingPage(app: FastifyInstance, ctx: ControllerContext): void {
  app.get('/', async (_request, reply) => {
    const state = await publicationState(ctx.db);
    const screens = ctx.hub.connectedScreenIds().size;
    const city = escapeHtml(ctx.config.cityName);
    void reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>公示 Gongshi 控制中心</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:3rem auto;max-width:46rem;line-height:1.7;color:#1f2933}
h1{color:#8b1a1a}code{background:#f1f3f5;padding:.1rem .3rem;border-radius:3px}td{padding:.2rem 1rem .2rem 0}</style></head><body>
<h1>公示 Gongshi 控制中心 · ${city}</h1>
<p>信用红黑名单公示屏控制中心正在运行。Gongshi controller is running.</p>
<table><tr><td>版本 Version</td><td>${APP_VERSION}</td></tr>
<tr><td>清单修订 List revision</td><td>${state.revision}</td></tr>
<tr><td>清单版本 Manifest version</td><td>${state.manifestVersion}</td></tr>
<tr><td>在线屏幕 Screens connected</td><td>${screens}</td></tr></table>
<p>HTTP API：<code>/api/v1/health</code>，登录 <code>POST /api/v1/auth/login</code>；接口说明见 README。
${ctx.config.demo ? '<br>演示账号（仅演示模式）：admin、operator、approver、technician、auditor，密码 <code>gongshi-demo</code>。' : ''}</p>
</body></html>`;
  });
}
