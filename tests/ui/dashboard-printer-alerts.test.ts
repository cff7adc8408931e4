/**
 * The manager's paper alerts (dashboard-ui/src/stores/printer-store.ts, ui-shared/src/printer-sensor.ts):
 * which sensor answers alert and how urgently, one per kiosk, re-read on the hall's 'print:status'
 * facts (collapsed while a read is in flight), and worded in zh-CN by default, English on request.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Ack } from '../../server/protocol/errors';
import type { HallFact } from '../../server/protocol/events';
import type { KioskPrinterStatusView, PrinterSensorView } from '../../server/protocol/views';
import { printerAlerts, printerConditions } from '../../ui-shared/src/printer-sensor';
import { createPrinterStore } from '../../dashboard-ui/src/stores/printer-store';
import { i18n, t as dt } from '../../dashboard-ui/src/i18n/messages';

const HALL = 'h1';
const sensor = (p: Partial<PrinterSensorView> = {}): PrinterSensorView => ({ paper: 'ok', coverOpen: false, offline: false, fault: false, source: 'print_job', reportedAt: '2026-12-01T02:00:00.000Z', ...p });
const kiosk = (name: string, s: PrinterSensorView | null, source: KioskPrinterStatusView['source'] = 'device'): KioskPrinterStatusView => ({
  deviceId: `d-${name}`, hallId: HALL, deviceName: name, source, profile: null, state: 'ok', lastJob: null, consecutiveFailures: 0, sensor: s,
});

const rules = suite('paper and cover conditions');
rules('most urgent first; paper near its end is a warning, the rest stop printing', () => {
  assert.equal(printerConditions(null), []);
  assert.equal(printerConditions(sensor()), []);
  assert.equal(printerConditions(sensor({ paper: 'near_end' })), ['paper_near_end']);
  assert.equal(printerConditions(sensor({ paper: 'out', coverOpen: true })), ['paper_out', 'cover_open']);
  const alerts = printerAlerts([
    kiosk('2号取号机', sensor({ paper: 'near_end' })),
    kiosk('1号取号机', sensor({ paper: 'near_end' })),
    kiosk('3号取号机', sensor({ coverOpen: true, paper: 'near_end' })),
    kiosk('4号取号机', sensor()),
    kiosk('5号取号机', null),
    kiosk('6号取号机', sensor({ paper: 'out' }), 'none'), // detached on purpose: not an alert
  ]);
  assert.equal(alerts.map((a) => [a.deviceName, a.condition, a.severity]), [
    ['3号取号机', 'cover_open', 'stop'],
    ['1号取号机', 'paper_near_end', 'warn'],
    ['2号取号机', 'paper_near_end', 'warn'],
  ]);
});
rules('worded for the manager: zh-CN by default, English on request', () => {
  assert.is(i18n.lang.get(), 'zh-CN');
  assert.is(dt('printerAlert.paper_near_end', { name: '1号取号机' }), '1号取号机 纸将用尽，请更换纸卷');
  assert.match(dt('printerAlert.paper_out', { name: '1号取号机' }), '缺纸');
  i18n.setLang('en');
  assert.is(dt('printerAlert.paper_near_end', { name: 'Kiosk 1' }), 'Kiosk 1: paper low. Load a new roll');
  i18n.setLang('zh-CN');
});
rules.run();

const store = suite('printer store');
store('reads on show, re-reads on this hall’s print:status facts only, collapses reads that pile up', async () => {
  let calls = 0;
  let answer: KioskPrinterStatusView[] = [kiosk('1号取号机', sensor())];
  let release: () => void = () => {};
  let gate: Promise<void> = Promise.resolve();
  const request = async <T>(method: string, path: string): Promise<Ack<T>> => {
    assert.is(method, 'GET');
    assert.is(path, `/api/halls/${HALL}/printers`);
    calls++;
    await gate;
    return { ok: true, data: answer as T };
  };
  let intervals = 0;
  const s = createPrinterStore({ request, setInterval: () => (intervals++, 1), clearInterval: () => undefined });
  s.show(HALL);
  await s.refresh();
  assert.is(intervals, 1, 'a periodic re-read (an agent report carries no fact)');
  assert.equal(s.state.get().alerts, []);
  const before = calls;
  const fact = (type: string, hallId = HALL) => ({ type, hallId, seq: 1, at: '' }) as unknown as HallFact;
  s.receive(fact('ticket:called'));
  s.receive(fact('print:status', 'other-hall'));
  assert.is(calls, before, 'other facts and other halls do not re-read');
  gate = new Promise((r) => (release = r));
  answer = [kiosk('1号取号机', sensor({ paper: 'near_end' }))];
  s.receive(fact('print:status'));
  s.receive(fact('print:status'));
  s.receive(fact('print:status'));
  release();
  await s.refresh();
  assert.is(calls - before, 2, 'one read, then one more for the facts that came meanwhile');
  assert.equal(s.state.get().alerts.map((a) => a.condition), ['paper_near_end']);
});
store.run();
