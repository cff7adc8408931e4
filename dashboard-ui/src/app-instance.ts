/** The one dashboard of this page, wired to the browser: sessionStorage, fetch, socket.io. */
import { connect } from '../../ui-shared/src/connection';
import { createApiClient, type PreparedCall } from '../../ui-shared/src/api-client';
import { request, requestFile } from '../../ui-shared/src/http';
import { downloadFile } from '../../ui-shared/src/save-file';
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

const files = createApiClient(request, () => app.session.session.get()?.token, requestFile);

/** Downloads an authenticated export (a report's CSV) through the typed client. */
export function download(call: PreparedCall<unknown>, fallbackName: string): Promise<boolean> {
  return downloadFile(files, call, fallbackName);
}
