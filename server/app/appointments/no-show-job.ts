/**
 * Unclaimed appointments become no-shows once their check-in window (slot end + grace) has
 * passed. A guarded UPDATE … WHERE status = 'booked' marks each row exactly once, so any number
 * of server processes may run the job at the same time.
 */
import { and, eq, lte } from 'drizzle-orm';
import { halls } from '../../../db/schema';
import { appointments } from '../../../db/schema-appointments';
import { effectiveSettings } from '../../domain/wait-target';
import type { AppDeps } from '../deps';
import { presentHall } from '../presenters';

const MINUTE = 60_000;

/** Marks due appointments in every hall; returns the ids this call marked. */
export async function markNoShows(deps: AppDeps): Promise<string[]> {
  const now = deps.clock.now();
  const marked: string[] = [];
  for (const row of await deps.db.select().from(halls)) {
    const hall = presentHall(row);
    const due = new Date(now.getTime() - effectiveSettings(hall.settings).appointmentGraceMinutes * MINUTE);
    const done = await deps.db
      .update(appointments)
      .set({ status: 'no_show', noShowAt: now })
      .where(and(eq(appointments.hallId, hall.id), eq(appointments.status, 'booked'), lte(appointments.slotEnd, due)))
      .returning({ id: appointments.id });
    marked.push(...done.map((d) => d.id));
  }
  return marked;
}
