/** First-admin set-up of a real installation (no demo data, no known credentials). */
import { z } from 'zod';
import { staffCreate } from './schemas';

export const firstAdminBody = z
  .object({
    /** The one-time set-up code the server printed to its log (dashes and case do not matter). */
    code: z.string().trim().min(8).max(40),
    username: staffCreate.shape.username,
    displayName: staffCreate.shape.displayName,
    password: staffCreate.shape.password,
  })
  .strict();

export interface SetupStatus {
  /** True until the first administrator exists: /admin/ then offers the set-up form. */
  needsFirstAdmin: boolean;
}
