/**
 * Variants of our calling rule, measured against it and not adopted (docs/routing.md §The
 * look-ahead, measured and not adopted): the product's rule with one part changed — a key that
 * uses the expected service time, another hall cap, appointments called a few minutes before
 * their slot, or a clairvoyant rule that knows every visitor's drawn service time and who has
 * already left (an online rule cannot; it shows how far any calling order could go on a hall).
 *
 * With no option set, `variantPolicy` orders exactly as rankCandidates
 * (tests/simulate/rule-variants.test.ts), so every difference measured is the option's.
 */
import {
  deadlineOf, inAppointmentWindow, pastWaitCap, PREFERRED_BONUS, starvationGuardTripped, urgencyOf,
  type QueueCandidate, type RoutingContext,
} from '../server/domain/routing-policy';
import type { Policy } from './policies';
import type { Visitor } from './visitors';

export interface RuleVariant {
  id: string;
  label: string;
  /** Still-makeable walk-ins and green channel: key = deadline + serviceWeight × expected service minutes (0: earliest deadline). */
  serviceWeight?: number;
  /** Key = the expected service alone (shortest expected service first among the makeable). */
  shortestService?: boolean;
  /** Key = slack ÷ expected service (least laxity relative to the visit). */
  slackRatio?: boolean;
  /** Shortest wait target first among the makeable, then the deadline. */
  shortestTarget?: boolean;
  /** The hall cap per ticket (minutes) instead of the hall setting. */
  cap?: (c: QueueCandidate) => number;
  /**
   * A soft cap: a breached walk-in that has waited `from` minutes joins the still-makeable tickets
   * with the deadline waitStart + `deadline` (earliest deadline first among them); the hard cap
   * (`cap`, else the hall's) still applies after.
   */
  softCap?: { from: number; deadline: number };
  /** The preferred matters' bonus in targets instead of PREFERRED_BONUS (5: a counter's own matters strictly first among the makeable). */
  preferredBonus?: number;
  /** A checked-in appointment whose slot starts within this many minutes has appointment precedence already. */
  earlyAppointmentMinutes?: number;
  /** Knows each visitor's drawn service time (instead of the matter's mean). */
  knowsService?: boolean;
  /** Knows who has gone (no-show, or out of patience) and calls them last. */
  knowsGone?: boolean;
}

/** What a variant may know: the expected service of a matter (as the server would), and — clairvoyant only — the visitor. */
export interface Knowledge {
  expectedService(matterId: string): number;
  visitor?(ticketId: string): Visitor | undefined;
  /** Added to a drawn service time, as to the expected one (the walk to the counter). */
  walkUpMinutes?: number;
}

const MINUTE = 60_000;
const enum Tier { Guarded = 0, Green = 1, Appointment = 2, PastCap = 3, Walk = 4, GuardedGreen = 5, Gone = 9 }

