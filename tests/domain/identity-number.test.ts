import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  ageOn,
  creditCodeCheckChar,
  creditCodeMessages,
  CREDIT_CODE_CHARSET,
  idNumberCheckChar,
  idNumberMessages,
  validateCreditCode,
  validateIdNumber,
  validateVisitorId,
} from '../../server/protocol/identity-number';

const TODAY = '2026-11-22';

// Independent reference implementation of the docs/domain.md §9 formula, used to build test vectors.
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function refCheck(first17: string): string {
  const r = [...first17].reduce((s, c, i) => s + Number(c) * W[i]!, 0) % 11;
  return '10X98765432'[r]!;
}
function makeId(area: string, ymd: string, seq: number): string {
  const first17 = area + ymd + String(seq).padStart(3, '0');
  return first17 + refCheck(first17);
}
function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const id = suite('validateIdNumber');

id('docs/domain.md valid vectors', () => {
  assert.equal(validateIdNumber('11010519491231002X', TODAY), {
    ok: true, value: '11010519491231002X', birthDate: '1949-12-31', sex: 'female',
  });
  assert.equal(validateIdNumber('440524188001010014', TODAY), {
    ok: true, value: '440524188001010014', birthDate: '1880-01-01', sex: 'male',
  });
});

id('docs/domain.md invalid vectors', () => {
  assert.equal(validateIdNumber('110105194912310021', TODAY), { ok: false, reason: 'checksum' });
  assert.equal(validateIdNumber('110105194902300012', TODAY), { ok: false, reason: 'date' });
});

id('trims and upper-cases a trailing x; full-width input is normalised', () => {
  const r = validateIdNumber('  11010519491231002x\t', TODAY);
  assert.ok(r.ok);
  if (r.ok) assert.is(r.value, '11010519491231002X');
  const fw = validateIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY);
  assert.ok(fw.ok);
  if (fw.ok) assert.is(fw.value, '11010519491231002X');
});

id('format failures', () => {
  for (const raw of [
    '', '   ', '1101051949123100', '1101051949123100212', '11010519491231002Y', 'X1010519491231002X',
    '110105194912310X2X', '11010519491231002XX', '1101051949 1231002X', '11010519491231002*',
    'abcdefghijklmnopqr', '１１０１０５',
  ]) {
    assert.equal(validateIdNumber(raw, TODAY), { ok: false, reason: 'format' }, raw);
  }
  // an x anywhere but last is not upper-cased
  assert.equal(validateIdNumber('1101051949123100x2', TODAY), { ok: false, reason: 'format' });
});

id('15-digit numbers are rejected with their own reason', () => {
  assert.equal(validateIdNumber('110105491231002', TODAY), { ok: false, reason: 'length_15' });
  assert.equal(validateIdNumber(' 110105491231002 ', TODAY), { ok: false, reason: 'length_15' });
});

id('impossible dates', () => {
  for (const ymd of ['19490230', '19000229', '20230229', '19491301', '19490001', '19490100', '19490431', '17991231', '00000101']) {
    assert.equal(validateIdNumber(makeId('110105', ymd, 2), TODAY), { ok: false, reason: 'date' }, ymd);
  }
  assert.ok(validateIdNumber(makeId('110105', '20000229', 2), TODAY).ok, '2000 is a leap year');
  assert.ok(validateIdNumber(makeId('110105', '20240229', 2), TODAY).ok);
});

id('future birth dates', () => {
  assert.equal(validateIdNumber(makeId('110105', '20261123', 1), TODAY), { ok: false, reason: 'future' });
  assert.equal(validateIdNumber(makeId('110105', '20990101', 1), TODAY), { ok: false, reason: 'future' });
  assert.ok(validateIdNumber(makeId('110105', '20261122', 1), TODAY).ok, 'born today is fine');
});

id('a Date "today" is read in China Standard Time (UTC+8)', () => {
  const bornJan1 = makeId('310101', '20270101', 1);
  // 2026-12-31T16:30Z is 2027-01-01 00:30 in Shanghai: born today, not future.
  assert.ok(validateIdNumber(bornJan1, new Date('2026-12-31T16:30:00Z')).ok);
  assert.equal(validateIdNumber(bornJan1, new Date('2026-12-31T15:59:59Z')), { ok: false, reason: 'future' });
  assert.throws(() => validateIdNumber(bornJan1, new Date('nope')), RangeError);
  assert.throws(() => validateIdNumber(bornJan1, '2026-02-30'), RangeError);
});

id('sex from the 17th digit: odd = male', () => {
  for (let seq = 0; seq < 1000; seq += 37) {
    const r = validateIdNumber(makeId('320102', '19800615', seq), TODAY);
    assert.ok(r.ok);
    if (r.ok) assert.is(r.sex, seq % 2 === 1 ? 'male' : 'female', String(seq));
  }
});

