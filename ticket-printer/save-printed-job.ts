import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakePrintJob } from './fake-printer';
import { renderPreviewPng } from './preview-png';
import { dotsForPaper } from './printer-profile';

/**
 * Writes a fake printer's job as <time>-<n>.txt (decoded text, with decoder warnings) and .png
 * (preview). Returns the path without extension.
 */
export function savePrintedJob(job: FakePrintJob, outDir: string, paperWidth: 58 | 80 = 80): string {
  mkdirSync(outDir, { recursive: true });
  const name = join(outDir, `${job.receivedAt.toISOString().replace(/[:.]/g, '-')}-${job.id}`);
  const notes = [...job.decoded.warnings, ...(job.complete ? [] : ['job incomplete (connection cut)'])];
  // The picture is a convenience: without it (e.g. the font package not installed) the decoded text still lands.
  let png: Buffer | null = null;
  try {
    png = renderPreviewPng(job.decoded.items, dotsForPaper(paperWidth));
  } catch (err) {
    notes.push(`no preview picture: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = job.decoded.text + (notes.length ? `\n\n# ${notes.join('\n# ')}` : '') + '\n';
  writeFileSync(`${name}.txt`, text);
  if (png) writeFileSync(`${name}.png`, png);
  return name;
}
