/** fetch → Ack, so HTTP and socket results are handled the same way. */
import type { Ack } from '../../server/protocol/errors';
import type { DownloadedFile } from './api-client';

const authorization = (token: string | null | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

export async function request<T>(method: string, path: string, body?: unknown, token?: string | null): Promise<Ack<T>> {
  try {
    const res = await fetch(path, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...authorization(token) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const json = (await res.json().catch(() => null)) as { data?: T; error?: { code: string; message: string } } | null;
    if (res.ok && json && 'data' in json) return { ok: true, data: json.data as T };
    if (json?.error) return { ok: false, error: json.error as Ack<T> extends { ok: false; error: infer E } ? E : never };
    return { ok: false, error: { code: 'internal_error', message: `HTTP ${res.status}` } };
  } catch {
    return { ok: false, error: { code: 'internal_error', message: 'offline' } };
  }
}

/** fetch → a file (a CSV export) with the name the server's Content-Disposition gives, or the error. */
export async function requestFile(method: string, path: string, token?: string | null): Promise<Ack<DownloadedFile>> {
  try {
    const res = await fetch(path, { method, headers: authorization(token) });
    if (res.ok) return { ok: true, data: { blob: await res.blob(), filename: /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? null } };
    const json = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    return { ok: false, error: (json?.error ?? { code: 'internal_error', message: `HTTP ${res.status}` }) as Ack<DownloadedFile> extends { ok: false; error: infer E } ? E : never };
  } catch {
    return { ok: false, error: { code: 'internal_error', message: 'offline' } };
  }
}
