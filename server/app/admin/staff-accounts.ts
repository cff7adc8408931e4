/**
 * Editing staff accounts: name, role, halls, disable, password reset, unlock. Only the named fields
 * change. Disabling, demoting or resetting an account ends its sessions (open sockets follow within
 * seconds through the session re-check). Nothing may leave the installation without an active
 * administrator, and an account that holds a counter cannot be disabled until it leaves it.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../db/client';
import { counters, halls, sessions, staff } from '../../../db/schema';
import type { AdminStaffView, staffUpdate } from '../../protocol/admin';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { unlockSignIn } from '../login-throttle';
import { hashPassword } from '../passwords';
import { staffDepartments } from '../../../db/schema-cases';
import { appendAudit } from './audit-log';
import { requireDepartments, setStaffDepartments } from './departments';

type StaffRow = typeof staff.$inferSelect;

export function presentAdminStaff(s: StaffRow, now: Date, departmentIds: string[] = []): AdminStaffView {
  return {
    id: s.id,
    username: s.username,
    displayName: s.displayName,
    role: s.role,
    hallIds: s.hallIds,
    departmentIds,
    active: s.active,
    lockedUntil: s.lockedUntil && s.lockedUntil > now ? s.lockedUntil.toISOString() : null,
    createdAt: s.createdAt.toISOString(),
  };
}

export async function listStaffAccounts(deps: AppDeps, actor: Actor): Promise<AdminStaffView[]> {
  authorize(actor, 'staff:list');
  const now = deps.clock.now();
  const links = await deps.db.select().from(staffDepartments);
  const of = (id: string) => links.filter((l) => l.staffId === id).map((l) => l.departmentId);
  return (await deps.db.select().from(staff).orderBy(staff.username)).map((s) => presentAdminStaff(s, now, of(s.id)));
}

export async function updateStaff(deps: AppDeps, actor: Actor, staffId: string, input: z.output<typeof staffUpdate>): Promise<AdminStaffView> {
  authorize(actor, 'staff:update');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const now = deps.clock.now();
  let endSessions = false;
  const view = await deps.db.transaction(async (tx) => {
    // Every active admin row locked: two concurrent demotions cannot both see "another admin left".
    await tx.select({ id: staff.id }).from(staff).where(and(eq(staff.role, 'admin'), eq(staff.active, true))).for('update');
    const [current] = await tx.select().from(staff).where(eq(staff.id, staffId)).for('update');
    if (!current) throw new AppError('not_found', 'Staff account not found');
    if (input.hallIds) await requireHalls(tx, input.hallIds);
    if (input.departmentIds) await requireDepartments(tx, input.departmentIds, input.hallIds ?? current.hallIds);
    const losesAdmin = current.role === 'admin' && current.active && (input.active === false || (input.role !== undefined && input.role !== 'admin'));
    if (losesAdmin) await refuseLastAdmin(tx, staffId);
    if (input.active === false) await refuseWhileHoldingCounter(tx, staffId);

    endSessions = input.active === false || passwordHash !== undefined || (input.role !== undefined && input.role !== current.role);
    const changes = {
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.hallIds !== undefined && { hallIds: [...new Set(input.hallIds)] }),
      ...(input.active !== undefined && { active: input.active }),
      ...(passwordHash !== undefined && { passwordHash }),
      ...((input.unlock || passwordHash !== undefined) && { failedLogins: 0, lockedUntil: null }),
    };
    const [row] = Object.keys(changes).length ? await tx.update(staff).set(changes).where(eq(staff.id, staffId)).returning() : [current];
    if (input.departmentIds) await setStaffDepartments(tx, staffId, input.departmentIds);
    const departmentIds = (await tx.select().from(staffDepartments).where(eq(staffDepartments.staffId, staffId))).map((l) => l.departmentId);
    if (endSessions) await tx.delete(sessions).where(eq(sessions.staffId, staffId));
    const { password: _secret, ...named } = input;
    await appendAudit(tx, actor, now, {
      action: 'staff:update',
      subjectType: 'staff',
      subjectId: staffId,
      data: { username: current.username, ...named, ...(passwordHash && { passwordReset: true }), sessionsEnded: endSessions },
    });
    return presentAdminStaff(row!, now, departmentIds);
  });
  // After commit: the account's open sockets are cut on every node (and the session re-check would within seconds).
  if (endSessions || input.hallIds !== undefined || input.departmentIds !== undefined) deps.revoker?.revoke({ staffId });
  // Lock-outs live in the sign-in throttle (per account and address, every node's): an unlock or new password clears them.
  if (input.unlock || passwordHash !== undefined) await unlockSignIn(deps, view.username);
  return view;
}

async function requireHalls(tx: Tx, hallIds: string[]): Promise<void> {
  for (const id of new Set(hallIds)) {
    const [hall] = await tx.select({ id: halls.id }).from(halls).where(eq(halls.id, id));
    if (!hall) throw new AppError('validation_failed', 'Unknown hall', { hallIds: 'unknown hall' });
  }
}

async function refuseLastAdmin(tx: Tx, staffId: string): Promise<void> {
  const [other] = await tx
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.role, 'admin'), eq(staff.active, true), ne(staff.id, staffId)))
    .limit(1);
  if (!other) throw new AppError('last_admin', 'This is the last active administrator: create or enable another administrator first');
}

async function refuseWhileHoldingCounter(tx: Tx, staffId: string): Promise<void> {
  const [held] = await tx.select({ number: counters.number }).from(counters).where(eq(counters.staffId, staffId)).limit(1);
  if (held) {
    throw new AppError('in_use', `This person holds counter ${held.number}; they must leave it (or a manager must release it) before the account is disabled`, {
      active: `此人正在 ${held.number} 号窗口上岗，请其先退出窗口（或由管理人员释放窗口）后再停用账号`,
    });
  }
}
