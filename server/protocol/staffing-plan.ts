/** The managers' forecast and staffing plan (GET /api/halls/:hallId/staffing-plan). */
import { z } from 'zod';
import { isRealIsoDate } from './safe-text';

export const staffingPlanQuery = z
  .object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine(isRealIsoDate, 'not a real date').optional() })
  .strict();

export type ForecastBasisView = 'same_weekday' | 'recent_days' | 'none';

export interface PlanZoneView {
  zoneId: string;
  name: string;
  /** Per half hour of `slots`: expected arrivals, counters needed for 95 % within target, counters staffed now. */
  arrivals: number[];
  needed: number[];
  staffed: number[];
  /** Expected share within target with the staffed counters (null when nobody is expected). */
  within: (number | null)[];
  matters: { matterId: string; name: string; arrivals: number[] }[];
}

export interface TidalMoveView {
  counterId: string;
  counterNumber: number;
  fromZoneId: string;
  toZoneId: string;
  toZoneName: string;
  from: string; // HH:MM
  to: string;
  /** The matters the counter serves while moved: every matter of the target zone. */
  matterIds: string[];
  /** "09:30–11:00: 7 号窗口 → 不动产服务区" */
  text: string;
  /** The counter already serves exactly these matters. */
  applied: boolean;
  /** At the end of the window the counter goes back home: every matter of its own zone (the same command). */
  returnMatterIds: string[];
  /** "11:00: 7 号窗口 → 法人服务区" */
  returnText: string;
}

/**
 * 弹性窗口: a spare physical counter (the after-hours window) opened by a back-office colleague for
 * a zone in its peak, paid for by the same minutes released elsewhere (BreakAdviceView.backOffice).
 * Applied with the tidal-counter command (the zone's matters); the return restores its own matters.
 */
export interface FlexOpeningView {
  counterId: string;
  counterNumber: number;
  counterName: string;
  toZoneId: string;
  toZoneName: string;
  from: string; // HH:MM
  to: string;
  matterIds: string[];
  /** "09:00–11:00: 14 号窗口（后台人员）→ 自然人服务区" */
  text: string;
  /** The counter serves exactly the zone's matters now. */
  applied: boolean;
  /** What it serves outside its openings (before today's first move). */
  returnMatterIds: string[];
  returnText: string;
}

/**
 * What making a professional counter comprehensive would gain on the forecast day, measured by the
 * simulator engine with the hall's calling rule over `days` seeded days (docs/routing.md): the share
 * within target of the counter's zone and of the whole hall, as staffed and pooled.
 */
export interface PoolingGainView {
  counterId: string;
  counterNumber: number;
  zoneName: string;
  withinNow: number;
  withinPooled: number;
  hallNow: number;
  hallPooled: number;
  days: number;
}

/**
 * When a staffed counter should be away from the front: its 15-minute break in each of the day's
 * sessions (out of the peaks) and the half hours its staff spend in the back office so that a
 * colleague can open a spare counter in a peak (docs/routing.md). Scheduled together.
 */
export interface BreakAdviceView {
  counterId: string;
  counterNumber: number;
  times: { from: string; to: string }[]; // HH:MM, breaks and back-office half hours, in order
  /** Which of `times` are back-office half hours (转后台) rather than breaks. */
  backOffice: { from: string; to: string }[];
  /** The breaks scheduled for the counter that day (PUT …/counters/:id/breaks) equal the advice. */
  applied: boolean;
}

/** A counter's breaks scheduled for a service day. */
export interface CounterBreaksView {
  counterId: string;
  date: string;
  times: { from: string; to: string }[];
}

export interface StaffingPlanView {
  date: string;
  basis: ForecastBasisView;
  /** The history days the forecast averages. */
  historyDays: string[];
  /** 'open_now': counters open at this moment; 'all_counters': none is open, so every active counter. */
  staffingBasis: 'open_now' | 'all_counters';
  targetShare: number;
  slots: string[];
  zones: PlanZoneView[];
  moves: TidalMoveView[];
  /** Spare counters opened in the peaks; `flexMinutes` counter-minutes, released elsewhere in `breaks[].backOffice`. */
  flex: FlexOpeningView[];
  flexMinutes: number;
  breaks: BreakAdviceView[];
  pooling: PoolingGainView[];
  /** Appointment seats per matter for the half hours the plan caps (others: the hall's default). */
  seats: { slot: string; matterId: string; seats: number }[];
}
