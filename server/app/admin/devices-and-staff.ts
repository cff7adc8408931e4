import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { devices, staff } from '../../../db/schema';
import type { deviceCreate, staffCreate } from '../../protocol/schemas';
import type { CreatedDevice, StaffView } from '../../protocol/views';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import { newDeviceToken, hashToken, presentStaff } from '../auth';
import { mapConstraintErrors } from '../db-errors';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';
import { hashPassword } from '../passwords';
import { appendAudit } from './audit-log';
import { requireDepartments, setStaffDepartments } from './departments';

export type { CreatedDevice } from '../../protocol/views';

export async function createDevice(deps: AppDeps, actor: Actor, hallId: string, input: z.output<typeof deviceCreate>): Promise<CreatedDevice> {
  authorize(actor, 'device:create', { hallId });
  await loadHall(deps.db, hallId);
  const token = newDeviceToken();
  const [row] = await mapConstraintErrors('A device', () =>
    deps.db
      .insert(devices)
      .values({ hallId, kind: input.kind, name: input.name, zoneId: input.zoneId ?? null, counterId: input.counterId ?? null, tokenHash: hashToken(token) })
      .returning(),
  );
  await appendAudit(deps.db, actor, deps.clock.now(), { action: 'device:create', hallId, subjectType: 'device', subjectId: row!.id, data: { kind: row!.kind, name: row!.name } });
  return { id: row!.id, hallId, kind: row!.kind, name: row!.name, token };
}

export async function createStaff(deps: AppDeps, actor: Actor, input: Omit<z.output<typeof staffCreate>, 'departmentIds'> & { departmentIds?: string[] }): Promise<StaffView> {
  authorize(actor, 'staff:create');
  for (const hallId of input.hallIds) await loadHall(deps.db, hallId);
  const passwordHash = await hashPassword(input.password);
  const row = await deps.db.transaction(async (tx) => {
    await requireDepartments(tx, input.departmentIds ?? [], input.hallIds);
    const [made] = await mapConstraintErrors('A staff account with this user name', () =>
      tx.insert(staff).values({ username: input.username, displayName: input.displayName, role: input.role, hallIds: input.hallIds, passwordHash }).returning(),
    );
    const ids = await setStaffDepartments(tx, made!.id, input.departmentIds ?? []);
    await appendAudit(tx, actor, deps.clock.now(), { action: 'staff:create', subjectType: 'staff', subjectId: made!.id, data: { username: made!.username, role: made!.role, hallIds: made!.hallIds, departmentIds: ids } });
    return made;
  });
  return presentStaff(row!);
}

export async function deactivateDevice(deps: AppDeps, actor: Actor, deviceId: string): Promise<void> {
  authorize(actor, 'device:deactivate');
  const [device] = await deps.db.select({ hallId: devices.hallId }).from(devices).where(eq(devices.id, deviceId));
  if (!device) throw new AppError('not_found', 'Device not found');
  authorize(actor, 'device:deactivate', { hallId: device.hallId });
  const rows = await deps.db.update(devices).set({ active: false }).where(eq(devices.id, deviceId)).returning({ id: devices.id, hallId: devices.hallId });
  if (!rows.length) throw new AppError('not_found', 'Device not found');
  await appendAudit(deps.db, actor, deps.clock.now(), { action: 'device:revoke', hallId: rows[0]!.hallId, subjectType: 'device', subjectId: deviceId });
  deps.revoker?.revoke({ deviceId });
}
