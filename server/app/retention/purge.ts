/**
 * The retention purge (server/domain/retention.ts): deletes command results, expired sessions and
 * phone codes, abuse counters that are over, and blanks visitors' identity numbers and phones on old tickets and
 * appointments — the rows stay for reports, the person is gone. The audit trails are untouched. Each run
 * that removes something leaves one audit row saying what. Idempotent; a background job runs it
 * every 6 hours.
 */
import { and, eq, isNotNull, lt, ne } from 'drizzle-orm';
import { commandResults, halls, sessions, tickets } from '../../../db/schema';
import { appointments } from '../../../db/schema-appointments';
import { phoneCodes } from '../../../db/schema-security';
import { appointmentDayBefore, retentionCutoffs } from '../../domain/retention';
import { effectiveSettings } from '../../domain/wait-target';
import { SYSTEM } from '../actor';
import { recordAudit } from '../audit';
import type { AppDeps } from '../deps';
import { presentHall } from '../presenters';
import { purgeExpiredCounters } from '../throttle-store';

export interface PurgeCounts {
  commandResults: number;
  sessions: number;
  phoneCodes: number;
  /** Sign-in and public-endpoint counters whose window and lock are over. */
  throttleCounters: number;
  tickets: number;
  appointments: number;
}

/** What an erased appointment keeps instead of a visitor's hash: it matches no look-up. */
const ERASED = 'erased';

export async function purgeExpiredData(deps: AppDeps): Promise<PurgeCounts> {
  const now = deps.clock.now();
  const cut = retentionCutoffs(now);
  const db = deps.db;
  const counts: PurgeCounts = {
    commandResults: (await db.delete(commandResults).where(lt(commandResults.createdAt, cut.commandResultsBefore)).returning({ id: commandResults.commandId })).length,
    sessions: (await db.delete(sessions).where(lt(sessions.expiresAt, cut.credentialsExpiredBefore)).returning({ id: sessions.tokenHash })).length,
    phoneCodes: (await db.delete(phoneCodes).where(lt(phoneCodes.expiresAt, cut.credentialsExpiredBefore)).returning({ id: phoneCodes.phoneHash })).length,
    throttleCounters: await purgeExpiredCounters(deps, now),
    tickets: (
      await db
        .update(tickets)
        .set({ visitorIdHash: null, visitorIdEnc: null, visitorIdMasked: null })
        .where(and(lt(tickets.serviceDate, cut.ticketDayBefore), isNotNull(tickets.visitorIdEnc)))
        .returning({ id: tickets.id })
    ).length,
    appointments: 0,
  };
  for (const hall of await db.select().from(halls)) {
    const before = appointmentDayBefore(now, effectiveSettings(presentHall(hall).settings));
    const erased = await db
      .update(appointments)
      .set({ visitorIdHash: ERASED, visitorIdEnc: '', visitorIdMasked: '', phoneHash: ERASED, phoneEnc: '', phoneMasked: '' })
      .where(and(eq(appointments.hallId, hall.id), lt(appointments.serviceDate, before), ne(appointments.phoneHash, ERASED)))
      .returning({ id: appointments.id });
    counts.appointments += erased.length;
  }
  if (Object.values(counts).some((n) => n > 0)) {
    await recordAudit(deps, SYSTEM, { action: 'retention:purge', hallId: null, subject: now.toISOString().slice(0, 10), detail: { ...counts } });
  }
  return counts;
}
