/** Answers a CSV download: a UTF-8 attachment with an ASCII and an RFC 5987 file name, never cached. */
import type { AppContext } from './context';

export function sendCsv(ctx: AppContext, fileName: string, csv: string): void {
  ctx.set('Content-Disposition', `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/csv; charset=utf-8';
  ctx.body = csv;
}
