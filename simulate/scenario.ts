/**
 * The simulated hall: the demo district centre's matters and counters (server/seed/demo-hall-data.ts)
 * on a realistic day — each zone with its own morning and afternoon peaks, lognormal service
 * times (CV 0.8), appointments in capped slots, elderly visitors given priority by age, walk-in
 * no-shows, visitors who give up, and counters staffed to a schedule with breaks.
 *
 * `load` is the offered load: the expected work of the day's visitors (service + walk-up, and
 * the call time an absent visitor costs) as a share of the scheduled counter-minutes. Work past
 * the schedule is never hidden: it is counted as overtime and reported apart.
 */
import { DEMO_COUNTERS, DEMO_ZONES, type DemoCounter } from '../server/seed/demo-hall-data';
import { DEFAULT_HALL_SETTINGS, waitTargetMinutes, type EffectiveHallSettings } from '../server/domain/wait-target';
import type { Complexity, CounterType } from '../server/protocol/views';

export interface SimMatter {
  id: string; // the matter's name
  zone: string;
  complexity: Complexity;
  targetMinutes: number;
  /** Mean service minutes (start → finish); drawn lognormal with cv `serviceCv`. */
  serviceMean: number;
  /** Relative daily demand (visitors a day before scaling to the offered load). */
  weight: number;
  /** Share of this matter's visitors who book an appointment (0 for walk-in-only desks). */
  appointmentShare: number;
}

/** A stretch of a counter's schedule: on duty for these matters (a tidal move changes them). */
export interface Duty {
  start: number;
  end: number;
  matterIds: ReadonlySet<string>;
  /** Ends with the opening session (not with a break): the counter serves who is still waiting, as overtime. */
  closing: boolean;
}

export interface SimCounter {
  id: string; // 'W1' …
  number: number;
  type: CounterType;
  zone: string;
  /** Authorised matters outside tidal moves. */
  matterIds: ReadonlySet<string>;
  preferredMatterIds: ReadonlySet<string>;
  duties: Duty[];
  /**
   * A desk no other counter can stand in for (it alone serves one of its matters): a B-post
   * colleague (AB岗, 顶岗) keeps it open during its staff's breaks, so its duties have no break gap
   * and the relief's minutes are scheduled minutes like any other. A plan that moves breaks
   * leaves this counter without one.
   */
  breakCover?: boolean;
}

export interface Scenario {
  name: string;
  description: string;
  /** Offered load: expected work ÷ scheduled counter-minutes. */
  load: number;
  matters: SimMatter[];
  counters: SimCounter[];
  /**
   * Physical counters without day staff (the after-hours window): no duties, so no scheduled
   * minutes; the staffing plan may open one in a peak with a back-office colleague, paid for by
   * the same minutes released elsewhere (server/domain/peak-staffing.ts).
   */
  spareCounters?: SimCounter[];
  /** Opening sessions in minutes after midnight. */
  sessions: { start: number; end: number }[];
  /** The kiosk stops issuing this many minutes before each session ends (appointments still check in). */
  lastTicketMinutes: number;
  /** Relative arrival intensity per half hour of the issuing windows, per zone. */
  profiles: Record<string, number[]>;
  serviceCv: number;
  /** Walk-ins who take a ticket and are gone when called. */
  walkInNoShowShare: number;
  /** Booked visitors who never come. */
  appointmentNoShowShare: number;
  /** Visitors aged ≥ elderlyAge, per zone (priority is derived from the age, as at the kiosk). */
  elderlyShare: Record<string, number>;
  /** Disabled, military, pregnant: green channel by declaration. */
  otherGreenShare: number;
  /** Mean patience (minutes) before a waiting visitor gives up, by complexity; lognormal, cv 0.5. */
  patienceMean: Record<Complexity, number>;
  /** Minutes a counter loses calling a visitor who is not there (call, recall, no-show). */
  absentCallMinutes: number;
  /** Minutes from a call until service starts (the visitor walks up). */
  walkUpMinutes: number;
  /** Seats per matter and slot start; unset → settings.appointmentSlotCapacity. */
  slotCapacity?: (matterId: string, slotStart: number) => number;
  /**
   * How `load` is applied. 'hall' (the default, issue #16's definition): the matters' weights as
   * listed, scaled so the hall's expected work is `load` × its scheduled minutes — on the demo hall
   * the counter pools then run from 53 % (the cross-region desk) to 95 % (自然人 with the assisted
   * desk) on an "85 %" day. 'per-pool' (a sensitivity row): every pool — the counters linked by
   * the matters they share — carries `load` of its own scheduled minutes; the weights only set the
   * mix inside a pool.
   */
  demandMix?: 'hall' | 'per-pool';
  settings: EffectiveHallSettings;
}

