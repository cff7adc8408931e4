/**
 * A real installation starts with no account at all. While no active administrator exists, each
 * server start prints a one-time set-up code to its log (only its hash is stored, and only the code
 * printed last is valid, for SETUP_CODE_HOURS); whoever can read the server log can create the first
 * administrator with it at /admin/. Once an administrator exists the code is deleted and the set-up
 * endpoint refuses. `npm run admin:create` is the offline alternative (scripts/admin-create.ts).
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client';
import { staff } from '../../../db/schema';
import { setupCodes } from '../../../db/schema-setup';
import type { firstAdminBody, SetupStatus } from '../../protocol/setup';
import type { StaffView } from '../../protocol/views';
import { AppError } from '../app-error';
import { presentStaff } from '../auth';
import { mapConstraintErrors } from '../db-errors';
import type { AppDeps } from '../deps';
import { hashPassword } from '../passwords';

const SETUP_CODE_HOURS = 24;
/** Crockford base32 without look-alikes: easy to copy from a log by hand. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SETUP_LOCK = 724012;

export async function hasActiveAdmin(db: Db | Tx): Promise<boolean> {
  const [row] = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.role, 'admin'), eq(staff.active, true)))
    .limit(1);
  return row !== undefined;
}

export async function setupStatus(deps: AppDeps): Promise<SetupStatus> {
  return { needsFirstAdmin: !(await hasActiveAdmin(deps.db)) };
}

/** 12 characters (60 bits) shown as XXXX-XXXX-XXXX. */
export function newSetupCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

const normalise = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
const hashCode = (code: string) => createHash('sha256').update(`yichuang-setup:${normalise(code)}`).digest('base64url');

/** At start-up: a fresh code when no administrator exists (returned to print), otherwise none and any old code deleted. */
export async function prepareFirstAdminSetup(deps: AppDeps): Promise<string | null> {
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
    if (await hasActiveAdmin(tx)) {
      await tx.delete(setupCodes);
      return null;
    }
    const code = newSetupCode();
    const now = deps.clock.now();
    const row = { id: 1, codeHash: hashCode(code), createdAt: now, expiresAt: new Date(now.getTime() + SETUP_CODE_HOURS * 3_600_000) };
    await tx.insert(setupCodes).values(row).onConflictDoUpdate({ target: setupCodes.id, set: row });
    return code;
  });
}

export async function createFirstAdmin(deps: AppDeps, input: z.output<typeof firstAdminBody>): Promise<StaffView> {
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
    if (await hasActiveAdmin(tx)) throw new AppError('conflict', 'An administrator already exists; sign in instead');
    const [stored] = await tx.select().from(setupCodes).where(eq(setupCodes.id, 1));
    const given = Buffer.from(hashCode(input.code));
    const valid = stored !== undefined && stored.expiresAt > deps.clock.now() && timingSafeEqual(given, Buffer.from(stored.codeHash));
    if (!valid) {
      throw new AppError('invalid_credentials', 'The set-up code is wrong or has expired; restart the server for a new one', { code: 'wrong or expired set-up code' });
    }
    const [row] = await mapConstraintErrors('A staff account with this user name', () =>
      tx.insert(staff).values({ username: input.username, displayName: input.displayName, role: 'admin', hallIds: [], passwordHash }).returning(),
    );
    await tx.delete(setupCodes);
    return presentStaff(row!);
  });
}
