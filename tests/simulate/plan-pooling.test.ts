/** The pooling estimate on a forecast day (simulate/forecast-day.ts): visitors drawn from the forecast, the engine with our rule, seeded. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_HALL_SETTINGS } from '../../server/domain/wait-target';
import { forecastVisitors, poolingEstimates, type ForecastDayInput } from '../../simulate/forecast-day';
import { forecastDayOf, simulatedForecast } from '../../simulate/plan';
import { scenario } from '../../simulate/scenario';

const SLOTS = [540, 570, 600, 630];
const pro = (staffed: boolean) => ({ id: 'P', number: 6, type: 'professional' as const, zoneId: 'Z', matterIds: new Set(['b']), staffed });
const small = (over: Partial<ForecastDayInput> = {}): ForecastDayInput => ({
  sessions: [{ start: 540, end: 660 }],
  slots: SLOTS,
  matters: [
    { id: 'a', zoneId: 'Z', complexity: 'general', targetMinutes: 10, serviceMinutes: 8, appointmentShare: 0.2 },
    { id: 'b', zoneId: 'Z', complexity: 'general', targetMinutes: 10, serviceMinutes: 8, appointmentShare: 0 },
  ],
  counters: [{ id: 'C1', number: 1, type: 'comprehensive', zoneId: 'Z', matterIds: new Set(['a', 'b']), staffed: true }, pro(true)],
  // A rush of 'a' for one comprehensive counter; the professional counter 6 has little to do.
  expected: (_slot, id) => (id === 'a' ? 5 : 0.5),
  settings: DEFAULT_HALL_SETTINGS,
  ...over,
});

const t = suite('pooling estimate on the forecast day');

t('visitors follow the forecast: per half hour and matter, inside the half hour, booked at the matter’s share', () => {
  const days = Array.from({ length: 60 }, (_, d) => forecastVisitors(small(), d));
  const a = days.flat().filter((v) => v.matterId === 'a');
  assert.ok(Math.abs(a.length / 60 - 20) < 1.5, `${a.length / 60} a day, 20 expected`);
  for (const slot of SLOTS) {
    const inSlot = a.filter((v) => v.arrival >= slot && v.arrival < slot + 30).length / 60;
    assert.ok(Math.abs(inSlot - 5) < 1, `${slot}: ${inSlot}`);
  }
  const booked = a.filter((v) => v.slot).length / a.length;
  assert.ok(Math.abs(booked - 0.2) < 0.05, `booked ${booked}`);
  assert.ok(a.every((v) => !v.slot || (v.slot.start <= v.arrival && v.arrival < v.slot.end)));
  assert.equal(forecastVisitors(small(), 3), forecastVisitors(small(), 3), 'seeded');
});

t('pooling the idle professional counter gains; nothing to estimate without a staffed candidate or arrivals', () => {
  const [g, ...rest] = poolingEstimates(small());
  assert.is(rest.length, 0);
  assert.is(g!.counterNumber, 6);
  assert.is(g!.days, 8);
  assert.ok(g!.withinNow < 0.8 && g!.withinPooled > g!.withinNow + 0.15, `${g!.withinNow} → ${g!.withinPooled}`);
  assert.is(g!.hallNow, g!.withinNow, 'one zone: the zone is the hall');
  assert.equal(poolingEstimates(small({ counters: [small().counters[0]!, pro(false)] })), []);
  assert.equal(poolingEstimates(small({ expected: () => 0 })), []);
});

t('many candidates: fewer simulated days (never under 2), so the request stays bounded', () => {
  const many = Array.from({ length: 20 }, (_, i) => ({ ...pro(true), id: `P${i}`, number: 20 + i }));
  const estimates = poolingEstimates(small({ counters: [small().counters[0]!, ...many] }));
  assert.is(estimates.length, 20);
  assert.ok(estimates.every((g) => g.days === 2));
  assert.ok(poolingEstimates(small({ counters: [small().counters[0]!, ...many.slice(0, 4)] })).every((g) => g.days === 6));
});

t('demo hall: the estimate on the forecast agrees with the simulator that pooling 3 and 6 gains', () => {
  const base = scenario('demo');
  const estimates = poolingEstimates({ ...forecastDayOf(base, simulatedForecast(base, 20261124)), days: 4 });
  assert.equal(estimates.map((g) => g.counterNumber), [3, 6]);
  for (const g of estimates) assert.ok(g.withinPooled > g.withinNow && g.hallPooled > g.hallNow, JSON.stringify(g));
});

t.run();