/** Mean service minutes and relative daily demand per matter (general ~5–10 min, complex ~20–35 min). */
const DEMAND: Record<string, [serviceMean: number, weight: number]> = {
  企业设立登记: [9, 25],
  营业执照变更登记: [8, 13],
  企业注销登记: [25, 4],
  公章刻制备案: [6, 10],
  食品经营许可: [30, 12],
  发票申领: [6, 10],
  建设工程施工许可: [35, 2],
  人力资源服务许可: [28, 1],
  社保登记: [7, 18],
  社会保障卡补换: [6, 19],
  城乡居民医保参保登记: [7, 12],
  住房公积金提取: [8, 16],
  退休待遇申领: [25, 6],
  居住证办理: [8, 16],
  户籍迁移: [22, 5],
  残疾人证办理: [24, 2],
  出入境证件办理: [10, 38],
  不动产转移登记: [30, 11],
  不动产抵押登记: [10, 15],
  不动产首次登记: [32, 2],
  不动产登记资料查询: [6, 13],
  存量房交易税费申报: [20, 4],
  政务服务咨询: [5, 50],
  证照统一领取: [4, 60],
  帮办代办服务: [10, 13],
  '“办不成事”反映': [12, 22],
  长三角跨省通办: [25, 8],
};

/** Desks visitors do not book: consultation, pickup, complaints. */
const WALK_IN_ONLY = new Set(['政务服务咨询', '证照统一领取', '“办不成事”反映']);

export const SESSIONS = [
  { start: 9 * 60, end: 12 * 60 },
  { start: 13 * 60 + 30, end: 17 * 60 },
];
export const LAST_TICKET_MINUTES = 30;

/**
 * Arrivals per half hour of the issuing windows (09:00 … 11:00, 13:30 … 16:00), per zone:
 * 不动产 peaks hard in the morning, 自然人 early, 法人 in the afternoon.
 */
export const PROFILES: Record<string, number[]> = {
  FR: [0.8, 1.1, 1.3, 1.3, 1.0, 0.8, 1.2, 1.5, 1.4, 1.1, 0.8],
  ZR: [1.3, 1.6, 1.5, 1.2, 0.9, 0.9, 1.3, 1.3, 1.1, 0.9, 0.7],
  BDC: [1.0, 1.5, 1.7, 1.5, 1.0, 0.7, 1.0, 1.2, 1.1, 0.9, 0.6],
  ZH: [1.1, 1.4, 1.4, 1.2, 1.0, 0.9, 1.2, 1.3, 1.2, 1.0, 0.8],
};

export function demoMatters(settings: EffectiveHallSettings = DEFAULT_HALL_SETTINGS): SimMatter[] {
  return DEMO_ZONES.flatMap((z) =>
    z.matters.map((m) => {
      const [serviceMean, weight] = DEMAND[m.name] ?? [m.complexity === 'complex' ? 25 : 8, 2];
      return {
        id: m.name,
        zone: z.code,
        complexity: m.complexity,
        targetMinutes: waitTargetMinutes({ complexity: m.complexity, waitTargetMinutes: null }, settings),
        serviceMean,
        weight,
        appointmentShare: WALK_IN_ONLY.has(m.name) ? 0 : 0.2,
      };
    }),
  );
}

/** Morning and afternoon break of 15 minutes, staggered by counter number over an hour. */
function demoBreaks(number: number): number[] {
  const slot = (number % 4) * 15;
  return [10 * 60 + 30 + slot, 15 * 60 + 30 + slot];
}

