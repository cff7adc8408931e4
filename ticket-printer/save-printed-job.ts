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
  const text = job.decoded.text + (notes.length ? `\n\n# ${notes.join('\n# ')}` : '') + '\n';
  writeFileSync(`${name}.txt`, text);
  writeFileSync(`${name}.png`, renderPreviewPng(job.decoded.items, dotsForPaper(paperWidth)));
  return name;
}
