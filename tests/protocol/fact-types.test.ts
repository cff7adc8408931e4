/**
 * Facts are one union keyed on `type` (server/protocol/facts.ts): each type's staff payload, public
 * view and audit record are declared once. The `@ts-expect-error` lines are checked by typecheck;
 * the run-time part checks the server's public projection against the declared public keys.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { AuditRecordOf, FactDraft, HallFact, HallFactOf, PublicHallFact } from '../../server/protocol/facts';
import type { CounterView, TicketView } from '../../server/protocol/views';
import { toPublicFact } from '../../server/socket/socket-server';

/** Type-only: never called. */
function compileChecks(ticket: TicketView, counter: CounterView, fact: HallFact, pub: PublicHallFact) {
  const called: HallFactOf<'ticket:called'> = { seq: 1, hallId: 'h', type: 'ticket:called', at: '', ticket, counter };
  void called;
  // @ts-expect-error a called ticket's fact carries its counter
  const noCounter: HallFactOf<'ticket:called'> = { seq: 1, hallId: 'h', type: 'ticket:called', at: '', ticket };
  void noCounter;
  // @ts-expect-error a counter fact carries no ticket
  const stray: HallFactOf<'counter:opened'> = { seq: 1, hallId: 'h', type: 'counter:opened', at: '', counter, ticket };
  void stray;
  const issued: FactDraft = { type: 'ticket:issued', ticket, data: { source: 'kiosk' } };
  void issued;
  // @ts-expect-error an issued ticket's audit record says where it came from
  const noSource: FactDraft = { type: 'ticket:issued', ticket };
  void noSource;
  // @ts-expect-error a transfer's audit record needs its reason and origin
  const transferAudit: AuditRecordOf<'ticket:transferred'> = { reason: '转窗' };
  void transferAudit;
  // Narrowing on `type` gives the payload.
  if (fact.type === 'hall:notice') void fact.notice.text;
  if (fact.type === 'print:status') void fact.printJob.status;
  // @ts-expect-error public facts never carry print jobs
  void pub.printJob;
  // @ts-expect-error nor alerts
  void pub.alert;
  if (pub.type === 'ticket:called' && pub.ticket) {
    // @ts-expect-error a public ticket has no visitor fields
    void pub.ticket.idNumberMasked;
  }
}
void compileChecks;

const t = suite('facts: one union, staff and public views and audit records from server/protocol/facts.ts');

t('the public view keeps only ticket, counter, call and notice, in their public forms', () => {
  const ticket = { id: 't1', number: 'A001', status: 'called', zoneId: 'z', matterId: 'm', matterName: '事项', counterId: 'c1', counterNumber: 5, calledAt: 'x', recallCount: 0, idNumberMasked: '1101**********002X', phoneMasked: '138****0000' } as unknown as TicketView;
  const counter = { id: 'c1', number: 5, name: '5号窗口', status: 'open', currentTicketId: 't1', staffId: 's1', staffName: '张伟' } as unknown as CounterView;
  const fact = { seq: 7, hallId: 'h', type: 'ticket:handling-overdue', at: 'x', ticket, counter, alert: { kind: 'handling_overdue', deadline: 'x', targetMinutes: 20, elapsedMinutes: 25, counterIds: ['c1'] } } as HallFact;
  const pub: object = toPublicFact(fact);
  assert.equal(Object.keys(pub).sort(), ['at', 'counter', 'hallId', 'seq', 'ticket', 'type']);
  const text = JSON.stringify(pub);
  assert.not.match(text, /1101|138|张伟|staffId|alert/);
});

t.run();