/** Duties for the opening sessions with one break per session starting at the given minutes. */
export function dutiesWithBreaks(matterIds: ReadonlySet<string>, breaks: readonly number[], breakMinutes = 15, sessions = SESSIONS): Duty[] {
  const out: Duty[] = [];
  for (const s of sessions) {
    let from = s.start;
    for (const b of breaks.filter((x) => x > s.start && x + breakMinutes < s.end)) {
      out.push({ start: from, end: b, matterIds, closing: false });
      from = b + breakMinutes;
    }
    out.push({ start: from, end: s.end, matterIds, closing: true });
  }
  return out;
}

function toSimCounter(c: DemoCounter, duties: (matterIds: ReadonlySet<string>) => Duty[]): SimCounter {
  const matterIds = new Set(c.matters);
  return {
    id: `W${c.number}`,
    number: c.number,
    type: c.type,
    zone: c.zone ?? 'ZH',
    matterIds,
    preferredMatterIds: new Set(c.preferred ?? []),
    duties: duties(matterIds),
  };
}

/**
 * The demo hall's staffing: every counter but the after-hours window, both sessions, one break
 * each — except at a desk that alone serves a matter, where a B-post colleague (AB岗) covers the
 * break: a real hall never leaves a matter with nobody on duty during opening hours.
 */
export function demoCounters(demo: readonly DemoCounter[] = DEMO_COUNTERS): SimCounter[] {
  const staffed = demo.filter((c) => c.type !== 'after_hours');
  const servedBy = (name: string) => staffed.filter((c) => c.matters.includes(name)).length;
  return staffed.map((c) => {
    const breakCover = c.matters.some((name) => servedBy(name) === 1);
    return { ...toSimCounter(c, (m) => dutiesWithBreaks(m, breakCover ? [] : demoBreaks(c.number))), breakCover };
  });
}

/** The demo hall's counters that have no day staff: the after-hours window (延时服务窗口). */
export function demoSpareCounters(demo: readonly DemoCounter[] = DEMO_COUNTERS): SimCounter[] {
  return demo.filter((c) => c.type === 'after_hours').map((c) => toSimCounter(c, () => []));
}

/** Pooling (一窗综合受理): the professional counters accept every matter of their zone. */
export function pooledDemoCounters(): DemoCounter[] {
  return DEMO_COUNTERS.map((c) => (c.type === 'professional' && c.zone ? { ...c, type: 'comprehensive', matters: DEMO_ZONES.find((z) => z.code === c.zone)!.matters.map((m) => m.name) } : c));
}

export const REALISTIC_LOAD = 0.85;

export function scenario(name: string, load = REALISTIC_LOAD, overrides: Partial<Scenario> = {}): Scenario {
  return {
    name,
    description: `demo staffing, ${Math.round(load * 100)} % offered load`,
    load,
    matters: demoMatters(),
    counters: demoCounters(),
    spareCounters: demoSpareCounters(),
    sessions: SESSIONS,
    lastTicketMinutes: LAST_TICKET_MINUTES,
    profiles: PROFILES,
    serviceCv: 0.8,
    walkInNoShowShare: 0.05,
    appointmentNoShowShare: 0.05,
    elderlyShare: { FR: 0.02, ZR: 0.1, BDC: 0.06, ZH: 0.05 },
    otherGreenShare: 0.01,
    patienceMean: { general: 45, complex: 75 },
    absentCallMinutes: 1.5,
    walkUpMinutes: 0.5,
    settings: DEFAULT_HALL_SETTINGS,
    ...overrides,
  };
}

/** Scheduled counter-minutes of a scenario (duties only: breaks and overtime excluded). */
export function scheduledMinutes(s: Pick<Scenario, 'counters'>): number {
  return s.counters.reduce((a, c) => a + c.duties.reduce((b, d) => b + d.end - d.start, 0), 0);
}

/** Drawn service minutes are lognormal(mean, cv) clamped to [SERVICE_FLOOR, SERVICE_CAP × mean] (simulate/visitors.ts). */
export const SERVICE_FLOOR = 1;
export const SERVICE_CAP = 6;

