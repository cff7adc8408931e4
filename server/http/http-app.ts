/** The Koa application: middleware chain and routes. Static UI bundles are mounted by main. */
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import type { AppDeps } from '../app/deps';
import { safeLogger } from '../app/safe-log';
import type { AppState } from './context';
import { authMiddleware, errorMiddleware, refuseUnsafeText } from './middleware';
import { ENDPOINTS, type EndpointName } from '../protocol/endpoints';
import { endpointHandlers } from './handlers';
import { buildRouter } from './router';

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

  // Health answers before body parsing and sign-in: a monitor needs no token, and a bad one must not hide the answer.
  const handlers = endpointHandlers({ ...(opts.fanoutState && { fanoutState: opts.fanoutState }) });
  const names = Object.keys(ENDPOINTS) as EndpointName[];
  const isBare = (n: EndpointName) => 'bare' in ENDPOINTS[n];
  const bare = buildRouter(deps, names.filter(isBare), handlers);
  app.use(bare.routes());

  app.use(async (ctx, next) => {
    if (ctx.path.startsWith('/api/')) {
      await bodyParser({ enableTypes: ['json'], jsonLimit: '64kb', encoding: 'utf-8', onError: (err) => { throw err; } })(ctx, async () => {
        await refuseUnsafeText(ctx, async () => authMiddleware(deps)(ctx, next));
      });
    } else {
      await next();
    }
  });
  const api = buildRouter(deps, names.filter((n) => !isBare(n)), handlers);
  app.use(api.routes());
  app.use(api.allowedMethods({ throw: false }));
  for (const mount of opts.mounts ?? []) mount(app);
  return app;
}
