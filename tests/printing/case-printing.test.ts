/**
 * Case documents on the counter's printer, end to end on a real server: the admin gives counter 1 a
 * printer; 一次性告知, 受理 and 不予受理 each write a print job in their transaction, the job is sent
 * after commit, and the fake printer's decoded bytes hold every required field. A counter without a
 * printer gets no job (the workstation prints from the browser); case:print reprints (补打) or says
 * no_printer; the admin routes refuse bad input and other roles.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eq } from 'drizzle-orm';
import { printJobs } from '../../db/schema-printing';
import { decideIntake } from '../../server/app/cases/intake-outcome';
import { openCase, resumeCase } from '../../server/app/cases/open-case';
import { printCaseDocument } from '../../server/app/cases/print-case-document';
import type { CaseIntakeInput } from '../../server/protocol/case-schemas';
import type { PrintJobView } from '../../server/protocol/views';
import { materialIds, ticketAtCounter } from '../_support/cases';
import { cmd, seedDemoHall, type DemoHall } from '../_support/fixtures';
import { api } from '../_support/server';
import { pollJob, printerAt, startPrintingHall, type PrintingHall } from './_support';

let h: PrintingHall;
let hall: DemoHall;
const t = suite('case documents at the counter printer');
t.before(async () => {
  h = await startPrintingHall();
  hall = await seedDemoHall(h.db.db); // the server seeded it: this only finds its parts
});
t.after(() => h.close());

const counterPath = async (n: number) => `/api/halls/${h.ids.hallId}/counters/${(await hall.counter(n)).id}/printer`;

/** The last printed job's text with wrapping (line breaks and spaces) removed. */
async function printedText(count: number): Promise<string> {
  const jobs = await h.printer.waitForJobs(count, 8000);
  return jobs[count - 1]!.decoded.text.replace(/\s+/g, '');
}
const has = (text: string, field: string) => assert.ok(text.includes(field.replace(/\s+/g, '')), `"${field}" in\n${text}`);

async function finished(job: PrintJobView | undefined): Promise<PrintJobView> {
  assert.ok(job, 'a print job was written with the outcome');
  return pollJob(h.server, job!.id, h.staff);
}

t('the admin gives counter 1 a printer; staff read it; bad input and other roles are refused', async () => {
  const path = await counterPath(1);
  const before = await api(h.server.url, 'GET', path, undefined, h.staff);
  assert.is(before.status, 200, JSON.stringify(before.json));
  assert.is(before.json.data.source, 'none', 'no PRINTER_HOST in tests');
  assert.is((await api(h.server.url, 'PUT', path, printerAt(h.printer.port), h.manager)).status, 403, 'managers do not wire printers');
  assert.is((await api(h.server.url, 'PUT', path, printerAt(h.printer.port), h.staff)).status, 403);
  const bad = await api(h.server.url, 'PUT', path, { host: '', port: 70000 }, h.admin);
  assert.is(bad.status, 400);
  assert.is(bad.json.error.code, 'validation_failed');
  const tooSlow = await api(h.server.url, 'PUT', path, printerAt(h.printer.port, { timeoutMs: 60_000 }), h.admin);
  assert.is(tooSlow.status, 400);
  const other = await api(h.server.url, 'PUT', `/api/halls/${h.ids.hallId}/counters/00000000-0000-4000-8000-000000000000/printer`, printerAt(h.printer.port), h.admin);
  assert.is(other.status, 404);
  const put = await api(h.server.url, 'PUT', path, printerAt(h.printer.port, { paperWidth: 80 }), h.admin);
  assert.is(put.status, 200, JSON.stringify(put.json));
  assert.is(put.json.data.source, 'counter');
  assert.is(put.json.data.counterNumber, 1);
  const got = await api(h.server.url, 'GET', path, undefined, h.staff);
  assert.equal(got.json.data, put.json.data);
});

