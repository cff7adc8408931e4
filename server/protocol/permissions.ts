/**
 * Who may do what, where: THE policy table. Every HTTP endpoint and socket command names one
 * action of this table, and the server consults `permits` (through server/app/authorize.ts)
 * before it does anything else. UIs may read it to hide what a user cannot do.
 *
 * A row grants each role the widest scope it may act in; a role missing from a row may not act:
 * - `public`: anyone, signed in or not;
 * - `any_hall`: every hall (and actions that belong to no hall);
 * - `own_hall`: the halls assigned to a staff account, or the device's own hall;
 * - `own_counter`: in an own hall, only at the counter the actor holds (for a ticket: the counter
 *   the ticket is at; a waiting ticket is at no counter);
 * - `own_department`: in an own hall, only for the departments assigned to the account.
 *
 * Adding a role or an action is one line here; the generated matrix test
 * (tests/http/permission-matrix.test.ts) then checks every endpoint and event against it.
 * See docs/permissions.md.
 */
import type { DeviceKind, Role } from './views';

export const SCOPES = ['public', 'any_hall', 'own_hall', 'own_counter', 'own_department'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Staff roles, device kinds, the caller with no token, and the visitor: a phone page's socket that
 * opened with its ticket's progress token (server/socket/progress-handshake.ts). The visitor is in no
 * group below: it may only follow its own ticket ('progress:subscribe').
 */
export type PolicyRole = Role | DeviceKind | 'anonymous' | 'visitor';
export const POLICY_ROLES: readonly PolicyRole[] = ['admin', 'manager', 'staff', 'reviewer', 'kiosk', 'display', 'counter_display', 'evaluator_pad', 'anonymous', 'visitor'];

type Grants = Partial<Record<PolicyRole, Scope>>;

const P = 'public' as const;
const A = 'any_hall' as const;
const H = 'own_hall' as const;
const C = 'own_counter' as const;

/** Everyone signed in. */
const SIGNED_IN: Grants = { admin: A, manager: A, staff: A, reviewer: A, kiosk: A, display: A, counter_display: A, evaluator_pad: A };
const EVERYONE: Grants = { ...SIGNED_IN, anonymous: P };
/** Everyone signed in, in their own halls. */
const HALL_MEMBERS: Grants = { admin: A, manager: H, staff: H, kiosk: H, display: H, counter_display: H, evaluator_pad: H };
const HALL_STAFF: Grants = { admin: A, manager: H, staff: H };
const SUPERVISORS: Grants = { admin: A, manager: H };
const ADMINS: Grants = { admin: A };
/** Counter work: supervisors at any counter of their halls, staff only at the counter they hold. */
const COUNTER_WORK: Grants = { admin: A, manager: H, staff: C };
const D = 'own_department' as const;
/** Only at the counter one holds, whoever one is (the counter must be taken by the caller). */
const AT_OWN_COUNTER: Grants = { admin: C, manager: C, staff: C };

export const POLICY = {
  // ── sign-in ──
  'auth:login': EVERYONE,
  'auth:logout': SIGNED_IN,
  'auth:me': SIGNED_IN,
  'health:read': EVERYONE,
  'docs:read': EVERYONE,
  /** First-admin set-up of a real installation: public, guarded by the one-time code in the server log. */
  'setup:first-admin': EVERYONE,
  // ── halls and their configuration ──
  'hall:list': HALL_STAFF,
  'hall:create': ADMINS,
  'hall:update': ADMINS,
  'hall:snapshot': HALL_STAFF,
  'hall:public-snapshot': HALL_MEMBERS,
  'zone:list': HALL_STAFF,
  'zone:save': ADMINS,
  'matter:list': HALL_MEMBERS,
  'matter:save': ADMINS,
  'matter:booking-rule': ADMINS,
  /** Back-office departments of a hall, and the guide (办事指南) fields of its matters. */
  'department:list': HALL_STAFF,
  'department:save': ADMINS,
  'guide:list': HALL_STAFF,
  'guide:save': ADMINS,
  'counter:list': HALL_STAFF,
  'counter:save': ADMINS,
  /** 潮汐窗口: a supervisor changes the matters a counter serves. */
  'counter:set-matters': SUPERVISORS,
  'counter:set-breaks': SUPERVISORS,
  'device:create': ADMINS,
  'device:deactivate': ADMINS,
  'device:printer-read': SUPERVISORS,
  'device:printer-write': ADMINS,
  'counter:printer-read': HALL_STAFF,
  'counter:printer-write': ADMINS,
  'staff:list': ADMINS,
  'staff:create': ADMINS,
  'staff:update': ADMINS,
  'device:list': SUPERVISORS,
  'device:update': ADMINS,
  'device:test-print': SUPERVISORS,
  'audit:read': SUPERVISORS,
  'calendar:read': { admin: A, manager: A, staff: A },
  'calendar:write': ADMINS,
  // ── tickets ──
  'ticket:issue': { ...HALL_STAFF, kiosk: H },
  'ticket:progress': EVERYONE,
  /** The phone page's live nudges: only the visitor, and only for the ticket its token names (the input names none). */
  'progress:subscribe': { visitor: P },
  'ticket:history': HALL_STAFF,
  'ticket:reprint': HALL_STAFF,
  'print-job:read': { ...HALL_STAFF, kiosk: H },
  'printer:status': HALL_STAFF,
  /** Only a kiosk, about its own printer (checked in server/app/printing/printer-sensor.ts). */
  'printer:report': { kiosk: H },
  // ── counter sessions and counter work (socket commands) ──
  'counter:take': HALL_STAFF,
  'counter:release': COUNTER_WORK,
  'counter:pause': AT_OWN_COUNTER,
  'counter:resume': AT_OWN_COUNTER,
  'ticket:call-next': AT_OWN_COUNTER,
  'ticket:call': AT_OWN_COUNTER,
  'ticket:call-back': AT_OWN_COUNTER,
  'ticket:recall': COUNTER_WORK,
  'ticket:start': COUNTER_WORK,
  'ticket:finish': COUNTER_WORK,
  'ticket:no-show': COUNTER_WORK,
  'ticket:park': COUNTER_WORK,
  'ticket:reactivate': HALL_STAFF,
  /** Transfer (转窗) the ticket at one's own counter. */
  'ticket:transfer': COUNTER_WORK,
  /** Move a ticket that is not at one's counter (e.g. a waiting ticket) to another matter or counter. */
  'ticket:move': SUPERVISORS,
  /** Cancel a ticket: staff only the one at their counter; a waiting ticket is a supervisor's call. */
  'ticket:cancel': COUNTER_WORK,
  // ── the manager dashboard ──
  'stats:today': SUPERVISORS,
  'report:read': SUPERVISORS,
  /** The city roll-up: each hall's live figures; managers get their own halls only. */
  'city:live': SUPERVISORS,
  'notice:read': HALL_MEMBERS,
  'notice:write': SUPERVISORS,
  // ── cases (办件) ──
  /** At the counter: open, find, resume a case, the intake outcome, the hand-over at the pickup counter. */
  'case:counter': COUNTER_WORK,
  /** The back office: lists, detail and review steps; reviewers only for the departments they review for. */
  'case:back-office': { admin: A, manager: H, reviewer: D },
  'case:pickup-ticket': { ...HALL_STAFF, kiosk: H },
  'case:guide': EVERYONE,
  // ── the staffing plan ──
  'plan:read': SUPERVISORS,
  // ── evaluations (好差评) ──
  'evaluation:mine': { admin: A, manager: A, staff: A },
  /** The bad-review workflow as a supervisor: list, today's figures, and steps taken as the manager. */
  'evaluation:bad-reviews': SUPERVISORS,
  /** A step on a bad review; the review's own rules decide what each role may do (server/domain/evaluation). */
  'evaluation:bad-review-step': HALL_STAFF,
  /** The ticket's phone page rates the service: public, the ticket token is the key. */
  'evaluation:by-token': EVERYONE,
  'pad:list': SUPERVISORS,
  'pad:write': ADMINS,
  /** What the evaluator pad itself does: show its counter's service, submit a rating. */
  'pad:use': { evaluator_pad: H },
  // ── appointments ──
  'booking:public': EVERYONE,
  'appointment:check-in': { ...HALL_STAFF, kiosk: H },
  'appointment:book': HALL_STAFF,
  'appointment:list': HALL_STAFF,
  'appointment:cancel': HALL_STAFF,
  /** Cancel after the visitor's cut-off (the hall closes early, say). */
  'appointment:cancel-late': SUPERVISORS,
} as const satisfies Record<string, Grants>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

/** The caller as the policy sees it: a role, an id, and the halls (and departments) it belongs to. */
export interface PolicySubject {
  role: PolicyRole;
  id: string | null;
  /** 'all' for roles that are not bound to halls (admins). */
  hallIds: readonly string[] | 'all';
  departmentIds?: readonly string[];
}

/**
 * What is acted on. Give every field the action's scope needs: `hallId` for hall scopes,
 * `counterHolderId` (who holds the counter; null when nobody does) for `own_counter`,
 * `departmentId` for `own_department`. A field left undefined is not checked, which the
 * boundaries use for their early role-and-hall check before the resource is loaded.
 */
export interface PolicyTarget {
  hallId?: string | null;
  counterHolderId?: string | null;
  departmentId?: string | null;
}

export function grantOf(role: PolicyRole, action: Action): Scope | undefined {
  return (POLICY[action] as Grants)[role];
}

export type Decision = { ok: true; scope: Scope } | { ok: false; reason: 'role' | 'hall' | 'counter' | 'department' };

export function decide(subject: PolicySubject, action: Action, target: PolicyTarget = {}): Decision {
  const scope = grantOf(subject.role, action);
  if (!scope) return { ok: false, reason: 'role' };
  if (scope === 'public' || scope === 'any_hall') return { ok: true, scope };
  const inHall = (hallId: string | null) => subject.hallIds === 'all' || (hallId !== null && subject.hallIds.includes(hallId));
  if (target.hallId !== undefined && !inHall(target.hallId)) return { ok: false, reason: 'hall' };
  if (scope === 'own_counter' && target.counterHolderId !== undefined) {
    if (subject.id === null || target.counterHolderId !== subject.id) return { ok: false, reason: 'counter' };
  }
  if (scope === 'own_department' && target.departmentId !== undefined) {
    if (target.departmentId === null || !(subject.departmentIds ?? []).includes(target.departmentId)) return { ok: false, reason: 'department' };
  }
  return { ok: true, scope };
}

export function permits(subject: PolicySubject, action: Action, target: PolicyTarget = {}): boolean {
  return decide(subject, action, target).ok;
}