function ties(a: QueueCandidate, b: QueueCandidate): number {
  return (
    a.waitStartAt.getTime() - b.waitStartAt.getTime() ||
    a.issuedAt.getTime() - b.issuedAt.getTime() ||
    a.number.localeCompare(b.number) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function soonBeforeSlot(c: QueueCandidate, now: Date, minutes: number | undefined): boolean {
  if (!minutes || !c.appointmentSlot) return false;
  const ahead = c.appointmentSlot.start.getTime() - now.getTime();
  return ahead > 0 && ahead <= minutes * MINUTE;
}

export function variantPolicy(v: RuleVariant, know: Knowledge): Policy {
  const service = (c: QueueCandidate) => {
    const drawn = v.knowsService ? know.visitor?.(c.id)?.serviceMinutes : undefined;
    return drawn === undefined ? know.expectedService(c.matterId) : drawn + (know.walkUpMinutes ?? 0);
  };
  const gone = (c: QueueCandidate, now: Date) => {
    const who = v.knowsGone ? know.visitor?.(c.id) : undefined;
    return !!who && (who.noShow || (now.getTime() - c.waitStartAt.getTime()) / MINUTE > who.patience);
  };
  return {
    name: 'ours',
    label: v.label,
    rank(candidates: readonly QueueCandidate[], ctx: RoutingContext): QueueCandidate[] {
      const guard = candidates.some((c) => c.priority <= 0) && starvationGuardTripped(ctx);
      const bonus = Math.max(0, v.preferredBonus ?? ctx.preferredBonus ?? PREFERRED_BONUS);
      const now = ctx.now.getTime() / MINUTE;
      const scored = candidates.map((c) => {
        const cap = v.cap ? v.cap(c) : ctx.waitCapMinutes;
        const appt = inAppointmentWindow(c, ctx.now, ctx.appointmentGraceMinutes, ctx.earlyAppointmentMinutes) || soonBeforeSlot(c, ctx.now, v.earlyAppointmentMinutes);
        let tier = guard ? (c.priority > 0 ? Tier.GuardedGreen : Tier.Guarded) : c.priority > 0 ? Tier.Green : appt ? Tier.Appointment : pastWaitCap(c, ctx.now, cap) ? Tier.PastCap : Tier.Walk;
        if (gone(c, ctx.now)) tier = Tier.Gone;
        let breached = urgencyOf(c, ctx.now) > 1;
        let edf = deadlineOf(c).getTime() / MINUTE - (ctx.preferredMatterIds.has(c.matterId) ? bonus : 0) * Math.max(1, c.waitTargetMinutes);
        if (v.softCap && breached && tier === Tier.Walk && now - c.waitStartAt.getTime() / MINUTE >= v.softCap.from) {
          breached = false;
          edf = c.waitStartAt.getTime() / MINUTE + v.softCap.deadline;
        }
        let key = edf;
        if (!breached && (tier === Tier.Walk || tier === Tier.Green)) {
          const s = service(c);
          if (v.shortestService) key = s;
          else if (v.slackRatio) key = (edf - now) / s;
          else if (v.shortestTarget) key = c.waitTargetMinutes * 1e7 + edf;
          else key = edf + (v.serviceWeight ?? 0) * s;
        }
        return { c, tier, breached, key, edf };
      });
      scored.sort((a, b) => {
        if (a.tier !== b.tier) return a.tier - b.tier;
        if (a.tier === Tier.PastCap || a.tier === Tier.Guarded || a.tier === Tier.Gone) return ties(a.c, b.c);
        if (a.breached !== b.breached) return a.breached ? 1 : -1;
        if (a.tier === Tier.Appointment) {
          const bySlot = a.c.appointmentSlot!.start.getTime() - b.c.appointmentSlot!.start.getTime();
          if (bySlot !== 0) return bySlot;
        }
        return a.key - b.key || a.edf - b.edf || ties(a.c, b.c);
      });
      return scored.map((s) => s.c);
    },
  };
}

/** The variants measured (docs/routing.md gives their figures). */
export const VARIANTS: readonly RuleVariant[] = [
  { id: 'ours', label: 'ours (as rankCandidates)' },
  { id: 'spt', label: 'shortest expected service', shortestService: true },
  { id: 'laxity', label: 'slack ÷ expected service', slackRatio: true },
  { id: 'edf+0.5s', label: 'deadline + ½ service', serviceWeight: 0.5 },
  { id: 'edf+1s', label: 'deadline + service', serviceWeight: 1 },
  { id: 'edf+2s', label: 'deadline + 2 × service', serviceWeight: 2 },
  { id: 'target', label: 'shortest target first', shortestTarget: true },
  { id: 'no-cap', label: 'no hall cap', cap: () => 0 },
  { id: 'cap90', label: 'cap 90 min', cap: () => 90 },
  { id: 'soft45-60', label: 'soft cap: from 45, deadline 60', softCap: { from: 45, deadline: 60 } },
  { id: 'soft55-65', label: 'soft cap: from 55, deadline 65, cap 65', softCap: { from: 55, deadline: 65 }, cap: () => 65 },
  { id: 'soft60-70', label: 'soft cap: from 60, deadline 70, cap 70', softCap: { from: 60, deadline: 70 }, cap: () => 70 },
  { id: 'soft50-65', label: 'soft cap: from 50, deadline 65, cap 65', softCap: { from: 50, deadline: 65 }, cap: () => 65 },
  { id: 'soft60-65', label: 'soft cap: from 60, deadline 65, cap 65', softCap: { from: 60, deadline: 65 }, cap: () => 65 },
  { id: 'soft60-60', label: 'soft cap: from 60, deadline 60, cap 70', softCap: { from: 60, deadline: 60 }, cap: () => 70 },
  { id: 'cap55', label: 'cap 55 min', cap: () => 55 },
  { id: 'capT+40', label: 'cap target + 40', cap: (c) => c.waitTargetMinutes + 40 },
  { id: 'cap50/65', label: 'cap 50 general / 65 complex', cap: (c) => (c.waitTargetMinutes < 20 ? 50 : 65) },
  { id: 'edf+2s cap55', label: 'deadline + 2 × service, cap 55', serviceWeight: 2, cap: () => 55 },
  { id: 'bonus0', label: 'no preferred bonus', preferredBonus: 0 },
  { id: 'bonus5', label: 'preferred matters strictly first (bonus 5 targets)', preferredBonus: 5 },
  { id: 'early3', label: 'appointments 3 min early', earlyAppointmentMinutes: 3 },
  { id: 'early5', label: 'appointments 5 min early', earlyAppointmentMinutes: 5 },
  { id: 'early10', label: 'appointments 10 min early', earlyAppointmentMinutes: 10 },
  { id: 'early5 edf+1s', label: 'appts 5 min early + deadline + service', earlyAppointmentMinutes: 5, serviceWeight: 1 },
  { id: 'oracle-service', label: 'CLAIRVOYANT: deadline + 2 × drawn service', serviceWeight: 2, knowsService: true },
  { id: 'oracle-gone', label: 'CLAIRVOYANT: who has left, last', knowsGone: true },
  { id: 'oracle-both', label: 'CLAIRVOYANT: both', serviceWeight: 2, knowsService: true, knowsGone: true },
];
