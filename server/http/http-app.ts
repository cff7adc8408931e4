/** The Koa application: middleware chain and routes. Static UI bundles are mounted by main. */
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app/deps';
import { PROTOCOL_VERSION } from '../protocol/version';
import { safeLogger } from '../app/safe-log';
import type { AppState } from './context';
import { authMiddleware, errorMiddleware, refuseUnsafeText } from './middleware';
import { appointmentRoutes } from './routes/appointment-routes';
import { authRoutes } from './routes/auth-routes';
import { caseRoutes } from './routes/case-routes';
import { dashboardRoutes } from './routes/dashboard-routes';
import { evaluationRoutes } from './routes/evaluation-routes';
import { hallRoutes } from './routes/hall-routes';
import { printingRoutes } from './routes/printing-routes';
import { setupRoutes } from './routes/setup-routes';
import { adminRoutes } from './routes/admin-routes';
import { ticketRoutes } from './routes/ticket-routes';

export interface HttpAppOptions {
  trustProxy?: boolean;
  log?: (msg: string, err: unknown) => void;
  mounts?: ((app: Koa<AppState>) => void)[];
  /** The fan-out's state for /api/health: 'local' (one process), 'listening' or 'reconnecting'. */
  fanoutState?: () => string;
}

/**
 * Scripts and connections from this origin only; inline styles stay allowed (each index.html has
 * a small <style>, Lit may fall back to <style> tags); images also as data:/blob: (QR codes).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function createHttpApp(deps: AppDeps, opts: HttpAppOptions = {}): Koa<AppState> {
  const app = new Koa<AppState>();
  // Only behind a configured reverse proxy is X-Forwarded-For believed, and only its last hop.
  app.proxy = opts.trustProxy ?? false;
  app.maxIpsCount = 1;
  app.silent = true; // errors are answered and logged by errorMiddleware, never printed twice
  const log = safeLogger(opts.log ?? ((msg, err) => console.error(msg, err)));
  app.use(errorMiddleware(log));
  app.use(async (ctx, next) => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Referrer-Policy', 'no-referrer');
    // Every page: our own scripts only, no framing (clickjacking a counter or kiosk), no plugins.
    ctx.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    ctx.set('X-Frame-Options', 'DENY');
    // API answers carry personal data (masked, but still): never kept by a browser or proxy cache.
    if (ctx.path.startsWith('/api/')) ctx.set('Cache-Control', 'no-store');
    await next();
  });

  const health = new Router<AppState>();
  // Readiness, the truth: 503 while the database cannot be reached or this process cannot hear the others.
  health.get('/api/health', async (ctx) => {
    let db = 'up';
    try {
      await deps.db.execute(sql`SELECT 1`);
    } catch {
      db = 'down';
    }
    const fanout = opts.fanoutState?.() ?? 'local';
    const healthy = db === 'up' && fanout !== 'reconnecting';
    ctx.status = healthy ? 200 : 503;
    ctx.body = { data: { status: healthy ? 'ok' : 'degraded', db, fanout, protocolVersion: PROTOCOL_VERSION, time: deps.clock.now().toISOString() } };
  });
  // Liveness: the process answers. A database outage is survived in-process, so it must not get the process restarted.
  health.get('/api/health/live', (ctx) => {
    ctx.body = { data: { status: 'alive', time: deps.clock.now().toISOString() } };
  });
  app.use(health.routes());

  app.use(async (ctx, next) => {
    if (ctx.path.startsWith('/api/')) {
      await bodyParser({ enableTypes: ['json'], jsonLimit: '64kb', encoding: 'utf-8', onError: (err) => { throw err; } })(ctx, async () => {
        await refuseUnsafeText(ctx, async () => authMiddleware(deps)(ctx, next));
      });
    } else {
      await next();
    }
  });
  for (const router of [authRoutes(deps), hallRoutes(deps), ticketRoutes(deps), printingRoutes(deps), setupRoutes(deps), adminRoutes(deps)]) {
    app.use(router.routes());
    app.use(router.allowedMethods({ throw: false }));
  }
  const dashboard = dashboardRoutes(deps);
  app.use(dashboard.routes());
  app.use(dashboard.allowedMethods({ throw: false }));
  const evaluation = evaluationRoutes(deps);
  app.use(evaluation.routes());
  app.use(evaluation.allowedMethods({ throw: false }));
  const caseRouter = caseRoutes(deps);
  app.use(caseRouter.routes());
  app.use(caseRouter.allowedMethods({ throw: false }));
  const appointments = appointmentRoutes(deps);
  app.use(appointments.routes());
  app.use(appointments.allowedMethods({ throw: false }));
  for (const mount of opts.mounts ?? []) mount(app);
  return app;
}
