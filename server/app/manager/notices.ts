/**
 * Notices for the wall display (e.g. "系统维护，请稍候"): a manager posts a short text for some
 * minutes; the 'hall:notice' fact reaches the staff and public rooms. The newest notice replaces
 * the previous one; clearing posts an empty one. The audit log (ticket_events) is the store, so a
 * display that (re)connects asks for the active notice.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte } from 'drizzle-orm';
import type { z } from 'zod';
import { ticketEvents } from '../../../db/schema';
import type { noticeBody, noticeClearBody } from '../../protocol/dashboard';
import type { HallNotice } from '../../protocol/events';
import { authorize, type Actor } from '../actor';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';
import { runCommand } from '../run-command';
import { containsPersonalData } from '../../domain/free-text';
import { AppError } from '../app-error';

/** Longest notice, in minutes (the schema's limit): older events cannot hold an active notice. */
const MAX_MINUTES = 480;

export async function postNotice(deps: AppDeps, actor: Actor, hallId: string, input: z.output<typeof noticeBody>): Promise<HallNotice> {
  authorize(actor, 'notice:write', { hallId });
  // A notice is public: refused (not silently blanked) so the manager sees what the display would show.
  if (containsPersonalData(input.text)) {
    const message = 'A public notice may not contain phone or identity numbers or names (e.g. 张先生); write it without them';
    throw new AppError('validation_failed', message, { text: message });
  }
  return runCommand(deps, { name: 'hall:notice', hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    await loadHall(tx, hallId);
    const notice: HallNotice = {
      id: randomUUID(),
      text: input.text,
      at: now.toISOString(),
      until: new Date(now.getTime() + input.minutes * 60_000).toISOString(),
    };
    emit({ type: 'hall:notice', notice, data: { notice, minutes: input.minutes } });
    return notice;
  });
}

export async function clearNotice(deps: AppDeps, actor: Actor, hallId: string, input: z.output<typeof noticeClearBody>): Promise<HallNotice> {
  authorize(actor, 'notice:write', { hallId });
  return runCommand(deps, { name: 'hall:notice-clear', hallId, actor, commandId: input.commandId }, async ({ tx, now, emit }) => {
    await loadHall(tx, hallId);
    const at = now.toISOString();
    const notice: HallNotice = { id: randomUUID(), text: '', at, until: at };
    emit({ type: 'hall:notice', notice, data: { notice, cleared: true } });
    return notice;
  });
}

/** The notice showing now, or null. Any actor of the hall may ask: wall displays, kiosks, staff, managers. */
export async function activeNotice(deps: AppDeps, actor: Actor, hallId: string): Promise<HallNotice | null> {
  authorize(actor, 'notice:read', { hallId });
  const now = deps.clock.now();
  const [latest] = await deps.db
    .select({ data: ticketEvents.data })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.hallId, hallId),
        eq(ticketEvents.type, 'hall:notice'),
        gte(ticketEvents.at, new Date(now.getTime() - MAX_MINUTES * 60_000)),
      ),
    )
    .orderBy(desc(ticketEvents.seq))
    .limit(1);
  const notice = latest?.data.notice;
  return notice && notice.text && Date.parse(notice.until) > now.getTime() ? notice : null;
}
