/** The one admin console of this page, wired to the browser: sessionStorage and fetch. */
import type { PreparedCall } from '../../ui-shared/src/api-client';
import { request, requestFile } from '../../ui-shared/src/http';
import { downloadFile } from '../../ui-shared/src/save-file';
import { createAdminApp } from './stores/admin-app';

export const app = createAdminApp({ storage: sessionStorage, request, requestFile });

/** Downloads an authenticated export (the audit CSV) through the typed client. */
export function download(call: PreparedCall<unknown>, fallbackName: string): Promise<boolean> {
  return downloadFile(app.api, call, fallbackName);
}
