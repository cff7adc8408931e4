/** Hands a downloaded file (a CSV export) to the browser as a download, through a blob link. */
import type { DownloadedFile } from './api-client';

export function saveFile(file: DownloadedFile, fallbackName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(file.blob);
  a.download = file.filename ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
