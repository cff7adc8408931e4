/**
 * Staff sign-in with lock-out after repeated failures, session tokens (only their hash is stored),
 * device tokens for kiosks and displays, and resolving any bearer token to an Actor.
 */
import { createHash } from 'node:crypto';
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import { devices, sessions, staff } from '../../db/schema';
import type { StaffView } from '../protocol/views';
import type { Actor, StaffActor } from './actor';
import { AppError } from './app-error';
import type { AppDeps } from './deps';
import { hashPassword, verifyPassword } from './passwords';
import { newToken } from './pii';

const SESSION_HOURS = 12;
const STAFF_PREFIX = 'st_';
const DEVICE_PREFIX = 'dv_';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

// A real hash to compare against when the user does not exist, so timing does not reveal it.
const dummyHash = hashPassword('not-a-real-password');

export async function login(deps: AppDeps, username: string, password: string): Promise<{ token: string; staff: StaffView; expiresAt: string }> {
  const now = deps.clock.now();
  const [row] = await deps.db.select().from(staff).where(eq(staff.username, username));
  if (!row || !row.active) {
    await verifyPassword(password, await dummyHash);
    throw new AppError('invalid_credentials', 'Wrong user name or password');
  }
  // Lock-out is per account and address (login-throttle.ts), never on the account row: a stranger must not be able to lock a colleague out.
  if (!(await verifyPassword(password, row.passwordHash))) throw new AppError('invalid_credentials', 'Wrong user name or password');
  const token = STAFF_PREFIX + newToken(32);
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await deps.db.transaction(async (tx) => {
    await tx.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(eq(staff.id, row.id));
    await tx.delete(sessions).where(lt(sessions.expiresAt, now));
    await tx.insert(sessions).values({ tokenHash: hashToken(token), staffId: row.id, createdAt: now, expiresAt });
  });
  return { token, staff: presentStaff(row), expiresAt: expiresAt.toISOString() };
}

/** Records on the account that it was locked out somewhere (the admin console shows it; sign-in never reads it). */
export async function noteLockOut(deps: AppDeps, username: string, until: Date): Promise<void> {
  await deps.db.update(staff).set({ lockedUntil: until }).where(eq(staff.username, username));
}

export async function logout(deps: AppDeps, token: string): Promise<void> {
  const sessionHash = hashToken(token);
  await deps.db.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
  deps.revoker?.revoke({ sessionHash });
}

/**
 * What each token hash stands for now (expired sessions, inactive staff and devices are absent):
 * the periodic re-check of open sockets, in two queries whatever the number of sockets.
 */
export async function resolveTokenHashes(deps: AppDeps, hashes: string[]): Promise<Map<string, Actor>> {
  const found = new Map<string, Actor>();
  if (hashes.length === 0) return found;
  const now = deps.clock.now();
  const staffRows = await deps.db
    .select({ hash: sessions.tokenHash, s: staff })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(and(inArray(sessions.tokenHash, hashes), gt(sessions.expiresAt, now), eq(staff.active, true)));
  for (const r of staffRows) found.set(r.hash, staffActor(r.s));
  const deviceRows = await deps.db.select().from(devices).where(and(inArray(devices.tokenHash, hashes), eq(devices.active, true)));
  for (const d of deviceRows) found.set(d.tokenHash, deviceActor(d));
  return found;
}

/** Whether a token has the shape of one this server issues (checked before any lookup). */
export function plausibleToken(token: string | undefined | null): token is string {
  return !!token && token.length <= 200 && (token.startsWith(STAFF_PREFIX) || token.startsWith(DEVICE_PREFIX));
}

export async function resolveToken(deps: AppDeps, token: string | undefined | null): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const now = deps.clock.now();
  if (token.startsWith(STAFF_PREFIX)) {
    const [row] = await deps.db
      .select({ s: staff })
      .from(sessions)
      .innerJoin(staff, eq(staff.id, sessions.staffId))
      .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
    if (!row || !row.s.active) return null;
    return staffActor(row.s);
  }
  if (token.startsWith(DEVICE_PREFIX)) {
    const [row] = await deps.db.select().from(devices).where(eq(devices.tokenHash, hashToken(token)));
    if (!row || !row.active) return null;
    return deviceActor(row);
  }
  return null;
}

export function newDeviceToken(): string {
  return DEVICE_PREFIX + newToken(32);
}

function deviceActor(row: typeof devices.$inferSelect): Actor {
  return { kind: 'device', id: row.id, deviceKind: row.kind, hallId: row.hallId, zoneId: row.zoneId, counterId: row.counterId };
}

export function staffActor(s: typeof staff.$inferSelect): StaffActor {
  return { kind: 'staff', id: s.id, role: s.role, hallIds: s.hallIds, displayName: s.displayName, username: s.username };
}

export function presentStaff(s: typeof staff.$inferSelect): StaffView {
  return { id: s.id, username: s.username, displayName: s.displayName, role: s.role, hallIds: s.hallIds };
}
