/** Hands a downloaded file (a CSV export) to the browser as a download, through a blob link. */
import type { ApiClient, DownloadedFile, PreparedCall } from './api-client';

export function saveFile(file: DownloadedFile, fallbackName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(file.blob);
  a.download = file.filename ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Fetches an export through the typed client and saves it; false when the server refused it. */
export async function downloadFile(client: Pick<ApiClient, 'file'>, call: PreparedCall<unknown>, fallbackName: string): Promise<boolean> {
  const r = await client.file(call);
  if (r.ok) saveFile(r.data, fallbackName);
  return r.ok;
}
