/** Forecast vs realised arrivals per half hour (hall total), over the simulated test days. */
import { cellKey, halfHourOf, type ArrivalForecast } from '../server/domain/demand-forecast';
import { planSlots } from './plan';
import { table } from './report';
import type { Scenario } from './scenario';
import type { Visitor } from './visitors';

export interface Accuracy {
  rows: { slot: number; forecast: number; realised: number }[];
  /** Mean absolute error per half hour and zone, in visitors, over every test day. */
  zoneMae: number;
  /** Mean absolute percentage error of the hall's half-hour totals (half hours with at least 5 arrivals). */
  hallMape: number;
}

export function forecastAccuracy(s: Scenario, forecast: ArrivalForecast, days: readonly Visitor[][]): Accuracy {
  const slots = planSlots(s.sessions);
  const zoneOf = new Map(s.matters.map((m) => [m.id, m.zone]));
  const zones = [...new Set(s.matters.map((m) => m.zone))];
  const expected = (slot: number, zone: string) => s.matters.filter((m) => m.zone === zone).reduce((a, m) => a + (forecast.expected.get(cellKey(slot, m.id)) ?? 0), 0);
  let zoneErr = 0;
  let zoneCells = 0;
  let pctErr = 0;
  let pctCells = 0;
  const realisedMean = new Map<number, number>();
  for (const day of days) {
    const count = new Map<string, number>();
    for (const v of day) count.set(`${halfHourOf(v.arrival)}|${zoneOf.get(v.matterId)}`, (count.get(`${halfHourOf(v.arrival)}|${zoneOf.get(v.matterId)}`) ?? 0) + 1);
    for (const slot of slots) {
      let hallReal = 0;
      let hallFc = 0;
      for (const z of zones) {
        const real = count.get(`${slot}|${z}`) ?? 0;
        zoneErr += Math.abs(real - expected(slot, z));
        zoneCells++;
        hallReal += real;
        hallFc += expected(slot, z);
      }
      realisedMean.set(slot, (realisedMean.get(slot) ?? 0) + hallReal / days.length);
      if (hallReal >= 5) {
        pctErr += Math.abs(hallReal - hallFc) / hallReal;
        pctCells++;
      }
    }
  }
  return {
    rows: slots.map((slot) => ({ slot, forecast: zones.reduce((a, z) => a + expected(slot, z), 0), realised: realisedMean.get(slot) ?? 0 })),
    zoneMae: zoneErr / Math.max(1, zoneCells),
    hallMape: pctErr / Math.max(1, pctCells),
  };
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function accuracyReport(s: Scenario, forecast: ArrivalForecast, days: readonly Visitor[][]): string {
  const a = forecastAccuracy(s, forecast, days);
  return [
    `Forecast accuracy — the plan's forecast (${forecast.basis}: ${forecast.days.length} earlier simulated Tuesdays) vs the ${days.length} simulated days, arrivals per half hour (hall):`,
    table(
      ['half hour', 'forecast', 'realised (mean)', 'error'],
      a.rows.map((r) => [hhmm(r.slot), r.forecast.toFixed(1), r.realised.toFixed(1), `${r.realised > 0 ? (((r.forecast - r.realised) / r.realised) * 100).toFixed(0) : '-'} %`]),
    ),
    `Hall half-hour totals: mean absolute percentage error ${(a.hallMape * 100).toFixed(1)} % per day; per zone and half hour: mean absolute error ${a.zoneMae.toFixed(1)} visitors.`,
  ].join('\n');
}
