/** The admin console's requests and views beyond the hall configuration in schemas.ts. */
import type { Role } from './views';
import { z } from 'zod';
import { isRealIsoDate } from './safe-text';
import { staffCreate } from './schemas';
import type { DeviceKind } from './views';

const id = z.string().uuid();

/** PATCH /api/staff/:staffId — every field optional; only the named ones change. */
export const staffUpdate = z
  .object({
    displayName: staffCreate.shape.displayName,
    role: staffCreate.shape.role,
    hallIds: z.array(id).max(100),
    /** The departments a reviewer works for (replaces the list). */
    departmentIds: z.array(id).max(100),
    /** false disables the account: its sessions end at once. */
    active: z.boolean(),
    /** A new password set by an administrator: the account's sessions end. */
    password: staffCreate.shape.password,
    /** true clears a lock-out after failed sign-ins. */
    unlock: z.literal(true),
  })
  .partial()
  .strict();

/** PATCH /api/devices/:deviceId */
export const deviceUpdate = z
  .object({
    name: z.string().trim().min(1).max(100),
    zoneId: id.nullable(),
    counterId: id.nullable(),
  })
  .partial()
  .strict();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine(isRealIsoDate, 'not a real date');

/** GET /api/audit?… (and &format=csv) */
export const auditQuery = z
  .object({
    hallId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** An action (noun:verb) or its noun, e.g. "staff" or "staff:update". */
    action: z.string().trim().regex(/^[a-z_-]+(:[a-z_-]+)?$/).max(60).optional(),
    actorId: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

export interface DeviceView {
  id: string;
  hallId: string;
  kind: DeviceKind;
  name: string;
  zoneId: string | null;
  counterId: string | null;
  active: boolean;
  createdAt: string;
}

/** A device with its token: only in the answer that created the token (create, rotate). */
export interface DeviceWithToken extends DeviceView {
  token: string;
}

export interface AdminStaffView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  hallIds: string[];
  /** Departments the account reviews for (reviewers). */
  departmentIds: string[];
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface AuditEntryView {
  at: string;
  hallId: string | null;
  /** 'staff' | 'device' | 'system' */
  actorType: string;
  actorId: string | null;
  /** The staff member's display name, when the actor is one. */
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
}

export interface PrinterTestResult {
  ok: boolean;
  message: string;
  ms: number;
}
