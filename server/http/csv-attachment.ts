/** Answers a CSV download: a UTF-8 attachment with an ASCII and an RFC 5987 file name, never cached. */
import { RawReply } from './handler';

/** Written out by server/http/router.ts. */
export function csvReply(fileName: string, csv: string): RawReply {
  return new RawReply('text/csv; charset=utf-8', csv, {
    'Content-Disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'Cache-Control': 'no-store',
  });
}