id('generated: valid numbers for many dates, areas and sequences all validate', () => {
  const areas = ['110105', '310115', '440305', '510107', '650102', '820000'];
  let count = 0;
  const seen = new Set<string>();
  for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2026, 10, 22); t += 13 * 86_400_000) {
    const d = new Date(t);
    const ymd = d.toISOString().slice(0, 10);
    const seq = count % 1000;
    const value = makeId(areas[count % areas.length]!, ymd.replaceAll('-', ''), seq);
    seen.add(value[17]!);
    const r = validateIdNumber(value, TODAY);
    assert.equal(r, { ok: true, value, birthDate: ymd, sex: seq % 2 === 1 ? 'male' : 'female' }, value);
    if (value.endsWith('X')) assert.ok(validateIdNumber(value.slice(0, 17) + 'x', TODAY).ok);
    count++;
  }
  assert.ok(count > 3500);
  assert.is(seen.size, 11, 'every check character 0-9 and X was exercised');
});

id('generated: every single-character substitution is caught', () => {
  const bases = ['11010519491231002X', '440524188001010014', makeId('310115', '20010911', 123)];
  for (const base of bases) {
    for (let i = 0; i < 18; i++) {
      const alphabet = i === 17 ? '0123456789X' : '0123456789';
      for (const c of alphabet) {
        if (c === base[i]) continue;
        const mutated = base.slice(0, i) + c + base.slice(i + 1);
        const r = validateIdNumber(mutated, TODAY);
        assert.is(r.ok, false, mutated);
        if (r.ok) continue;
        const y = Number(mutated.slice(6, 10));
        const m = Number(mutated.slice(10, 12));
        const d = Number(mutated.slice(12, 14));
        const expected = y < 1800 || !isRealDate(y, m, d) ? 'date' : mutated.slice(6, 14) > '20261122' ? 'future' : 'checksum';
        assert.is(r.reason, expected, mutated);
      }
    }
  }
});

id('generated: swapping two adjacent different digits is caught', () => {
  const base = makeId('510107', '19750328', 467);
  for (let i = 0; i < 16; i++) {
    if (base[i] === base[i + 1]) continue;
    const swapped = base.slice(0, i) + base[i + 1] + base[i] + base.slice(i + 2);
    assert.is(validateIdNumber(swapped, TODAY).ok, false, swapped);
  }
});

id('idNumberCheckChar matches the reference and rejects bad input', () => {
  assert.is(idNumberCheckChar('11010519491231002'), 'X');
  assert.is(idNumberCheckChar('44052418800101001'), '4');
  for (let i = 0; i < 200; i++) {
    const first17 = String(10_000_000_000_000_000n + BigInt(i) * 4_999_999_999_999_999n).slice(0, 17);
    assert.is(idNumberCheckChar(first17), refCheck(first17));
  }
  assert.throws(() => idNumberCheckChar('1234'), RangeError);
  assert.throws(() => idNumberCheckChar('1101051949123100X'), RangeError);
});

