/** Printer input accepted from admins (the profile itself is ticket-printer's, shared with the driver). */
import { z } from 'zod';
import { printerProfileSchema } from '../../ticket-printer/printer-profile';

/** The printer profile schema, for the admin console's form (UIs import it from here, not from ticket-printer). */
export { printerProfileSchema };

/** A kiosk must notice a dead printer quickly: the visitor is standing there (the kiosk waits 6 s). */
export const MAX_KIOSK_PRINTER_TIMEOUT_MS = 3000;

/** Admin input: the printer profile with a kiosk-sized timeout and no unknown keys. */
export const kioskPrinterInput = printerProfileSchema
  .extend({
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(MAX_KIOSK_PRINTER_TIMEOUT_MS, `at most ${MAX_KIOSK_PRINTER_TIMEOUT_MS} ms: a kiosk must detect a dead printer within 3 s`)
      .default(MAX_KIOSK_PRINTER_TIMEOUT_MS),
  })
  .strict();

/**
 * Every DLE EOT answer byte has bit 0 and bit 7 clear and bits 1 and 4 set (ESC/POS): anything else
 * is not a status answer (a garbled line, or a caller's mistake), and is refused rather than guessed at.
 */
export function isStatusAnswer(byte: number): boolean {
  return Number.isInteger(byte) && byte >= 0 && byte <= 0xff && (byte & 0x93) === 0x12;
}

/**
 * A kiosk's printer agent reports what its printer answered to DLE EOT 1, 2 and 4, as the raw
 * bytes in that order (a printer that answers n = 1 only gives one). Each byte must look like a
 * status answer (bits 1 and 4 set, 0 and 7 clear): garbage is refused, not read as a status.
 */
export const printerStatusReport = z
  .object({
    answers: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(255)
          .refine(isStatusAnswer, 'not a DLE EOT answer byte (bits 1 and 4 set, bits 0 and 7 clear, e.g. 0x12 = 18)'),
      )
      .min(1)
      .max(3, 'three answers at most: DLE EOT 1, 2 and 4'),
  })
  .strict();
export type PrinterStatusReport = z.infer<typeof printerStatusReport>;
