/**
 * Free text is screened before it is stored or shown (issue #11 §8): transfer, cancel and pause
 * reasons are stored with personal data blanked out — in the ticket, the append-only event log and
 * the command result — and a notice with personal data is refused before any display sees it.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sql } from 'drizzle-orm';
import { callNext } from '../../server/app/call-next';
import { actOnCounter } from '../../server/app/counter-actions';
import { issueTicket } from '../../server/app/issue-ticket';
import { postNotice } from '../../server/app/manager/notices';
import { cancelTicket } from '../../server/app/ticket-admin-actions';
import { transferTicket } from '../../server/app/transfer-ticket';
import { manualClock } from '../../server/domain/clock';
import { createTestDb, type TestDb } from '../_support/db';
import { codeOf, cmd, recordingPublisher, seedDemoHall, testDeps, type DemoHall } from '../_support/fixtures';

const clock = manualClock('2026-11-23T01:30:00Z');
const publisher = recordingPublisher();
let db: TestDb;
let hall: DemoHall;
const deps = () => testDeps(db.db, clock, publisher);

/** Every stored row that could keep the text: tickets, the event log, command results. */
async function storedText(): Promise<string> {
  const rows = await db.db.execute(sql`
    SELECT coalesce((SELECT string_agg(coalesce(last_transfer_reason, ''), ' ') FROM tickets), '') ||
           coalesce((SELECT string_agg(data::text, ' ') FROM ticket_events), '') ||
           coalesce((SELECT string_agg(coalesce(result::text, ''), ' ') FROM command_results), '') ||
           coalesce((SELECT string_agg(coalesce(pause_reason, ''), ' ') FROM counters), '') AS all_text`);
  const list = (rows as unknown as { rows?: { all_text: string }[] }).rows ?? (rows as unknown as { all_text: string }[]);
  return list[0]!.all_text;
}

const t = suite('free text privacy');
t.before(async () => {
  db = await createTestDb();
  hall = await seedDemoHall(db.db);
});
t.after(() => db.drop());

t('transfer, cancel and pause reasons are stored without phones, identity numbers or names', async () => {
  const kiosk = await hall.kiosk();
  const s1 = await hall.staff('staff1');
  const manager = await hall.staff('manager');
  const c1 = await hall.counter(1);
  const c2 = await hall.counter(2);
  const m = await hall.matter('企业设立登记');
  await actOnCounter(deps(), s1, 'take', { commandId: cmd(), counterId: c1.id });
  await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: m.id });
  const w = await issueTicket(deps(), kiosk, hall.hallId, { commandId: cmd(), matterId: m.id });
  const called = await callNext(deps(), s1, { commandId: cmd(), counterId: c1.id });
  const moved = await transferTicket(deps(), s1, { commandId: cmd(), ticketId: called.ticket!.id, counterId: c1.id, toCounterId: c2.id, reason: '张先生要求转窗，电话138-1234-5678' });
  assert.is(moved.ticket?.lastTransferReason, '某先生要求转窗，电话＊＊＊＊＊＊＊＊＊＊＊＊＊');
  await cancelTicket(deps(), manager, { commandId: cmd(), ticketId: w.ticket.id, reason: '身份证110101-19900307-299X有误，联系人：李四' });
  await actOnCounter(deps(), s1, 'pause', { commandId: cmd(), counterId: c1.id, reason: '其他：送王女士去二楼 １３９００００００００' });
  const stored = await storedText();
  for (const leak of ['138-1234-5678', '13812345678', '110101-19900307-299X', '19900307', '李四', '张先生', '王女士', '１３９００００００００']) {
    assert.not.ok(stored.includes(leak), `stored: ${leak}`);
  }
  assert.ok(stored.includes('某先生要求转窗'), 'the reason itself is kept');
  const published = JSON.stringify(publisher.facts);
  assert.not.ok(published.includes('13812345678') || published.includes('138-1234-5678'), 'nor published');
});

t('notices with personal data are refused and never published; a clean notice goes out', async () => {
  const manager = await hall.staff('manager');
  const before = publisher.facts.length;
  for (const text of ['请 138-1234-5678 的办事人到服务台', '请１３８１２３４５６７８联系服务台', '110101-19900307-299X 的证件已办好', '张先生请到服务台', '请欧阳女士到3号窗口', '请张伟到5号窗口']) {
    assert.is(await codeOf(postNotice(deps(), manager, hall.hallId, { commandId: cmd(), text, minutes: 10 })), 'validation_failed', text);
  }
  assert.is(publisher.facts.length, before, 'nothing reached a display');
  const ok = await postNotice(deps(), manager, hall.hallId, { commandId: cmd(), text: '系统维护，请稍候', minutes: 10 });
  assert.is(ok.text, '系统维护，请稍候');
});

t.run();
