/** Maps database constraint violations to clear errors (drizzle wraps driver errors in `cause`). */
import { AppError } from './app-error';

export function pgCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

export async function mapConstraintErrors<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const code = pgCode(err);
    if (code === '23505') throw new AppError('conflict', `${what} already exists (code or number must be unique)`);
    if (code === '23503') throw new AppError('conflict', `${what} refers to something that does not exist, or is still in use`);
    throw err;
  }
}
