/** Who is acting, and what they may touch. Every use case checks through these helpers. */
import type { DeviceKind, Role } from '../protocol/views';
import { AppError } from './app-error';

export type StaffActor = { kind: 'staff'; id: string; role: Role; hallIds: string[]; displayName: string; username: string };
export type DeviceActor = { kind: 'device'; id: string; deviceKind: DeviceKind; hallId: string; zoneId: string | null; counterId: string | null };
export type SystemActor = { kind: 'system'; id: 'system' };
export type Actor = StaffActor | DeviceActor | SystemActor;

export const SYSTEM: SystemActor = { kind: 'system', id: 'system' };

export function canAccessHall(actor: Actor, hallId: string): boolean {
  switch (actor.kind) {
    case 'system':
      return true;
    case 'staff':
      return actor.role === 'admin' || actor.hallIds.includes(hallId);
    case 'device':
      return actor.hallId === hallId;
  }
}

export function requireHall(actor: Actor, hallId: string): void {
  if (!canAccessHall(actor, hallId)) throw new AppError('forbidden', 'You have no access to this hall');
}

export function requireStaff(actor: Actor, roles: readonly Role[] = ['admin', 'manager', 'staff']): StaffActor {
  if (actor.kind !== 'staff' || !roles.includes(actor.role)) {
    throw new AppError('forbidden', `This action needs the role ${roles.join(' or ')}`);
  }
  return actor;
}

export function requireAdmin(actor: Actor): StaffActor {
  return requireStaff(actor, ['admin']);
}

export function isSupervisor(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'staff' && (actor.role === 'admin' || actor.role === 'manager'));
}
