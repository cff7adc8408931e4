/** Past days of a hall for forecast and plan tests: done tickets of a matter in a local half hour. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import { tickets } from '../../db/schema';
import { idNumberCheckChar } from '../../server/protocol/identity-number';

let seq = 0;

/**
 * `n` done tickets of `matter` issued over the local (Asia/Shanghai) half hour starting at `hhmm`
 * of `date`, each served for `serviceMinutes`; every `bookedEvery`-th one came by appointment.
 */
export async function insertHistory(
  db: Db,
  matter: { id: string; hallId: string; zoneId: string },
  date: string,
  hhmm: string,
  n: number,
  opts: { serviceMinutes?: number; bookedEvery?: number } = {},
): Promise<void> {
  const slotStart = new Date(`${date}T${hhmm}:00+08:00`);
  const every = opts.bookedEvery ?? 0;
  const rows = Array.from({ length: n }, (_, i) => {
    const issued = new Date(slotStart.getTime() + ((i * 29) / n) * 60_000);
    const booked = every > 0 && i % every === 0;
    seq++;
    return {
      hallId: matter.hallId, zoneId: matter.zoneId, matterId: matter.id, serviceDate: date, prefix: 'H', seqNo: seq, number: `H${seq}`,
      status: 'done' as const, source: (booked ? 'appointment' : 'kiosk') as 'appointment' | 'kiosk', issuedAt: issued, waitStartAt: issued, waitTargetMinutes: 10,
      slotStart: booked ? slotStart : null, slotEnd: booked ? new Date(slotStart.getTime() + 30 * 60_000) : null,
      firstCalledAt: issued, calledAt: issued, startedAt: issued, finishedAt: new Date(issued.getTime() + (opts.serviceMinutes ?? 10) * 60_000),
      token: randomBytes(18).toString('base64url'),
    };
  });
  await db.insert(tickets).values(rows);
}

/** A fresh visitor for booking tests: a valid identity number (born 1980-`month`) and a mobile number nobody else uses. */
export function testVisitor(n: number, month = '03'): { idNumber: string; phone: string } {
  const first17 = `1101051980${month}${String((n % 28) + 1).padStart(2, '0')}${String(n).padStart(3, '0')}`;
  return { idNumber: first17 + idNumberCheckChar(first17), phone: `138${month}${String(n).padStart(6, '0')}` };
}
