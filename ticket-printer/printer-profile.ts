import { z } from 'zod';

/** Admin-editable printer settings; the server validates input with this schema. */
export const printerProfileSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:\-[\]]+$/, 'host must be a host name or an IP address'),
  port: z.number().int().min(1).max(65535).default(9100),
  type: z.enum(['epson', 'star']).default('epson'),
  paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
  /** 'fs-and': send FS & (1C 26) before any double-byte text; 'none': the printer is in Chinese mode by itself. */
  chineseMode: z.enum(['fs-and', 'none']).default('fs-and'),
  qr: z.enum(['native', 'image']).default('native'),
  timeoutMs: z.number().int().min(100).max(60_000).default(3000),
  /** Slow-printer allowance: how much longer than timeoutMs the answer to the status query (DLE EOT) may take (default 0: a stalled printer is then reported within timeoutMs). */
  slowPrinterMs: z.number().int().min(0).max(60_000).optional(),
});

export interface PrinterProfile {
  host: string;
  port: number;
  type: 'epson' | 'star';
  paperWidth: 58 | 80;
  chineseMode: 'fs-and' | 'none';
  qr: 'native' | 'image';
  timeoutMs: number;
  slowPrinterMs?: number | undefined;
}
export type PrinterProfileInput = z.input<typeof printerProfileSchema>;

// Compile-time check that the schema and the interface describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesInterface: Same<z.output<typeof printerProfileSchema>, PrinterProfile> = true;
void schemaMatchesInterface;

/** Font A (12 x 24 dots) columns: 58 mm paper prints 384 dots = 32 columns, 80 mm prints 576 = 48. */
export function columnsForPaper(paperWidth: 58 | 80): number {
  return paperWidth === 58 ? 32 : 48;
}

export function dotsForPaper(paperWidth: 58 | 80): number {
  return paperWidth === 58 ? 384 : 576;
}
