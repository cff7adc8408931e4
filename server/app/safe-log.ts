/**
 * What a log line may say about an error: its class, the database error code and where it was
 * thrown — never its message when that can carry data. A driver's message repeats the SQL and its
 * parameters (identity numbers, phones, names); a 40-line stack adds nothing an operator can use.
 */
import { pgCode } from './db-errors';

/** Error classes whose messages name code, not data (kept, truncated). */
const CODE_ONLY_MESSAGES = new Set(['TypeError', 'ReferenceError', 'RangeError', 'AppError']);

export function errorSummary(err: unknown): string {
  if (!(err instanceof Error)) return typeof err === 'string' ? err.slice(0, 120) : typeof err;
  const parts = [err.name || 'Error'];
  const code = pgCode(err);
  if (code) parts.push(`pg ${code}`);
  const errno = (err as { code?: unknown }).code;
  if (!code && typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) parts.push(errno);
  if (CODE_ONLY_MESSAGES.has(err.name)) parts.push(err.message.slice(0, 120));
  const frame = firstOwnFrame(err.stack);
  if (frame) parts.push(`at ${frame}`);
  return parts.join(' · ');
}

/** The first stack frame in our own sources (not node_modules), as path:line. */
function firstOwnFrame(stack: string | undefined): string | null {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const m = /\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?$/.exec(line.trim());
    if (m && !m[1]!.includes('node_modules') && !m[1]!.startsWith('node:')) {
      const path = m[1]!.replace(/^file:\/\//, '');
      const i = path.search(/\/(server|db|ticket-printer)\//);
      return `${i >= 0 ? path.slice(i + 1) : path}:${m[2]}`;
    }
  }
  return null;
}

/** Wraps a logger so every error it is handed is reduced to its summary. */
export function safeLogger(log: (msg: string, err: unknown) => void): (msg: string, err?: unknown) => void {
  return (msg, err) => log(msg, err === undefined ? '' : errorSummary(err));
}
