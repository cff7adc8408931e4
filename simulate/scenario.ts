/**
 * The simulated hall: the demo district centre's matters and counters (server/seed/demo-hall-data.ts),
 * a fixed staffing plan, a day's demand with morning and afternoon peaks, realistic service
 * times, appointments and green-channel visitors. A scenario scales the demand (`load`).
 */
import { DEMO_COUNTERS, DEMO_ZONES } from '../server/seed/demo-hall-data';
import { DEFAULT_HALL_SETTINGS, waitTargetMinutes, type EffectiveHallSettings } from '../server/domain/wait-target';
import type { Complexity } from '../server/protocol/views';

export interface SimMatter {
  id: string; // the matter's name
  zone: string;
  complexity: Complexity;
  targetMinutes: number;
  /** Mean service minutes (call → finish); drawn lognormal with cv `serviceCv`. */
  serviceMean: number;
  /** Visitors per day at load 1.0. */
  perDay: number;
  /** Share of this matter's visitors who book an appointment (0 for on-the-spot desks). */
  appointmentShare: number;
}

export interface SimCounter {
  id: string; // 'W1' …
  number: number;
  matterIds: ReadonlySet<string>;
  preferredMatterIds: ReadonlySet<string>;
}

export interface Scenario {
  name: string;
  description: string;
  /** Demand multiplier on every matter's perDay. */
  load: number;
  matters: SimMatter[];
  counters: SimCounter[];
  /** Opening sessions in minutes after midnight. */
  sessions: { start: number; end: number }[];
  /** Relative arrival intensity per half hour from each session start (morning and afternoon peaks). */
  halfHourWeights: number[];
  serviceCv: number;
  greenShare: number;
  slotMinutes: number;
  settings: EffectiveHallSettings;
  /** Minutes from a call until service starts (the visitor walks up). */
  walkUpMinutes: number;
}

/** Mean service minutes and daily demand per matter at load 1.0 (general ~6–10 min, complex ~20–35 min). */
const DEMAND: Record<string, [serviceMean: number, perDay: number]> = {
  企业设立登记: [9, 24],
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
  不动产转移登记: [30, 10],
  不动产抵押登记: [10, 14],
  不动产首次登记: [32, 2],
  不动产登记资料查询: [6, 12],
  存量房交易税费申报: [20, 4],
  政务服务咨询: [5, 56],
  证照统一领取: [4, 68],
  帮办代办服务: [10, 12],
  '“办不成事”反映': [12, 25],
  长三角跨省通办: [25, 12],
};

/** Desks visitors do not book: consultation, pickup, complaints. */
const WALK_IN_ONLY = new Set(['政务服务咨询', '证照统一领取', '“办不成事”反映']);

/** Staffing plan: every counter of the demo hall but the after-hours window, both sessions. */
const STAFFED = DEMO_COUNTERS.filter((c) => c.type !== 'after_hours');

export function demoMatters(settings: EffectiveHallSettings = DEFAULT_HALL_SETTINGS): SimMatter[] {
  return DEMO_ZONES.flatMap((z) =>
    z.matters.map((m) => {
      const [serviceMean, perDay] = DEMAND[m.name] ?? [m.complexity === 'complex' ? 25 : 8, 2];
      return {
        id: m.name,
        zone: z.code,
        complexity: m.complexity,
        targetMinutes: waitTargetMinutes({ complexity: m.complexity, waitTargetMinutes: null }, settings),
        serviceMean,
        perDay,
        appointmentShare: WALK_IN_ONLY.has(m.name) ? 0 : 0.25,
      };
    }),
  );
}

export function demoCounters(): SimCounter[] {
  return STAFFED.map((c) => ({
    id: `W${c.number}`,
    number: c.number,
    matterIds: new Set(c.matters),
    preferredMatterIds: new Set(c.preferred ?? []),
  }));
}

export const NORMAL_LOAD = 0.85;
export const HARD_LOAD = 1.3;

export function scenario(name: 'normal' | 'hard' | string, load?: number): Scenario {
  const presets: Record<string, { load: number; description: string }> = {
    normal: { load: NORMAL_LOAD, description: 'an ordinary weekday: counters about 70 % busy over the day, near 100 % in the peaks' },
    hard: { load: HARD_LOAD, description: `a peak day: the same staffing, ${Math.round((HARD_LOAD / NORMAL_LOAD - 1) * 100)} % more visitors; counters at least 90 % busy` },
  };
  const preset = presets[name] ?? { load: load ?? 1, description: `load ${load ?? 1}` };
  return {
    name,
    description: preset.description,
    load: load ?? preset.load,
    matters: demoMatters(),
    counters: demoCounters(),
    sessions: [
      { start: 9 * 60, end: 12 * 60 },
      { start: 13 * 60 + 30, end: 17 * 60 },
    ],
    // 09:00 … 11:30 and 13:30 … 16:30: a morning peak 09:30–10:30, an afternoon peak 14:00–15:30.
    halfHourWeights: [1.2, 1.6, 1.6, 1.2, 0.9, 0.5, 0.9, 1.4, 1.5, 1.3, 1.0, 0.7, 0.4],
    serviceCv: 0.45,
    greenShare: 0.08,
    slotMinutes: 30,
    settings: DEFAULT_HALL_SETTINGS,
    walkUpMinutes: 0.5,
  };
}
