/** Error mapping, bearer-token auth and input parsing for every route. */
import type { Next, ParameterizedContext } from 'koa';
import type { z } from 'zod';
import { AppError, statusOf, toErrorBody, validationError } from '../app/app-error';
import { resolveToken } from '../app/auth';
import type { AppDeps } from '../app/deps';
import { findUnsafeText } from '../protocol/safe-text';
import type { AppState } from './context';

type Ctx = ParameterizedContext<AppState>;

/** Errors become `{ error: { code, message } }`; unknown ones are logged and hidden. */
export function errorMiddleware(log: (msg: string, err: unknown) => void) {
  return async (ctx: Ctx, next: Next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = { error: { code: 'not_found', message: `No route for ${ctx.method} ${ctx.path}` } };
      }
    } catch (err) {
      const mapped = mapParserError(err);
      const status = statusOf(mapped);
      if (status >= 500) log(`${ctx.method} ${loggedPath(ctx)} failed`, err);
      ctx.status = status;
      ctx.body = { error: toErrorBody(mapped) };
    }
  };
}

/**
 * The path as a log line may show it: the route's pattern when a route matched (never its
 * parameters: a progress token, an identity number in a query), else the path with long digit runs
 * and token-like segments cut out.
 */
export function loggedPath(ctx: { path: string; _matchedRoute?: unknown }): string {
  if (typeof ctx._matchedRoute === 'string') return ctx._matchedRoute;
  return ctx.path.slice(0, 200).replace(/\d{6,}|[A-Za-z0-9_-]{20,}/g, '…');
}

/**
 * Parsers and the static file server throw http-errors with a status; turn them into our codes.
 * A path that escapes a static folder (403 from resolve-path) names nothing: 404.
 */
function mapParserError(err: unknown): unknown {
  const e = err as { status?: number; type?: string; expose?: boolean; message?: string };
  if (err instanceof AppError || typeof e?.status !== 'number') return err;
  if (e.status === 413) return new AppError('payload_too_large', 'The request body is too large');
  if (e.status === 415) return new AppError('validation_failed', 'Send the body as application/json');
  // The JSON parser's own SyntaxError (status 400, no type) is a body that is not JSON too.
  if (e.status === 400 && ((typeof e.type === 'string' && e.type.startsWith('entity.')) || err instanceof SyntaxError)) return new AppError('invalid_json', 'The request body is not valid JSON');
  if (e.status === 400 && e.type === 'encoding.unsupported') return new AppError('invalid_json', 'Send the body as UTF-8 JSON');
  if (e.status === 403 || e.status === 404) return new AppError('not_found', 'No such file');
  if (e.status >= 400 && e.status < 500) return new AppError('validation_failed', 'The request path or query is malformed');
  return err;
}

/** NUL bytes and lone surrogates in the path, query or body are refused before anything reads them. */
export async function refuseUnsafeText(ctx: Ctx, next: Next): Promise<void> {
  let path: string;
  try {
    path = decodeURIComponent(ctx.path);
  } catch {
    throw new AppError('validation_failed', 'The request path is not valid percent-encoded UTF-8', { path: 'malformed percent-encoding' });
  }
  const found = findUnsafeText(path, ['path']) ?? findUnsafeText(ctx.query, ['query']) ?? findUnsafeText(ctx.request.body, ['body']);
  if (found) throw new AppError('validation_failed', `Invalid input — ${found.path}: ${found.reason}`, { [found.path]: found.reason });
  await next();
}

export function authMiddleware(deps: AppDeps) {
  return async (ctx: Ctx, next: Next) => {
    const header = ctx.get('authorization');
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    ctx.state.token = token;
    ctx.state.actor = token ? await resolveToken(deps, token) : null;
    if (token && !ctx.state.actor) throw new AppError('unauthenticated', 'Your session has expired or the token is not valid; sign in again');
    await next();
  };
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationError(result.error);
  return result.data;
}
