/** Pure kiosk helpers: keypads, matter search, device config from the address, idle countdown. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkIdNumber, groupIdNumber, hallToday, idKeyEnabled, pressCodeKey } from '../../kiosk-ui/src/stores/keypad-input';
import { filterMatters, pinyinInitials } from '../../kiosk-ui/src/stores/matter-search';
import { parseIdle, readKioskConfig, TOKEN_KEY } from '../../kiosk-ui/src/stores/kiosk-config';
import { createIdleTimer } from '../../kiosk-ui/src/stores/idle-timer';
import { kioskMessages } from '../../kiosk-ui/src/i18n/messages';
import { fakeTimers, MATTERS } from './kiosk-fakes';

const pad = suite('kiosk input: keypads');

pad('ID check uses the shared GB 11643 module', () => {
  assert.equal(checkIdNumber('11010519491231002X', '2026-03-02'), { ok: true, value: '11010519491231002X' });
  assert.equal(checkIdNumber('11010519491231002x', '2026-03-02'), { ok: true, value: '11010519491231002X' });
  assert.equal(checkIdNumber('110105194912310021', '2026-03-02'), { ok: false, reason: 'checksum' });
  assert.equal(checkIdNumber('110105194902300012', '2026-03-02'), { ok: false, reason: 'date' });
  assert.equal(checkIdNumber('110105491231002', '2026-03-02'), { ok: false, reason: 'length_15' });
});

pad('keys that would do nothing are disabled', () => {
  assert.not.ok(idKeyEnabled('', 'X'));
  assert.ok(idKeyEnabled('11010519491231002', 'X'));
  assert.not.ok(idKeyEnabled('11010519491231002X', '1'));
  assert.not.ok(idKeyEnabled('', 'back'));
  assert.ok(idKeyEnabled('1', 'clear'));
});

pad('booking codes: the booking alphabet (no 0 O 1 I), at most 8', () => {
  let v = '';
  for (const k of 'AB12-xO0'.split('')) v = pressCodeKey(v, k);
  assert.is(v, 'AB2');
  for (let i = 0; i < 20; i++) v = pressCodeKey(v, '9');
  assert.is(v, 'AB299999');
});

pad('grouping and the hall-local date', () => {
  assert.is(groupIdNumber('11010519491231002X'), '110105 19491231 002X');
  assert.is(groupIdNumber('1101'), '1101');
  // 2026-03-01 17:00 UTC is already 2 March in Shanghai.
  assert.is(hallToday(Date.parse('2026-03-01T17:00:00Z'), 'Asia/Shanghai'), '2026-03-02');
});

pad.run();

const search = suite('kiosk input: matter search');

search('by name', () => {
  assert.equal(filterMatters(MATTERS, '登记').map((m) => m.name), ['企业设立登记', '营业执照变更登记', '社保登记']);
  assert.equal(filterMatters(MATTERS, '设立').map((m) => m.name), ['企业设立登记']);
  assert.is(filterMatters(MATTERS, '  ').length, 3);
  assert.is(filterMatters(MATTERS, '不存在').length, 0);
});

search('by pinyin initials (where the platform has pinyin collation)', () => {
  if (!pinyinInitials('企业')) return; // small-ICU Node: name search only
  assert.is(pinyinInitials('企业设立登记'), 'QYSLDJ');
  assert.equal(filterMatters(MATTERS, 'qysl').map((m) => m.name), ['企业设立登记']);
  assert.equal(filterMatters(MATTERS, 'SB').map((m) => m.name), ['社保登记']);
});

search.run();

const cfg = suite('kiosk input: device config');

cfg('the token from the address is saved; later starts read it from the device', () => {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  assert.is(readKioskConfig('?token=dv_demo-kiosk-1', storage).token, 'dv_demo-kiosk-1');
  assert.is(store.get(TOKEN_KEY), 'dv_demo-kiosk-1');
  assert.is(readKioskConfig('', storage).token, 'dv_demo-kiosk-1');
  assert.is(readKioskConfig('', null).token, null);
});

cfg('idle seconds: defaults 30 / 60, ?idle=T or ?idle=T,O, nonsense ignored', () => {
  assert.equal(parseIdle(null), { ticket: 30, other: 60 });
  assert.equal(parseIdle('10'), { ticket: 10, other: 60 });
  assert.equal(parseIdle('90'), { ticket: 90, other: 90 });
  assert.equal(parseIdle('10,20'), { ticket: 10, other: 20 });
  assert.equal(parseIdle('abc,0'), { ticket: 30, other: 60 });
});

cfg.run();

const idle = suite('kiosk input: idle countdown');

idle('ticks each second, restarts, expires once', async () => {
  const timers = fakeTimers();
  const ticks: number[] = [];
  let expired = 0;
  const t = createIdleTimer(timers, (n) => ticks.push(n), () => expired++);
  t.restart(3);
  await timers.advance(1500);
  t.restart(2);
  await timers.advance(5000);
  assert.equal(ticks, [3, 2, 2, 1, 0]);
  assert.is(expired, 1);
  assert.not.ok(t.running());
});

idle.run();

const words = suite('kiosk input: messages');

words('English has every key Chinese has, none empty', () => {
  const zh = Object.keys(kioskMessages['zh-CN']).sort();
  assert.equal(Object.keys(kioskMessages.en).sort(), zh);
  for (const lang of ['zh-CN', 'en'] as const) for (const [k, v] of Object.entries(kioskMessages[lang])) assert.ok(v.trim(), `${lang}.${k}`);
});

words.run();
