/**
 * Acceptance at the counter: open a case on the ticket in hand (once, however often it is asked),
 * 一次性告知 with every missing item, the visitor back on a new ticket continuing the same case,
 * 受理 with a due date on the hall calendar, 容缺, 不予受理, 当场办结, and every bad transition refused
 * with a stable code and nothing written.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { cases, caseVisits } from '../../db/schema-cases';
import { ticketEvents, tickets } from '../../db/schema';
import { actOnCounter } from '../../server/app/counter-actions';
import { decideIntake } from '../../server/app/cases/intake-outcome';
import { findCases, openCase, resumeCase } from '../../server/app/cases/open-case';
import { ticketProgress } from '../../server/app/progress';
import { actOnTicketAtCounter } from '../../server/app/ticket-actions';
import { manualClock } from '../../server/domain/clock';
import type { CaseIntakeInput } from '../../server/protocol/case-schemas';
import { createTestDb, type TestDb } from '../_support/db';
import { materialIds, ticketAtCounter } from '../_support/cases';
import { cmd, recordingPublisher, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const ID = '11010519491231002X';
let db: TestDb;
let hall: DemoHall;
const clock = manualClock('2025-09-30T02:00:00Z'); // Tue 10:00 in Shanghai, the day before 国庆节
const publisher = recordingPublisher();
const t = suite('cases at the counter');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(async () => db.drop());

async function rejects(p: Promise<unknown>, code: string): Promise<void> {
  try {
    await p;
  } catch (e) {
    assert.is((e as { code?: string }).code, code, String(e));
    return;
  }
  assert.unreachable(`expected ${code}`);
}

const intake = (base: Omit<CaseIntakeInput, 'commandId' | 'defects'> & { defects?: CaseIntakeInput['defects'] }): CaseIntakeInput => ({ commandId: cmd(), defects: [], ...base });

t('open twice, replayed, and from a second counter → one case with one number', async () => {
  const deps = testDeps(db.db, clock, publisher);
  const staff1 = await hall.staff('staff1');
  const staff2 = await hall.staff('staff2');
  const v = await ticketAtCounter(deps, hall, staff1, 1, '企业设立登记', ID);
  const commandId = cmd();
  const [a, b, c] = await Promise.all([
    openCase(deps, staff1, { commandId, counterId: v.counterId, ticketId: v.ticketId }),
    openCase(deps, staff1, { commandId, counterId: v.counterId, ticketId: v.ticketId }),
    openCase(deps, staff1, { commandId: cmd(), counterId: v.counterId, ticketId: v.ticketId }),
  ]);
  const counter2 = await hall.counter(2);
  await actOnCounter(deps, staff2, 'take', { commandId: cmd(), counterId: counter2.id });
  const d = await openCase(deps, staff2, { commandId: cmd(), counterId: counter2.id, ticketId: v.ticketId });
  assert.equal(new Set([a.case.id, b.case.id, c.case.id, d.case.id]).size, 1);
  assert.is(a.case.number, '202509300001');
  assert.is(a.case.status, 'intake');
  assert.is(a.case.visitorIdMasked, '110105********002X', 'identity from the ticket, masked');
  assert.is(a.guide.materials.length, 5);
  const rows = await db.db.select().from(cases).where(eq(cases.ticketId, v.ticketId));
  assert.is(rows.length, 1);
  assert.not.match(JSON.stringify(rows[0]!.visitorIdEnc), ID, 'identity number encrypted');
  const opened = publisher.facts.filter((f) => f.type === 'case:opened');
  assert.is(opened.length, 1, 'one case:opened fact');
  assert.not.ok(JSON.stringify(opened).includes(ID));
});

t('一次性告知 lists every missing required item at once; the visitor returns and the same case is accepted', async () => {
  const deps = testDeps(db.db, clock, publisher);
  const staff1 = await hall.staff('staff1');
  const [existing] = await db.db.select().from(cases).where(eq(cases.number, '202509300001'));
  const counterId = (await hall.counter(1)).id;
  const ids = await materialIds(db.db, existing!.matterId);
  const all = ['公司登记（备案）申请书', '公司章程', '法定代表人身份证件', '住所使用证明'].map((n) => ids.get(n)!);

  // Nothing missing → no notice; missing → no plain acceptance; a non-tolerable item → no 容缺.
  await rejects(decideIntake(deps, staff1, intake({ counterId, caseId: existing!.id, outcome: 'notice', received: all })), 'case_notice_empty');
  await rejects(decideIntake(deps, staff1, intake({ counterId, caseId: existing!.id, outcome: 'accept', received: all.slice(0, 2) })), 'case_materials_missing');
  await rejects(decideIntake(deps, staff1, intake({ counterId, caseId: existing!.id, outcome: 'tolerate', received: all.slice(0, 2), promiseDate: '2025-10-15' })), 'case_not_tolerable');
  await rejects(decideIntake(deps, staff1, intake({ counterId, caseId: existing!.id, outcome: 'accept', received: [...all, 'no-such'] })), 'validation_failed');
  const [still] = await db.db.select().from(cases).where(eq(cases.id, existing!.id));
  assert.is(still!.status, 'intake', 'refusals wrote nothing');

  // The charter is missing and the ID copy is defective: both on one notice, in the guide wording.
  const noticed = await decideIntake(deps, staff1, intake({ counterId, caseId: existing!.id, outcome: 'notice', received: [all[0]!, all[2]!, all[3]!], defects: [{ materialId: all[2]!, problem: '复印件不清晰' }] }));
  assert.is(noticed.case.status, 'notice');
  assert.equal(noticed.case.notice?.items, ['公司章程（原件 1 份）', '法定代表人身份证件（复印件 1 份）：复印件不清晰']);
  assert.is(noticed.case.notice?.counterNumber, 1);
  assert.is(noticed.case.notice?.deadline, '2025-10-21', '10 working days after 09-30 across 国庆节 and its 调休 Saturday 10-11');
  assert.is(noticed.case.dueDate, null, 'no clock before acceptance');

  // The phone page of the first ticket shows the notice.
  const [firstTicket] = await db.db.select({ token: tickets.token }).from(tickets).where(eq(tickets.id, existing!.ticketId));
  const progress = await ticketProgress(deps, firstTicket!.token);
  assert.is(progress.case?.number, '202509300001');
  assert.equal(progress.case?.notice?.items, noticed.case.notice?.items);
  assert.equal(progress.case?.steps.map((s) => s.status), ['intake', 'notice']);

  // The visit ends; a week later (after the holiday) the visitor is back with a new ticket.
  await actOnTicketAtCounter(deps, staff1, 'start', { commandId: cmd(), counterId, ticketId: existing!.ticketId });
  await actOnTicketAtCounter(deps, staff1, 'finish', { commandId: cmd(), counterId, ticketId: existing!.ticketId });
  clock.set('2025-10-09T01:30:00Z');
  const back = await ticketAtCounter(deps, hall, staff1, 1, '企业设立登记');
  const byNumber = await findCases(deps, staff1, { counterId, caseNumber: '202509300001' });
  const byId = await findCases(deps, staff1, { counterId, idNumber: ID });
  assert.equal(byNumber.map((c) => c.id), [existing!.id]);
  assert.equal(byId.map((c) => c.id), [existing!.id]);
  const resumed = await resumeCase(deps, staff1, { commandId: cmd(), counterId, ticketId: back.ticketId, caseId: existing!.id });
  assert.is(resumed.case.status, 'intake');
  assert.equal(resumed.case.received, [all[0], all[2], all[3]], 'earlier ticks kept');
  await rejects(resumeCase(deps, staff1, { commandId: cmd(), counterId, ticketId: back.ticketId, caseId: '00000000-0000-4000-8000-000000000000' }), 'not_found');

  const accepted = await decideIntake(deps, staff1, intake({ counterId, caseId: existing!.id, outcome: 'accept', received: all, delivery: 'pickup' }));
  assert.is(accepted.case.status, 'accepted');
  assert.is(accepted.case.number, '202509300001', 'the same case');
  assert.is(accepted.case.noticeCount, 1);
  assert.is(accepted.case.acceptedAt, '2025-10-09T01:30:00.000Z');
  assert.is(accepted.case.limitDays, 1);
  assert.is(accepted.case.dueDate, '2025-10-10', 'promised 1 working day, counted from acceptance: the notice period does not count');
  await rejects(decideIntake(deps, staff1, intake({ counterId, caseId: existing!.id, outcome: 'accept', received: all })), 'invalid_transition');
  const visits = await db.db.select().from(caseVisits).where(eq(caseVisits.caseId, existing!.id));
  assert.equal(visits.map((x) => x.kind).sort(), ['open', 'return']);
  const newProgress = await ticketProgress(deps, back.token);
  assert.equal(newProgress.case?.steps.map((s) => s.status), ['intake', 'notice', 'intake', 'accepted'], 'the new ticket shows the same case');
  const audit = await db.db.select().from(ticketEvents).where(eq(ticketEvents.type, 'case:accepted'));
  assert.is(audit.length, 1);
  assert.is((audit[0]!.data as { caseId: string }).caseId, existing!.id);
});

t('容缺受理 with a promise date; 不予受理 with a reason; 当场办结 only for on-the-spot matters', async () => {
  clock.set('2025-11-03T02:00:00Z');
  const deps = testDeps(db.db, clock, publisher);
  const staff3 = await hall.staff('staff3');
  const v = await ticketAtCounter(deps, hall, staff3, 4, '退休待遇申领', '44052419500101001X');
  const opened = await openCase(deps, staff3, { commandId: cmd(), counterId: v.counterId, ticketId: v.ticketId });
  const ids = await materialIds(db.db, opened.case.matterId);
  const withoutCard = ['申请人身份证件', '退休审批表', '档案材料'].map((n) => ids.get(n)!);
  await rejects(decideIntake(deps, staff3, intake({ counterId: v.counterId, caseId: opened.case.id, outcome: 'tolerate', received: withoutCard })), 'validation_failed');
  await rejects(decideIntake(deps, staff3, intake({ counterId: v.counterId, caseId: opened.case.id, outcome: 'complete', received: withoutCard })), 'case_not_on_the_spot');
  const tolerated = await decideIntake(deps, staff3, intake({ counterId: v.counterId, caseId: opened.case.id, outcome: 'tolerate', received: withoutCard, promiseDate: '2025-11-10' }));
  assert.is(tolerated.case.status, 'accepted');
  assert.ok(tolerated.case.tolerated);
  assert.is(tolerated.case.promiseDate, '2025-11-10');
  assert.equal(tolerated.case.notice?.items, ['本人银行卡（复印件 1 份）']);
  assert.is(tolerated.case.dueDate, '2025-11-17', '10 working days from Mon 11-03');

  const w = await ticketAtCounter(deps, hall, staff3, 4, '社会保障卡补换', '44052419500101001X');
  const spot = await openCase(deps, staff3, { commandId: cmd(), counterId: w.counterId, ticketId: w.ticketId });
  const sIds = [...(await materialIds(db.db, spot.case.matterId)).values()];
  const done = await decideIntake(deps, staff3, intake({ counterId: w.counterId, caseId: spot.case.id, outcome: 'complete', received: sIds }));
  assert.is(done.case.status, 'closed');
  assert.ok(done.case.onTheSpot);

  const x = await ticketAtCounter(deps, hall, staff3, 4, '户籍迁移');
  const refused = await openCase(deps, staff3, { commandId: cmd(), counterId: x.counterId, ticketId: x.ticketId });
  await rejects(decideIntake(deps, staff3, intake({ counterId: x.counterId, caseId: refused.case.id, outcome: 'not_accept', received: [] })), 'validation_failed');
  const xIds = [...(await materialIds(db.db, refused.case.matterId)).values()];
  await rejects(decideIntake(deps, staff3, intake({ counterId: x.counterId, caseId: refused.case.id, outcome: 'accept', received: xIds, delivery: 'post' })), 'validation_failed');
  const no = await decideIntake(deps, staff3, intake({ counterId: x.counterId, caseId: refused.case.id, outcome: 'not_accept', received: [], reason: '申请人不符合本市户口迁入政策' }));
  assert.is(no.case.status, 'not_accepted');
  assert.is(no.case.notice?.kind, 'not_accepted');
  assert.is(no.case.notice?.reason, '申请人不符合本市户口迁入政策');
  await rejects(resumeCase(deps, staff3, { commandId: cmd(), counterId: x.counterId, ticketId: x.ticketId, caseId: spot.case.id }), 'conflict');
});

t('a matter without a case (consultation) and a counter that does not hold the ticket are refused', async () => {
  const deps = testDeps(db.db, clock, publisher);
  const staff4 = await hall.staff('staff4');
  const v = await ticketAtCounter(deps, hall, staff4, 9, '政务服务咨询');
  await rejects(openCase(deps, staff4, { commandId: cmd(), counterId: v.counterId, ticketId: v.ticketId }), 'case_no_guide');
  const w = await ticketAtCounter(deps, hall, await hall.staff('staff1'), 1, '企业注销登记');
  await rejects(openCase(deps, staff4, { commandId: cmd(), counterId: v.counterId, ticketId: w.ticketId }), 'wrong_counter');
});

t('accepting in a year without calendar data is refused and nothing is written', async () => {
  clock.set('2026-12-28T02:00:00Z');
  const deps = testDeps(db.db, clock, publisher);
  const staff1 = await hall.staff('staff1');
  const counterId = (await hall.counter(1)).id;
  const v = await ticketAtCounter(deps, hall, staff1, 1, '食品经营许可');
  const opened = await openCase(deps, staff1, { commandId: cmd(), counterId, ticketId: v.ticketId });
  assert.is(opened.case.number, '202612280001', 'numbers restart every day');
  const all = [...(await materialIds(db.db, opened.case.matterId)).values()];
  await rejects(decideIntake(deps, staff1, intake({ counterId, caseId: opened.case.id, outcome: 'accept', received: all })), 'calendar_year_unknown');
  const [row] = await db.db.select().from(cases).where(eq(cases.id, opened.case.id));
  assert.is(row!.status, 'intake');
  assert.is(row!.dueDate, null);
});

t.run();
