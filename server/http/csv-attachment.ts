/** Answers a CSV download: a UTF-8 attachment with an ASCII and an RFC 5987 file name, never cached. */
import type { AppContext } from './context';
import { RawReply } from './handler';

export function sendCsv(ctx: AppContext, fileName: string, csv: string): void {
  ctx.set('Content-Disposition', `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/csv; charset=utf-8';
  ctx.body = csv;
}

/** The same download as a reply of an endpoint handler (server/http/router.ts writes it out). */
export function csvReply(fileName: string, csv: string): RawReply {
  return new RawReply('text/csv; charset=utf-8', csv, {
    'Content-Disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'Cache-Control': 'no-store',
  });
}