/** The expectation of a drawn service time, the clamping included (numerically, over the normal). */
export function drawnServiceMean(mean: number, cv: number): number {
  const s2 = Math.log(1 + cv * cv);
  const [mu, sigma] = [Math.log(mean) - s2 / 2, Math.sqrt(s2)];
  const step = 0.005;
  let sum = 0;
  for (let z = -9; z <= 9; z += step) {
    const x = Math.min(SERVICE_CAP * mean, Math.max(SERVICE_FLOOR, Math.exp(mu + sigma * z)));
    sum += x * Math.exp((-z * z) / 2) * step;
  }
  return sum / Math.sqrt(2 * Math.PI);
}

/**
 * Expected counter-minutes one visitor who wants the matter costs: a booked visitor who never
 * comes costs nothing, a walk-in no-show the call, everyone else the walk-up and the service as
 * drawn (so the realised work of many days is `load` × the scheduled minutes, not a little less).
 */
export function workPerTicket(s: Scenario, m: SimMatter): number {
  const comes = 1 - m.appointmentShare * s.appointmentNoShowShare;
  return comes * ((1 - s.walkInNoShowShare) * (s.walkUpMinutes + drawnServiceMean(m.serviceMean, s.serviceCv)) + s.walkInNoShowShare * s.absentCallMinutes);
}

/**
 * The counter pools of a staffing: matters linked by a counter that serves both, with the
 * counters that serve them (as the staffing plan groups them, server/domain/staffing-plan.ts).
 */
export function counterPools(s: Pick<Scenario, 'counters' | 'matters'>): { matterIds: string[]; counters: SimCounter[] }[] {
  const parent = new Map(s.matters.map((m) => [m.id, m.id]));
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  for (const c of s.counters) {
    const [first, ...rest] = [...c.matterIds].filter((id) => parent.has(id));
    for (const id of rest) parent.set(find(id), find(first!));
  }
  const groups = new Map<string, { matterIds: string[]; counters: SimCounter[] }>();
  for (const m of s.matters) {
    const root = find(m.id);
    const g = groups.get(root) ?? { matterIds: [], counters: [] };
    g.matterIds.push(m.id);
    groups.set(root, g);
  }
  for (const c of s.counters) {
    const first = [...c.matterIds].find((id) => parent.has(id));
    if (first) groups.get(find(first))!.counters.push(c);
  }
  return [...groups.values()];
}

/**
 * Expected visitors a day per matter, scaled so the expected work is `load` × the scheduled
 * minutes — of the hall ('hall') or of each pool ('per-pool'; see Scenario.demandMix).
 * A pool without a counter keeps the hall-wide scale (its visitors are never called: "unserved").
 */
export function visitorsPerDay(s: Scenario): Map<string, number> {
  const byId = new Map(s.matters.map((m) => [m.id, m]));
  const hallWork = s.matters.reduce((a, m) => a + m.weight * workPerTicket(s, m), 0);
  const hallScale = (s.load * scheduledMinutes(s)) / hallWork;
  const groups = s.demandMix === 'per-pool' ? counterPools(s).filter((g) => g.counters.length > 0) : [];
  const out = new Map(s.matters.map((m) => [m.id, m.weight * hallScale]));
  for (const g of groups) {
    const work = g.matterIds.reduce((a, id) => a + byId.get(id)!.weight * workPerTicket(s, byId.get(id)!), 0);
    const k = work > 0 ? (s.load * scheduledMinutes(g)) / work : 0;
    for (const id of g.matterIds) out.set(id, byId.get(id)!.weight * k);
  }
  return out;
}

/** Matters only one counter of the scenario is ever authorised for: the order there cannot matter. */
export function singleCounterMatters(s: Pick<Scenario, 'counters' | 'matters'>): Set<string> {
  const out = new Set<string>();
  for (const m of s.matters) {
    const who = s.counters.filter((c) => c.matterIds.has(m.id) || c.duties.some((d) => d.matterIds.has(m.id)));
    if (who.length <= 1) out.add(m.id);
  }
  return out;
}
