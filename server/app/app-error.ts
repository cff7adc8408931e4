import { ZodError } from 'zod';
import { ERROR_CODES, type ErrorBody, type ErrorCode, type ErrorDetail } from '../protocol/errors';
import type { Result } from '../domain/result';
import { isDatabaseUnavailable } from './database-unavailable';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly detail?: ErrorDetail,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new AppError(result.code, result.message);
  return result.value;
}

export function validationError(err: ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  const summary = Object.entries(fields)
    .slice(0, 3)
    .map(([k, v]) => (k === '_' ? v : `${k}: ${v}`))
    .join('; ');
  return new AppError('validation_failed', `Invalid input — ${summary}`, fields);
}

const DATABASE_UNAVAILABLE_MESSAGE = 'The database cannot be reached right now. Nothing was changed; please try again in a moment.';

/** The one way an error leaves the server: known codes keep their message, anything else is hidden. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof ZodError) return toErrorBody(validationError(err));
  if (err instanceof AppError) {
    return { code: err.code, message: err.message, ...(err.fields && { fields: err.fields }), ...(err.detail && { detail: err.detail }) };
  }
  if (isDatabaseUnavailable(err)) return { code: 'database_unavailable', message: DATABASE_UNAVAILABLE_MESSAGE };
  return { code: 'internal_error', message: 'Something went wrong on the server. The action was not applied; please try again.' };
}

export function statusOf(err: unknown): number {
  if (err instanceof ZodError) return 400;
  if (err instanceof AppError) return err.status;
  if (isDatabaseUnavailable(err)) return ERROR_CODES.database_unavailable;
  return 500;
}
