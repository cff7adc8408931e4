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
