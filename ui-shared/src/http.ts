/** fetch → Ack, so HTTP and socket results are handled the same way. */
import type { Ack } from '../../server/protocol/errors';

export async function request<T>(method: string, path: string, body?: unknown, token?: string | null): Promise<Ack<T>> {
  try {
    const res = await fetch(path, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
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
