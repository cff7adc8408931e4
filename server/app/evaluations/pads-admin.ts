/** Admins create evaluator pads paired to a counter, re-pair and unpair them; managers list them. */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { counters, devices } from '../../../db/schema';
import type { padCreateBody, PadView } from '../../protocol/evaluations';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import { hashToken, newDeviceToken } from '../auth';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';

export type { PadView };

async function counterOfHall(deps: AppDeps, hallId: string, counterId: string) {
  const [c] = await deps.db.select().from(counters).where(and(eq(counters.id, counterId), eq(counters.hallId, hallId)));
  if (!c || !c.active) throw new AppError('not_found', 'No such counter in this hall');
  return c;
}

async function loadPad(deps: AppDeps, deviceId: string) {
  const [d] = await deps.db.select().from(devices).where(and(eq(devices.id, deviceId), eq(devices.kind, 'evaluator_pad')));
  if (!d) throw new AppError('not_found', 'No such evaluator pad');
  return d;
}

export async function createPad(deps: AppDeps, actor: Actor, hallId: string, input: z.output<typeof padCreateBody>): Promise<PadView & { token: string }> {
  authorize(actor, 'pad:write', { hallId });
  await loadHall(deps.db, hallId);
  const counter = await counterOfHall(deps, hallId, input.counterId);
  const token = newDeviceToken();
  const [row] = await deps.db
    .insert(devices)
    .values({ hallId, kind: 'evaluator_pad', name: input.name, counterId: counter.id, zoneId: counter.zoneId, tokenHash: hashToken(token) })
    .returning();
  return { id: row!.id, hallId, name: row!.name, counterId: counter.id, counterNumber: counter.number, active: true, token };
}

export async function pairPad(deps: AppDeps, actor: Actor, deviceId: string, counterId: string | null): Promise<PadView> {
  authorize(actor, 'pad:write');
  const pad = await loadPad(deps, deviceId);
  authorize(actor, 'pad:write', { hallId: pad.hallId });
  const counter = counterId ? await counterOfHall(deps, pad.hallId, counterId) : null;
  await deps.db.update(devices).set({ counterId: counter?.id ?? null, zoneId: counter?.zoneId ?? null }).where(eq(devices.id, pad.id));
  return { id: pad.id, hallId: pad.hallId, name: pad.name, counterId: counter?.id ?? null, counterNumber: counter?.number ?? null, active: pad.active };
}

export async function listPads(deps: AppDeps, actor: Actor, hallId: string): Promise<PadView[]> {
  authorize(actor, 'pad:list', { hallId });
  const rows = await deps.db
    .select({ d: devices, number: counters.number })
    .from(devices)
    .leftJoin(counters, eq(counters.id, devices.counterId))
    .where(and(eq(devices.hallId, hallId), eq(devices.kind, 'evaluator_pad')))
    .orderBy(devices.name);
  return rows.map(({ d, number }) => ({ id: d.id, hallId: d.hallId, name: d.name, counterId: d.counterId, counterNumber: number, active: d.active }));
}