id('a visitor\'s number: an age over 120 is a typo, refused (146 like the issue); 120 is accepted', () => {
  assert.equal(validateVisitorId(makeId('110105', '18800101', 2), TODAY), { ok: false, reason: 'too_old' }); // 146
  assert.ok(validateIdNumber(makeId('110105', '18800101', 2), TODAY).ok, 'GB 11643 itself has no age limit (docs/domain.md vector)');
  assert.equal(validateVisitorId(makeId('110105', '19051122', 2), TODAY), { ok: false, reason: 'too_old' }); // 121 today
  assert.ok(validateVisitorId(makeId('110105', '19051123', 2), TODAY).ok, '120 until tomorrow');
  assert.ok(validateVisitorId('11010519491231002X', TODAY).ok, 'an ordinary elderly visitor');
  // Reported before the check character: the reason points at the birth date.
  const bad = makeId('110105', '18800101', 2);
  assert.equal(validateVisitorId(bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0'), TODAY), { ok: false, reason: 'too_old' });
  // Other failures are as validateIdNumber says.
  assert.equal(validateVisitorId('12345', TODAY), { ok: false, reason: 'format' });
  assert.equal(validateVisitorId(makeId('110105', '20301231', 2), TODAY), { ok: false, reason: 'future' });
});

id.run();

const age = suite('ageOn');

age('full years, going up on the birthday itself', () => {
  assert.is(ageOn('1949-12-31', '2026-11-22'), 76);
  assert.is(ageOn('1966-11-22', '2026-11-22'), 60);
  assert.is(ageOn('1966-11-23', '2026-11-22'), 59);
  assert.is(ageOn('1966-12-01', '2026-11-30'), 59);
  assert.is(ageOn('2026-11-22', '2026-11-22'), 0);
  assert.is(ageOn('2025-11-22', '2026-11-21'), 0);
  assert.is(ageOn('1880-01-01', '2026-11-22'), 146);
});

age('29 February birthdays count from 1 March in common years', () => {
  assert.is(ageOn('2000-02-29', '2001-02-28'), 0);
  assert.is(ageOn('2000-02-29', '2001-03-01'), 1);
  assert.is(ageOn('2000-02-29', '2004-02-29'), 4);
  assert.is(ageOn('1964-02-29', '2024-02-28'), 59);
  assert.is(ageOn('1964-02-29', '2024-02-29'), 60);
});

age('agrees with the birth date validateIdNumber extracts (green-channel threshold 60)', () => {
  const r = validateIdNumber(makeId('110105', '19661122', 11), TODAY);
  assert.ok(r.ok);
  if (r.ok) assert.ok(ageOn(r.birthDate, TODAY) >= 60);
});

age('generated: matches a naive day-by-day count', () => {
  for (let i = 0; i < 400; i++) {
    const birth = new Date(Date.UTC(1930, 0, 1) + i * 31 * 86_400_000 + (i % 7) * 86_400_000);
    const on = new Date(birth.getTime() + ((i * 997) % 30_000) * 86_400_000);
    let years = 0;
    while (true) {
      const next = new Date(birth);
      next.setUTCFullYear(birth.getUTCFullYear() + years + 1);
      if (birth.getUTCMonth() === 1 && birth.getUTCDate() === 29 && next.getUTCMonth() !== 1) next.setUTCDate(1);
      if (next.getTime() > on.getTime()) break;
      years++;
    }
    const b = birth.toISOString().slice(0, 10);
    const o = on.toISOString().slice(0, 10);
    assert.is(ageOn(b, o), years, `${b} → ${o}`);
  }
});

age('rejects invalid input', () => {
  assert.throws(() => ageOn('1949-02-30', '2026-01-01'), RangeError);
  assert.throws(() => ageOn('1949-12-31', '2026/01/01'), RangeError);
  assert.throws(() => ageOn('2027-01-01', '2026-01-01'), RangeError);
  assert.throws(() => ageOn('', ''), RangeError);
});

age.run();

const credit = suite('validateCreditCode');

credit('docs/domain.md valid vectors', () => {
  assert.equal(validateCreditCode('91350100M000100Y43'), { ok: true, value: '91350100M000100Y43' });
  assert.equal(validateCreditCode('91310110666007217T'), { ok: true, value: '91310110666007217T' });
  assert.equal(validateCreditCode(' 91350100m000100y43 '), { ok: true, value: '91350100M000100Y43' });
});

credit('format failures', () => {
  for (const raw of [
    '', '91350100M000100Y4', '91350100M000100Y433', '91350100I000100Y43', '91350100O000100Y43',
    '91350100Z000100Y43', '91350100S000100Y43', '91350100V000100Y43', '91350100M000100Y4-', '9135 0100M000100Y4',
  ]) {
    assert.equal(validateCreditCode(raw), { ok: false, reason: 'format' }, raw);
  }
});

credit('generated: flipping any one character to any other is caught', () => {
  for (const base of ['91350100M000100Y43', '91310110666007217T']) {
    for (let i = 0; i < 18; i++) {
      for (const c of CREDIT_CODE_CHARSET) {
        if (c === base[i]) continue;
        const mutated = base.slice(0, i) + c + base.slice(i + 1);
        assert.equal(validateCreditCode(mutated), { ok: false, reason: 'checksum' }, mutated);
      }
    }
  }
});

credit('generated: computed check characters validate', () => {
  const chars = CREDIT_CODE_CHARSET;
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    let first17 = '';
    for (let j = 0; j < 17; j++) first17 += chars[(i * 7 + j * j * 13 + i * j) % 31];
    const check = creditCodeCheckChar(first17);
    seen.add(check);
    assert.equal(validateCreditCode(first17 + check), { ok: true, value: first17 + check });
  }
  assert.is(seen.size, 31, 'every check character was exercised');
  assert.throws(() => creditCodeCheckChar('short'), RangeError);
  assert.throws(() => creditCodeCheckChar('I1350100M000100Y4'), RangeError);
});

credit.run();

const messages = suite('messages');

messages('every failure reason has zh-CN and en text', () => {
  for (const reason of ['format', 'length_15', 'date', 'future', 'too_old', 'checksum'] as const) {
    assert.ok(idNumberMessages[reason]['zh-CN'].length > 5, reason);
    assert.ok(idNumberMessages[reason].en.length > 10, reason);
  }
  for (const reason of ['format', 'checksum'] as const) {
    assert.ok(creditCodeMessages[reason]['zh-CN'].length > 5, reason);
    assert.ok(creditCodeMessages[reason].en.length > 10, reason);
  }
});

messages.run();
