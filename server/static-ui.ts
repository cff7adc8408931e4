/** Serves the built UI bundles (dist/<app>) under /<app>/, and a landing page at /. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Koa from 'koa';
import mount from 'koa-mount';
import serve from 'koa-static';

export const UI_APPS = [
  { path: 'kiosk', title: '自助取号机 Kiosk' },
  { path: 'counter', title: '窗口工作台 Counter' },
  { path: 'display', title: '大厅综合屏 Wall display' },
  { path: 'dashboard', title: '管理看板 Dashboard' },
  { path: 'booking', title: '预约办事 Booking' },
  { path: 'evaluation', title: '窗口评价器 Evaluator pad' },
  { path: 'admin', title: '管理控制台 Admin console' },
  { path: 'review', title: '后台审批 Back office' },
] as const;

/** Apps served but not listed on the landing page (they are opened from a QR code or a link). */
export const UNLISTED_APPS = ['progress'] as const;

/** The tab icon of every page (browsers ask /favicon.ico on their own): 一窗's 窗 on the brand red, as SVG. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#b3261e"/><rect x="14" y="14" width="36" height="36" rx="3" fill="none" stroke="#fff" stroke-width="5"/><path d="M32 14v36M14 32h36" stroke="#fff" stroke-width="4"/></svg>`;

export function mountStaticUis(app: Koa<never>, root: string): void {
  app.use(async (ctx, next) => {
    if (ctx.path !== '/favicon.ico' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    ctx.type = 'image/svg+xml';
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = FAVICON_SVG;
  });
  for (const ui of [...UI_APPS, ...UNLISTED_APPS.map((path) => ({ path }))]) {
    const dir = join(root, 'dist', ui.path);
    app.use(async (ctx, next) => {
      if (ctx.path === `/${ui.path}`) return ctx.redirect(`/${ui.path}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      await next();
    });
    if (existsSync(dir)) app.use(mount(`/${ui.path}`, serve(dir, { maxage: 0, gzip: false })));
  }
  // The ticket QR opens /p/<token>: the phone page, which reads its token from the path.
  const progressIndex = join(root, 'dist', 'progress', 'index.html');
  app.use(async (ctx, next) => {
    // …and /g/<matterId> the public guide page of a matter (same bundle).
    if (ctx.method !== 'GET' || !/^\/(p\/[A-Za-z0-9_-]{1,64}|g\/[0-9a-f-]{36})$/.test(ctx.path) || !existsSync(progressIndex)) return next();
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.body = readFileSync(progressIndex);
  });
  app.use(async (ctx, next) => {
    if (ctx.path !== '/' || ctx.method !== 'GET') return next();
    ctx.type = 'html';
    ctx.body = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>一窗 Yichuang</title>
<style>body{font:18px system-ui,sans-serif;margin:3rem;color:#1f2933}a{display:block;margin:.6rem 0;font-size:1.3rem}</style>
<h1>一窗 · 政务服务大厅排队叫号</h1>
${UI_APPS.map((u) => `<a href="/${u.path}/">${u.title}${existsSync(join(root, 'dist', u.path)) ? '' : '（未构建 / not built: npm run build:ui）'}</a>`).join('\n')}
<p><a href="/api/health">/api/health</a></p></html>`;
  });
}
