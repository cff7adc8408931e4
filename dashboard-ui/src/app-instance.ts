/** The one dashboard of this page, wired to the browser: sessionStorage, fetch, socket.io. */
import { connect } from '../../ui-shared/src/connection';
import { request } from '../../ui-shared/src/http';
import { createDashboardApp, type DashConnection } from './stores/dashboard-app';

export const app = createDashboardApp({
  storage: sessionStorage,
  request,
  connect(token): DashConnection {
    const c = connect({ token });
    // The typed socket.io client satisfies the dashboard's narrow view of a socket.
    return c as unknown as DashConnection;
  },
});

/** Downloads an authenticated file (the CSV export) through a blob link. */
export async function download(path: string, fallbackName: string): Promise<boolean> {
  const token = app.session.session.get()?.token;
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} }).catch(() => null);
  if (!res || !res.ok) return false;
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  return true;
}
