/**
 * Who is acting, and the one gate every use case and boundary goes through: `authorize(actor,
 * action, target)` consults the policy table in server/protocol/permissions.ts. No other place
 * decides who may do what.
 */
import { decide, type Action, type PolicySubject, type PolicyTarget } from '../protocol/permissions';
import type { DeviceKind, Role } from '../protocol/views';
import { AppError } from './app-error';

export type StaffActor = { kind: 'staff'; id: string; role: Role; hallIds: string[]; displayName: string; username: string };
export type DeviceActor = { kind: 'device'; id: string; deviceKind: DeviceKind; hallId: string; zoneId: string | null; counterId: string | null };
export type SystemActor = { kind: 'system'; id: 'system' };
/** A phone page's socket, known only by its ticket's progress token: its id is the ticket's id. Not an Actor of any use case. */
export type VisitorActor = { kind: 'visitor'; id: string; hallId: string };
export type Actor = StaffActor | DeviceActor | SystemActor;

export const SYSTEM: SystemActor = { kind: 'system', id: 'system' };

/** The actor as the policy sees it; null is the caller with no token. The system has no subject: it may do anything. */
export function subjectOf(actor: StaffActor | DeviceActor | VisitorActor | null, extra: SubjectExtra = {}): PolicySubject {
  if (!actor) return { role: 'anonymous', id: null, hallIds: [] };
  if (actor.kind === 'visitor') return { role: 'visitor', id: actor.id, hallIds: [actor.hallId] };
  if (actor.kind === 'device') return { role: actor.deviceKind, id: actor.id, hallIds: [actor.hallId] };
  return { role: actor.role, id: actor.id, hallIds: actor.role === 'admin' ? 'all' : actor.hallIds, ...(extra.departmentIds && { departmentIds: extra.departmentIds }) };
}

/** What the actor row does not carry but an own_department check needs (a reviewer's departments, read by the use case). */
export interface SubjectExtra {
  departmentIds?: readonly string[];
}

/** May this actor do this action on this target? (For filtering lists and optional powers.) */
export function may(actor: Actor | null, action: Action, target: PolicyTarget = {}, extra: SubjectExtra = {}): boolean {
  if (actor?.kind === 'system') return true;
  return decide(subjectOf(actor, extra), action, target).ok;
}

const MESSAGES = {
  role: (action: Action) => `You may not do this (${action})`,
  hall: () => 'You have no access to this hall',
  counter: () => 'You are not signed in at this counter',
  department: () => 'This case belongs to a department you do not review for',
} as const;

/** Throws `unauthenticated` for no actor, `forbidden` when the policy table says no. */
export function authorize(actor: Actor | VisitorActor | null, action: Action, target: PolicyTarget = {}, extra: SubjectExtra = {}): void {
  if (actor?.kind === 'system') return;
  const decision = decide(subjectOf(actor, extra), action, target);
  if (decision.ok) return;
  if (!actor) throw new AppError('unauthenticated', 'Sign in first');
  throw new AppError('forbidden', MESSAGES[decision.reason](action));
}

/** Narrows to a staff account once authorised (use cases that record who acted). */
export function staffActorOf(actor: Actor): StaffActor | null {
  return actor.kind === 'staff' ? actor : null;
}
