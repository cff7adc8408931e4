import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import chineseDays from 'chinese-days';
import {
  bundledYearsOf,
  CalendarError,
  chineseDaysData,
  createWorkingDayCalendar,
  parseIsoDate,
  type CalendarErrorCode,
  type WorkingDayOverride,
} from '../../server/domain/working-days';

const DAY = 86_400_000;
function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
function throwsCode(fn: () => unknown, code: CalendarErrorCode, year?: number): void {
  try {
    fn();
  } catch (e) {
    assert.instance(e, CalendarError);
    if (e instanceof CalendarError) {
      assert.is(e.code, code);
      if (year !== undefined) assert.is(e.year, year);
      assert.ok(e.message.length > 10);
    }
    return;
  }
  assert.unreachable(`expected CalendarError ${code}`);
}

const cal = createWorkingDayCalendar([]);

const vectors = suite('docs/domain.md §6 vectors');

vectors('bundled holidays and make-up days', () => {
  assert.is(cal.isWorkingDay('2025-01-26'), true, 'Sunday 调休');
  assert.is(cal.isWorkingDay('2025-10-08'), false);
  assert.is(cal.isWorkingDay('2026-02-14'), true, 'Saturday 调休');
  assert.is(cal.isWorkingDay('2026-10-07'), false);
  assert.is(cal.addWorkingDays('2025-09-30', 1), '2025-10-09');
});

vectors('2027-03-01 (no data) is refused', () => {
  throwsCode(() => cal.isWorkingDay('2027-03-01'), 'calendar_year_unknown', 2027);
  throwsCode(() => cal.describeDay('2027-03-01'), 'calendar_year_unknown', 2027);
  throwsCode(() => cal.addWorkingDays('2027-03-01', 1), 'calendar_year_unknown', 2027);
  throwsCode(() => cal.isWorkingDay('2003-06-02'), 'calendar_year_unknown', 2003);
});

vectors('the answer does not depend on the process time zone', () => {
  const saved = process.env.TZ;
  try {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      assert.is(cal.isWorkingDay('2025-01-26'), true, tz);
      assert.is(cal.isWorkingDay('2025-03-03'), true, tz);
      assert.is(cal.isWorkingDay('2025-03-08'), false, tz);
      assert.is(cal.addWorkingDays('2025-09-30', 1), '2025-10-09', tz);
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

vectors.run();

const bundled = suite('bundled chinese-days data');

bundled('covers 2004–2026 and nothing else', () => {
  const years = Array.from({ length: 23 }, (_, i) => 2004 + i);
  assert.equal(cal.coveredYears, years);
  assert.equal(bundledYearsOf(chineseDaysData), years);
  assert.equal(cal.pendingYears, []);
  assert.ok(cal.isYearCovered(2026));
  assert.not.ok(cal.isYearCovered(2027));
});

bundled('generated: agrees with chinese-days isWorkday for every day 2004-01-01 … 2026-12-24', () => {
  let days = 0;
  for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2026, 11, 24); t += DAY) {
    const d = new Date(t);
    // local noon of the same calendar date: the package reads local fields
    const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12);
    assert.is(cal.isWorkingDay(iso(t)), chineseDays.isWorkday(local), iso(t));
    days++;
  }
  assert.is(days, 8394);
});

bundled('working-day totals per year', () => {
  const count = (year: number): number => {
    let n = 0;
    for (let t = Date.UTC(year, 0, 1); t <= Date.UTC(year, 11, 31); t += DAY) if (cal.isWorkingDay(iso(t))) n++;
    return n;
  };
  // 2024: 262 weekdays − 19 weekday holidays + 8 make-up days; 2025: 261 − 18 + 5.
  assert.is(count(2024), 251);
  assert.is(count(2025), 248);
});

bundled('describeDay names the source', () => {
  assert.equal(cal.describeDay('2025-01-26'), { date: '2025-01-26', working: true, source: 'bundled', note: '春节' });
  assert.equal(cal.describeDay('2025-10-08'), { date: '2025-10-08', working: false, source: 'bundled', note: '国庆节' });
  assert.equal(cal.describeDay('2025-10-09'), { date: '2025-10-09', working: true, source: 'weekday' });
  assert.equal(cal.describeDay('2025-10-12'), { date: '2025-10-12', working: false, source: 'weekday' });
});

bundled.run();

const overrides = suite('admin overrides');