t('一次性告知书, then the 受理回执 of the same case, print on the counter printer with every field', async () => {
  const deps = h.server.deps;
  const staff1 = await hall.staff('staff1');
  const v = await ticketAtCounter(deps, hall, staff1, 1, '企业设立登记', '11010519491231002X');
  const opened = await openCase(deps, staff1, { commandId: cmd(), counterId: v.counterId, ticketId: v.ticketId });
  assert.is(opened.print, undefined, 'opening prints nothing');
  const ids = await materialIds(deps.db, opened.case.matterId);
  const all = opened.guide.materials.filter((m) => m.required).map((m) => m.id);
  const charter = ids.get('公司章程')!;
  const intake = (p: Partial<CaseIntakeInput>): CaseIntakeInput => ({ commandId: cmd(), counterId: v.counterId, caseId: opened.case.id, outcome: 'accept', received: [], defects: [], ...p });

  const noticed = await decideIntake(deps, staff1, intake({ outcome: 'notice', received: all.filter((id) => id !== charter && id !== ids.get('住所使用证明')) }));
  const job = await finished(noticed.print);
  assert.is(job.status, 'printed', JSON.stringify(job));
  assert.is(job.document, 'case_notice');
  assert.is(job.caseId, opened.case.id);
  assert.is(job.counterId, v.counterId);
  assert.is(job.deviceId, null);
  const notice = await printedText(1);
  has(notice, '一次性告知书');
  has(notice, `办件编号：${opened.case.number}`);
  has(notice, '办理事项：企业设立登记');
  for (const item of noticed.case.notice!.items) has(notice, item);
  assert.is(noticed.case.notice!.items.length, 2, 'both missing items');
  has(notice, `请于${noticed.case.notice!.deadline}前携带上述材料到1号窗口继续办理`);
  has(notice, `/p/${v.token}`);
  assert.not.ok(notice.includes('11010519491231002X'), 'no identity number on paper');

  // The visitor comes back on a new ticket: the same case continues and is accepted.
  const back = await ticketAtCounter(deps, hall, staff1, 1, '企业设立登记');
  await resumeCase(deps, staff1, { commandId: cmd(), counterId: v.counterId, ticketId: back.ticketId, caseId: opened.case.id });
  const replay = { ...intake({ outcome: 'accept', received: all }) };
  const accepted = await decideIntake(deps, staff1, replay);
  const again = await decideIntake(deps, staff1, replay);
  assert.is(again.print?.id, accepted.print?.id, 'a replayed command prints once');
  const receiptJob = await finished(accepted.print);
  assert.is(receiptJob.status, 'printed');
  assert.is(receiptJob.document, 'case_receipt');
  const receipt = await printedText(2);
  await new Promise((r) => setTimeout(r, 200));
  assert.is(h.printer.jobs.length, 2, 'the replay sent nothing');
  has(receipt, '受理回执');
  has(receipt, `办件编号：${accepted.case.number}`);
  has(receipt, '办理事项：企业设立登记');
  has(receipt, '承办部门：区市场监督管理局');
  has(receipt, `承诺办结日期：${accepted.case.dueDate}`);
  // The hall's calendar day (Asia/Shanghai), not the UTC one: they differ from 00:00 to 08:00 hall time.
  has(receipt, `日期：${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(accepted.case.acceptedAt!))}`);
  has(receipt, '送达方式：窗口领取');
  has(receipt, '查询进度');
  has(receipt, `[QRhttp://`);
  has(receipt, `/p/${back.token}`);

  // 补打: the same receipt, marked.
  const reprint = await printCaseDocument(deps, staff1, { commandId: cmd(), counterId: v.counterId, caseId: opened.case.id });
  assert.is((await finished(reprint)).status, 'printed');
  assert.is(reprint.reprint, true);
  const reprinted = await printedText(3);
  has(reprinted, '【补打】');
  has(reprinted, '受理回执');
});

