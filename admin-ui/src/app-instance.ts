/** The one admin console of this page, wired to the browser: sessionStorage and fetch. */
import { request } from '../../ui-shared/src/http';
import { createAdminApp } from './stores/admin-app';

export const app = createAdminApp({ storage: sessionStorage, request });

/** Downloads an authenticated file (the audit CSV) through a blob link. */
export async function download(path: string, fallbackName: string): Promise<boolean> {
  const token = app.session.session.get()?.token;
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} }).catch(() => null);
  if (!res || !res.ok) return false;
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  return true;
}