overrides('overrides win over bundled data', () => {
  const c = createWorkingDayCalendar([
    { date: '2025-10-08', working: true, note: '大厅延时服务' },
    { date: '2025-01-26', working: false },
    { date: '2025-10-09', working: false, note: '系统升级停办' },
  ]);
  assert.is(c.isWorkingDay('2025-10-08'), true);
  assert.is(c.isWorkingDay('2025-01-26'), false);
  assert.equal(c.describeDay('2025-10-08'), { date: '2025-10-08', working: true, source: 'override', note: '大厅延时服务' });
  assert.equal(c.describeDay('2025-01-26'), { date: '2025-01-26', working: false, source: 'override' });
  assert.is(c.addWorkingDays('2025-09-30', 1), '2025-10-08');
  assert.is(c.addWorkingDays('2025-09-30', 2), '2025-10-10');
});

overrides('overrides in an undeclared, unbundled year are inert and listed as pending', () => {
  const c = createWorkingDayCalendar([{ date: '2027-01-01', working: false, note: '元旦' }]);
  assert.equal(c.pendingYears, [2027]);
  throwsCode(() => c.isWorkingDay('2027-01-01'), 'calendar_year_unknown', 2027);
  throwsCode(() => c.isWorkingDay('2027-03-01'), 'calendar_year_unknown', 2027);
});

overrides('a declared year uses the weekday rule plus its overrides', () => {
  const notice2027: WorkingDayOverride[] = [
    { date: '2027-01-01', working: false, note: '元旦' },
    { date: '2027-02-06', working: false, note: '春节' },
    { date: '2027-02-08', working: false, note: '春节' },
    { date: '2027-02-20', working: true, note: '春节调休上班' },
  ];
  const c = createWorkingDayCalendar(notice2027, { declaredYears: [2027] });
  assert.equal(c.coveredYears.at(-1), 2027);
  assert.equal(c.pendingYears, []);
  assert.is(c.isWorkingDay('2027-03-01'), true, 'Monday');
  assert.is(c.isWorkingDay('2027-02-27'), false, 'Saturday');
  assert.is(c.isWorkingDay('2027-02-20'), true, 'Saturday made a working day');
  assert.is(c.isWorkingDay('2027-01-01'), false);
  assert.is(c.isWorkingDay('2027-02-08'), false);
  assert.equal(c.describeDay('2027-03-01'), { date: '2027-03-01', working: true, source: 'weekday' });
  assert.is(c.addWorkingDays('2026-12-31', 1), '2027-01-04');
  assert.is(c.addWorkingDays('2027-02-05', 1), '2027-02-09');
  throwsCode(() => c.isWorkingDay('2028-01-03'), 'calendar_year_unknown', 2028);
});

overrides('without bundled data only declared years are known', () => {
  const c = createWorkingDayCalendar([], { bundled: null, declaredYears: [2025] });
  assert.equal(c.coveredYears, [2025]);
  assert.is(c.isWorkingDay('2025-10-08'), true, 'no bundled holiday: plain Wednesday');
  throwsCode(() => c.isWorkingDay('2024-06-03'), 'calendar_year_unknown', 2024);
});

overrides('custom bundled data counts a year only when it holds 国庆节', () => {
  const data = {
    holidays: { '2030-01-01': "New Year's Day,元旦,1", '2031-10-01': 'National Day,国庆节,3' },
    workdays: {},
  };
  assert.equal(bundledYearsOf(data), [2031]);
  const c = createWorkingDayCalendar([], { bundled: data });
  throwsCode(() => c.isWorkingDay('2030-03-01'), 'calendar_year_unknown', 2030);
  assert.is(c.isWorkingDay('2031-10-01'), false);
});

overrides('invalid override tables are refused at construction', () => {
  throwsCode(() => createWorkingDayCalendar([{ date: '2025-02-29', working: false }]), 'calendar_override_invalid');
  throwsCode(() => createWorkingDayCalendar([{ date: '2025/10/08', working: false }]), 'calendar_override_invalid');
  throwsCode(
    () => createWorkingDayCalendar([{ date: '2025-10-08', working: 'no' } as unknown as WorkingDayOverride]),
    'calendar_override_invalid',
  );
  throwsCode(
    () => createWorkingDayCalendar([
      { date: '2025-10-08', working: true },
      { date: '2025-10-08', working: false },
    ]),
    'calendar_override_invalid',
  );
  for (const y of [2027.5, 999, 10000, Number.NaN]) {
    throwsCode(() => createWorkingDayCalendar([], { declaredYears: [y] }), 'calendar_argument_invalid');
  }
});

overrides.run();

const yearEnd = suite('year end depends on the next year’s notice');

