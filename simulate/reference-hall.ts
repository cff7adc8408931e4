/**
 * The reference hall of issue #16, rebuilt from its description so that our simulator can be
 * checked against the issue author's figures on the author's hall: 14 counters — 8 comprehensive
 * in 2 zones of 4, 4 professional (two per zone, each for one matter its zone's comprehensive
 * counters also serve), 2 complex-only (one per zone, for the zone's complex matters) — 60/40
 * general/complex visitors, lognormal service times with CV 0.7, peaks 9–11 and 14–16, 20 %
 * appointments, about 5 % green channel, 5 % walk-in no-shows. The mix inside a zone (six matters,
 * 6–10 minutes general, 25–30 minutes complex) is our reading of that description, not the
 * author's code: the point is the shape of the hall — pools of 5–7 counters, no single desks.
 *
 * `dayRules: 'ours'` keeps our day (one 15-minute break per counter and session, the kiosk's
 * 30-minute last-ticket cut-off); 'open' has neither, as a simulator without breaks would;
 * 'breaks' and 'cutoff' have one of the two, to tell their effects apart.
 */
import { dutiesWithBreaks, scenario, type Scenario, type SimCounter, type SimMatter } from './scenario';

const ZONES = ['A', 'B'] as const;

/** [id suffix, complexity, mean service minutes, relative demand]: 60 % general, 40 % complex visitors. */
const MIX: [string, 'general' | 'complex', number, number][] = [
  ['一般1', 'general', 8, 30],
  ['一般2', 'general', 6, 15],
  ['一般专', 'general', 10, 15],
  ['复杂1', 'complex', 25, 20],
  ['复杂2', 'complex', 30, 10],
  ['复杂专', 'complex', 25, 10],
];

/** Half hours of the issuing windows (09:00 … 11:00, 13:30 … 16:00): peaks 9–11 and 14–16. */
const PEAKS = [1.2, 1.4, 1.4, 1.2, 0.8, 0.8, 1.2, 1.4, 1.4, 1.2, 0.8];

function referenceMatters(): SimMatter[] {
  return ZONES.flatMap((zone) =>
    MIX.map(([suffix, complexity, serviceMean, weight]) => ({
      id: `${zone}${suffix}`,
      zone,
      complexity,
      targetMinutes: complexity === 'general' ? 10 : 30,
      serviceMean,
      weight,
      appointmentShare: 0.2,
    })),
  );
}

function referenceCounters(breaks: boolean): SimCounter[] {
  const out: SimCounter[] = [];
  const add = (zone: string, type: SimCounter['type'], suffixes: string[], preferred: string[] = []) => {
    const number = out.length + 1;
    const matterIds = new Set(suffixes.map((x) => `${zone}${x}`));
    const stagger = (number % 4) * 15;
    out.push({
      id: `W${number}`,
      number,
      type,
      zone,
      matterIds,
      preferredMatterIds: new Set(preferred.map((x) => `${zone}${x}`)),
      duties: dutiesWithBreaks(matterIds, breaks ? [10 * 60 + 30 + stagger, 15 * 60 + 30 + stagger] : []),
    });
  };
  const all = MIX.map(([x]) => x);
  for (const zone of ZONES) {
    for (let i = 0; i < 4; i++) add(zone, 'comprehensive', all);
    add(zone, 'professional', ['一般专'], ['一般专']);
    add(zone, 'professional', ['复杂专'], ['复杂专']);
    add(zone, 'professional', ['复杂1', '复杂2', '复杂专']);
  }
  return out;
}

export type ReferenceDay = 'ours' | 'open' | 'breaks' | 'cutoff';

export function referenceScenario(load: number, dayRules: ReferenceDay = 'ours'): Scenario {
  const breaks = dayRules === 'ours' || dayRules === 'breaks';
  const cutoff = dayRules === 'ours' || dayRules === 'cutoff';
  return scenario(`reference ${dayRules} ${load}`, load, {
    description: `issue #16's reference hall, ${breaks ? 'breaks' : 'no breaks'}, ${cutoff ? '30-minute last-ticket cut-off' : 'no last-ticket cut-off'}, ${Math.round(load * 100)} % offered load`,
    matters: referenceMatters(),
    counters: referenceCounters(breaks),
    spareCounters: [], // the hall has no after-hours window
    profiles: { A: PEAKS, B: PEAKS },
    serviceCv: 0.7,
    lastTicketMinutes: cutoff ? 30 : 0,
    elderlyShare: { A: 0.04, B: 0.04 },
    otherGreenShare: 0.01,
  });
}
