import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ALLOWED_FROM, applyTicketAction, type TicketAction, type TicketState } from '../../server/domain/ticket-machine';
import type { TicketStatus } from '../../server/protocol/views';

const at = new Date('2026-11-23T02:00:00Z');
const C1 = 'counter-1';
const C2 = 'counter-2';
const STATUSES: TicketStatus[] = ['waiting', 'called', 'serving', 'parked', 'no_show', 'done', 'cancelled'];

function ticket(status: TicketStatus, over: Partial<TicketState> = {}): TicketState {
  const held = status === 'called' || status === 'serving' || status === 'parked';
  return {
    status,
    matterId: 'm1',
    zoneId: 'z1',
    counterId: held || status === 'no_show' ? C1 : null,
    targetCounterId: null,
    recallCount: 0,
    transferCount: 0,
    lastTransferReason: null,
    firstCalledAt: status === 'waiting' ? null : new Date('2026-11-23T01:50:00Z'),
    calledAt: status === 'waiting' ? null : new Date('2026-11-23T01:50:00Z'),
    startedAt: status === 'serving' || status === 'done' ? new Date('2026-11-23T01:55:00Z') : null,
    finishedAt: null,
    ...over,
  };
}

const ACTIONS: Record<TicketAction['type'], TicketAction> = {
  call: { type: 'call', counterId: C1, at },
  recall: { type: 'recall', counterId: C1, at },
  start: { type: 'start', counterId: C1, at },
  finish: { type: 'finish', counterId: C1, at },
  no_show: { type: 'no_show', counterId: C1, at },
  reactivate: { type: 'reactivate', at },
  park: { type: 'park', counterId: C1, at },
  call_back: { type: 'call_back', counterId: C1, at },
  transfer: { type: 'transfer', at, byCounterId: C1, toMatter: { id: 'm2', zoneId: 'z2' }, toCounterId: null, reason: '材料属另一事项' },
  cancel: { type: 'cancel', at },
};

/** The expected table, written out independently of ALLOWED_FROM: action → from-status → to-status. */
const EXPECTED: Record<TicketAction['type'], Partial<Record<TicketStatus, TicketStatus>>> = {
  call: { waiting: 'called' },
  recall: { called: 'called' },
  start: { called: 'serving' },
  finish: { serving: 'done' },
  no_show: { called: 'no_show' },
  reactivate: { no_show: 'waiting' },
  park: { called: 'parked', serving: 'parked' },
  call_back: { parked: 'called' },
  transfer: { waiting: 'waiting', called: 'waiting', serving: 'waiting' },
  cancel: { waiting: 'cancelled', called: 'cancelled', parked: 'cancelled', no_show: 'cancelled' },
};

const table = suite('ticket state machine: full transition table');

for (const [type, action] of Object.entries(ACTIONS) as [TicketAction['type'], TicketAction][]) {
  for (const from of STATUSES) {
    const expected = EXPECTED[type][from];
    table(`${type} from ${from} → ${expected ?? 'invalid_transition'}`, () => {
      const result = applyTicketAction(ticket(from), action);
      if (expected) {
        assert.ok(result.ok, `expected ${type} to be allowed from ${from}`);
        if (result.ok) assert.is(result.value.status, expected);
      } else {
        assert.equal(result.ok ? 'ok' : result.code, 'invalid_transition');
      }
    });
  }
}

table('ALLOWED_FROM agrees with the written-out table', () => {
  for (const type of Object.keys(EXPECTED) as TicketAction['type'][]) {
    assert.equal([...ALLOWED_FROM[type]].sort(), Object.keys(EXPECTED[type]).sort(), type);
  }
});
table.run();

const rules = suite('ticket state machine: rules beyond the table');

rules('a counter cannot act on a ticket held by another counter', () => {
  for (const type of ['recall', 'start', 'no_show', 'park'] as const) {
    const r = applyTicketAction(ticket('called'), { type, counterId: C2, at });
    assert.equal(r.ok ? 'ok' : r.code, 'wrong_counter', type);
  }
  const finish = applyTicketAction(ticket('serving'), { type: 'finish', counterId: C2, at });
  assert.equal(finish.ok ? 'ok' : finish.code, 'wrong_counter');
  const back = applyTicketAction(ticket('parked'), { type: 'call_back', counterId: C2, at });
  assert.equal(back.ok ? 'ok' : back.code, 'wrong_counter');
  const transfer = applyTicketAction(ticket('serving'), { ...(ACTIONS.transfer as Extract<TicketAction, { type: 'transfer' }>), byCounterId: C2 });
  assert.equal(transfer.ok ? 'ok' : transfer.code, 'wrong_counter');
});

rules('calling sets first call once; a later call keeps it', () => {
  const first = applyTicketAction(ticket('waiting'), { type: 'call', counterId: C1, at });
  assert.ok(first.ok);
  if (!first.ok) return;
  assert.equal(first.value.firstCalledAt, at);
  const reactivated = applyTicketAction({ ...first.value, status: 'no_show' }, { type: 'reactivate', at });
  assert.ok(reactivated.ok);
  if (!reactivated.ok) return;
  const later = new Date(at.getTime() + 600_000);
  const again = applyTicketAction(reactivated.value, { type: 'call', counterId: C2, at: later });
  assert.ok(again.ok);
  if (again.ok) {
    assert.equal(again.value.firstCalledAt, at);
    assert.equal(again.value.calledAt, later);
    assert.is(again.value.counterId, C2);
  }
});

rules('recall counts', () => {
  let t = ticket('called');
  for (let i = 1; i <= 3; i++) {
    const r = applyTicketAction(t, { type: 'recall', counterId: C1, at });
    assert.ok(r.ok);
    if (r.ok) t = r.value;
    assert.is(t.recallCount, i);
  }
});

rules('transfer keeps the clock, records the reason, releases the counter', () => {
  const r = applyTicketAction(ticket('serving'), ACTIONS.transfer);
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.is(r.value.matterId, 'm2');
  assert.is(r.value.zoneId, 'z2');
  assert.is(r.value.counterId, null);
  assert.is(r.value.transferCount, 1);
  assert.is(r.value.lastTransferReason, '材料属另一事项');
  assert.equal(r.value.firstCalledAt, ticket('serving').firstCalledAt);
});

rules('a ticket transferred to a counter can only be called there', () => {
  const r = applyTicketAction(ticket('called'), { ...(ACTIONS.transfer as Extract<TicketAction, { type: 'transfer' }>), toMatter: null, toCounterId: C2 });
  assert.ok(r.ok);
  if (!r.ok) return;
  const wrong = applyTicketAction(r.value, { type: 'call', counterId: C1, at });
  assert.equal(wrong.ok ? 'ok' : wrong.code, 'wrong_counter');
  const right = applyTicketAction(r.value, { type: 'call', counterId: C2, at });
  assert.ok(right.ok);
});

rules('a transfer without any target is refused', () => {
  const r = applyTicketAction(ticket('waiting'), { ...(ACTIONS.transfer as Extract<TicketAction, { type: 'transfer' }>), toMatter: null, toCounterId: null });
  assert.equal(r.ok ? 'ok' : r.code, 'validation_failed');
});

rules('inputs are never mutated', () => {
  const t = ticket('called');
  const copy = structuredClone(t);
  applyTicketAction(t, { type: 'recall', counterId: C1, at });
  applyTicketAction(t, ACTIONS.transfer);
  assert.equal(t, copy);
});

rules.run();