yearEnd('late December of the last known year is refused until the next year is known', () => {
  assert.is(cal.isWorkingDay('2026-12-24'), true);
  throwsCode(() => cal.isWorkingDay('2026-12-25'), 'calendar_year_unknown', 2027);
  throwsCode(() => cal.isWorkingDay('2026-12-31'), 'calendar_year_unknown', 2027);
  throwsCode(() => cal.addWorkingDays('2026-12-22', 3), 'calendar_year_unknown', 2027);
  assert.is(cal.addWorkingDays('2026-12-22', 2), '2026-12-24');
  assert.is(cal.isWorkingDay('2025-12-31'), true, '2026 is known, so late 2025 is too');
});

yearEnd('historic case: the 2019 notice moved 2018-12-29 … 12-31', () => {
  assert.is(cal.isWorkingDay('2018-12-29'), true, 'Saturday 调休');
  assert.is(cal.isWorkingDay('2018-12-31'), false, 'Monday holiday');
});

yearEnd('an override or a declared next year unlocks the window', () => {
  const c1 = createWorkingDayCalendar([{ date: '2026-12-31', working: true }]);
  assert.is(c1.isWorkingDay('2026-12-31'), true);
  throwsCode(() => c1.isWorkingDay('2026-12-30'), 'calendar_year_unknown', 2027);
  const c2 = createWorkingDayCalendar([], { declaredYears: [2027] });
  assert.is(c2.isWorkingDay('2026-12-31'), true);
  assert.is(c2.isWorkingDay('2026-12-26'), false, 'Saturday');
  throwsCode(() => c2.isWorkingDay('2027-12-27'), 'calendar_year_unknown', 2028);
});

yearEnd.run();

const add = suite('addWorkingDays');

add('n = 0, negative n and spans over long holidays', () => {
  assert.is(cal.addWorkingDays('2025-10-08', 0), '2025-10-08');
  assert.is(cal.addWorkingDays('2025-10-09', -1), '2025-09-30');
  assert.is(cal.addWorkingDays('2025-10-11', -1), '2025-10-10');
  assert.is(cal.addWorkingDays('2025-01-24', 1), '2025-01-26', 'Friday → Sunday make-up day');
  assert.is(cal.addWorkingDays('2025-01-27', 1), '2025-02-05');
  assert.is(cal.addWorkingDays('2025-12-31', 1), '2026-01-04', 'across the year boundary onto a Sunday make-up day');
  assert.is(cal.addWorkingDays('2025-09-30', 3), '2025-10-11', '1 / 3 rule: 3 working days');
});

add('argument errors', () => {
  throwsCode(() => cal.addWorkingDays('2025-09-30', 1.5), 'calendar_argument_invalid');
  throwsCode(() => cal.addWorkingDays('2025-09-30', Number.POSITIVE_INFINITY), 'calendar_argument_invalid');
  throwsCode(() => cal.addWorkingDays('2025-9-30', 1), 'calendar_date_invalid');
  throwsCode(() => cal.addWorkingDays('2004-01-02', -5), 'calendar_year_unknown', 2003);
  throwsCode(() => cal.addWorkingDays('2025-01-01', 100_000), 'calendar_year_unknown', 2027);
});

add('generated: matches a naive count and is reversible from working days', () => {
  const naive = (start: string, n: number): string => {
    let t = Date.parse(`${start}T00:00:00Z`);
    let left = n;
    while (left > 0) {
      t += DAY;
      if (cal.isWorkingDay(iso(t))) left--;
    }
    return iso(t);
  };
  let checked = 0;
  for (let t = Date.UTC(2005, 0, 3); t <= Date.UTC(2026, 10, 1); t += 11 * DAY) {
    const start = iso(t);
    for (const n of [1, 3, 5, 10, 20]) {
      const end = cal.addWorkingDays(start, n);
      assert.is(end, naive(start, n), `${start} + ${n}`);
      assert.ok(cal.isWorkingDay(end));
      if (cal.isWorkingDay(start)) assert.is(cal.addWorkingDays(end, -n), start, `${end} - ${n}`);
      checked++;
    }
  }
  assert.ok(checked > 3000);
});

add.run();

const dates = suite('date strings');

dates('invalid dates are refused with calendar_date_invalid', () => {
  for (const d of ['', '2025-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '20250101', '2025-01-01T00:00', ' 2025-01-01', '0999-01-01']) {
    throwsCode(() => cal.isWorkingDay(d), 'calendar_date_invalid');
  }
});

dates('parseIsoDate', () => {
  assert.is(parseIsoDate('1970-01-01'), 0);
  assert.is(parseIsoDate('2024-02-29'), 19782);
  assert.is(parseIsoDate('2023-02-29'), null);
  assert.is(parseIsoDate('9999-12-31'), 2932896);
});

dates.run();
