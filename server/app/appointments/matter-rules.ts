/** Per-matter booking rules: bookable or not, slot length and capacity (else the hall defaults). */
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../../db/client';
import { matterBookingRules } from '../../../db/schema-appointments';
import type { matterBookingRuleInput } from '../../protocol/appointments';
import { effectiveSettings } from '../../domain/wait-target';
import type { HallSettings } from '../../protocol/views';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { loadMatter } from '../loaders';

type Reader = Db | Tx;

export interface EffectiveBookingRule {
  bookable: boolean;
  slotMinutes: number;
  slotCapacity: number;
}

type RuleRow = typeof matterBookingRules.$inferSelect;

export function effectiveRule(row: RuleRow | undefined, hallSettings: HallSettings): EffectiveBookingRule {
  const settings = effectiveSettings(hallSettings);
  const slotCapacity = row?.slotCapacity ?? settings.appointmentSlotCapacity;
  return {
    bookable: (row?.bookable ?? true) && slotCapacity > 0,
    slotMinutes: row?.slotMinutes ?? settings.appointmentSlotMinutes,
    slotCapacity,
  };
}

export async function loadBookingRules(tx: Reader, matterIds: string[], settings: HallSettings): Promise<Map<string, EffectiveBookingRule>> {
  const rows = matterIds.length ? await tx.select().from(matterBookingRules).where(inArray(matterBookingRules.matterId, matterIds)) : [];
  const byId = new Map(rows.map((r) => [r.matterId, r]));
  return new Map(matterIds.map((id) => [id, effectiveRule(byId.get(id), settings)]));
}

export async function saveMatterBookingRule(
  deps: AppDeps,
  actor: Actor,
  hallId: string,
  matterId: string,
  input: z.output<typeof matterBookingRuleInput>,
): Promise<RuleRow> {
  authorize(actor, 'matter:booking-rule', { hallId });
  const matter = await loadMatter(deps.db, matterId);
  if (matter.hallId !== hallId) throw new AppError('not_found', 'Matter not found in this hall');
  const [current] = await deps.db.select().from(matterBookingRules).where(eq(matterBookingRules.matterId, matterId));
  const next: RuleRow = {
    matterId,
    bookable: input.bookable ?? current?.bookable ?? true,
    slotMinutes: input.slotMinutes !== undefined ? input.slotMinutes : (current?.slotMinutes ?? null),
    slotCapacity: input.slotCapacity !== undefined ? input.slotCapacity : (current?.slotCapacity ?? null),
  };
  const [row] = await deps.db
    .insert(matterBookingRules)
    .values(next)
    .onConflictDoUpdate({ target: matterBookingRules.matterId, set: { bookable: next.bookable, slotMinutes: next.slotMinutes, slotCapacity: next.slotCapacity } })
    .returning();
  return row!;
}