t('不予受理通知书 with its reason; a counter without a printer gets no job and case:print says no_printer', async () => {
  const deps = h.server.deps;
  const staff1 = await hall.staff('staff1');
  const v = await ticketAtCounter(deps, hall, staff1, 1, '企业设立登记');
  const opened = await openCase(deps, staff1, { commandId: cmd(), counterId: v.counterId, ticketId: v.ticketId });
  const refused = await decideIntake(deps, staff1, { commandId: cmd(), counterId: v.counterId, caseId: opened.case.id, outcome: 'not_accept', received: [], defects: [], reason: '申请人不具备主体资格' });
  assert.is((await finished(refused.print)).document, 'case_refusal');
  const text = await printedText(4);
  has(text, '不予受理通知书');
  has(text, '不予受理理由：申请人不具备主体资格');
  has(text, '受理窗口：1号窗口');
  has(text, `办件编号：${opened.case.number}`);

  // Counter 2 was detached on purpose: nothing is queued, the workstation prints from the browser.
  const detach = await api(h.server.url, 'DELETE', await counterPath(2), undefined, h.admin);
  assert.is(detach.json.data.source, 'none');
  const staff2 = await hall.staff('staff2');
  const w = await ticketAtCounter(deps, hall, staff2, 2, '企业设立登记');
  const c2 = await openCase(deps, staff2, { commandId: cmd(), counterId: w.counterId, ticketId: w.ticketId });
  const r2 = await decideIntake(deps, staff2, { commandId: cmd(), counterId: w.counterId, caseId: c2.case.id, outcome: 'not_accept', received: [], defects: [], reason: '不属于本机关职权范围' });
  assert.is(r2.print, undefined);
  const rows = await deps.db.select().from(printJobs).where(eq(printJobs.caseId, c2.case.id));
  assert.is(rows.length, 0);
  try {
    await printCaseDocument(deps, staff2, { commandId: cmd(), counterId: w.counterId, caseId: c2.case.id });
    assert.unreachable('no printer');
  } catch (e) {
    assert.is((e as { code?: string }).code, 'no_printer');
  }
  // Another counter's staff cannot print at counter 1; a case with no paper yet is refused.
  const fresh = await ticketAtCounter(deps, hall, staff1, 1, '企业设立登记');
  const intakeCase = await openCase(deps, staff1, { commandId: cmd(), counterId: fresh.counterId, ticketId: fresh.ticketId });
  for (const [actor, counterId, code] of [[staff2, fresh.counterId, 'forbidden'], [staff1, fresh.counterId, 'invalid_transition']] as const) {
    try {
      await printCaseDocument(deps, actor, { commandId: cmd(), counterId, caseId: intakeCase.case.id });
      assert.unreachable(code);
    } catch (e) {
      assert.ok(['forbidden', 'not_your_counter', code].includes((e as { code: string }).code), String(e));
    }
  }
  // The kiosk ticket reprint still finds the kiosk, never the counter's case documents.
  const tickets = await deps.db.select().from(printJobs).where(eq(printJobs.ticketId, v.ticketId));
  assert.ok(tickets.every((j) => j.document !== 'ticket' || j.deviceId !== null));
});

t('the admin console’s test print on a counter printer: prints a sample; no printer → no_printer; staff are refused', async () => {
  const jobs = h.printer.jobs.length;
  const test = async (n: number, token: string) => api(h.server.url, 'POST', `${await counterPath(n)}/test`, undefined, token);
  assert.is((await test(1, h.staff)).status, 403);
  const ok = await test(1, h.manager);
  assert.is(ok.status, 200, JSON.stringify(ok.json));
  assert.ok(ok.json.data.ok, JSON.stringify(ok.json));
  const printed = await h.printer.waitForJobs(jobs + 1, 8000);
  assert.match(printed[jobs]!.decoded.text, '1 号窗口');
  const none = await test(2, h.admin);
  assert.ok(none.status >= 400 && none.status < 500, `${none.status}`);
  assert.is(none.json.error.code, 'no_printer');
  assert.is(h.printer.jobs.length, jobs + 1, 'nothing printed for the counter without a printer');
});

t.run();
