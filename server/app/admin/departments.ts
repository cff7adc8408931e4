/**
 * Back-office departments of a hall: list (with how many matters and reviewers use each), create,
 * rename, change the enquiry phone, disable. Disabling one that an active matter's guide names or a
 * reviewer works for is refused with `in_use` and why. A rename reaches the matters' department
 * name too (the kiosk, the guide page and the reports show it), as one configuration change.
 */
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { matters, staff } from '../../../db/schema';
import { departments, matterGuides, staffDepartments } from '../../../db/schema-cases';
import type { DepartmentView, departmentCreate, departmentUpdate } from '../../protocol/departments';
import type { z } from 'zod';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import { mapConstraintErrors } from '../db-errors';
import type { AppDeps } from '../deps';
import { loadHall } from '../loaders';
import { runCommand } from '../run-command';
import { namedFields, namesAny } from './patch';

type DepartmentRow = typeof departments.$inferSelect;
type Reader = AppDeps['db'] | Tx;

async function usage(reader: Reader, ids: string[]): Promise<{ matters: Map<string, number>; reviewers: Map<string, number> }> {
  if (!ids.length) return { matters: new Map(), reviewers: new Map() };
  const m = await reader
    .select({ id: matterGuides.departmentId, n: count() })
    .from(matterGuides)
    .innerJoin(matters, eq(matters.id, matterGuides.matterId))
    .where(and(inArray(matterGuides.departmentId, ids), eq(matters.active, true)))
    .groupBy(matterGuides.departmentId);
  const r = await reader
    .select({ id: staffDepartments.departmentId, n: count() })
    .from(staffDepartments)
    .innerJoin(staff, eq(staff.id, staffDepartments.staffId))
    .where(and(inArray(staffDepartments.departmentId, ids), eq(staff.active, true)))
    .groupBy(staffDepartments.departmentId);
  return { matters: new Map(m.map((x) => [x.id, x.n])), reviewers: new Map(r.map((x) => [x.id, x.n])) };
}

function present(d: DepartmentRow, u: Awaited<ReturnType<typeof usage>>): DepartmentView {
  return { id: d.id, hallId: d.hallId, name: d.name, contact: d.contact, active: d.active, matterCount: u.matters.get(d.id) ?? 0, reviewerCount: u.reviewers.get(d.id) ?? 0 };
}

export async function listDepartments(deps: AppDeps, actor: Actor, hallId: string): Promise<DepartmentView[]> {
  authorize(actor, 'department:list', { hallId });
  await loadHall(deps.db, hallId);
  const rows = await deps.db.select().from(departments).where(eq(departments.hallId, hallId)).orderBy(departments.name);
  const u = await usage(deps.db, rows.map((d) => d.id));
  return rows.map((d) => present(d, u));
}

/** Refuses disabling a department still in use, naming what uses it. */
async function refuseDisablingDepartmentInUse(tx: Tx, departmentId: string): Promise<void> {
  const u = await usage(tx, [departmentId]);
  const m = u.matters.get(departmentId) ?? 0;
  const r = u.reviewers.get(departmentId) ?? 0;
  if (!m && !r) return;
  const en = [m && `${m} active matter(s) name it in their guide`, r && `${r} reviewer(s) work for it`].filter(Boolean).join(' and ');
  const zh = [m && `${m} 个启用事项的办事指南指向该部门`, r && `${r} 名审查人员属于该部门`].filter(Boolean).join('，');
  throw new AppError('in_use', `This department is in use: ${en}; move them to another department first`, { active: `${zh}，请先改到其他部门` });
}

export async function saveDepartment(
  deps: AppDeps,
  actor: Actor,
  hallId: string,
  departmentId: string | null,
  input: z.output<typeof departmentCreate> | z.output<typeof departmentUpdate>,
): Promise<DepartmentView> {
  authorize(actor, 'department:save', { hallId });
  return runCommand(deps, { name: 'department:save', hallId, actor }, async ({ tx, emit }) => {
    await loadHall(tx, hallId);
    const mine = departmentId ? and(eq(departments.id, departmentId), eq(departments.hallId, hallId)) : undefined;
    const [current] = departmentId ? await tx.select().from(departments).where(mine).for('update') : [];
    if (departmentId && !current) throw new AppError('not_found', 'Department not found');
    if (current?.active && 'active' in input && input.active === false) await refuseDisablingDepartmentInUse(tx, current.id);
    const fields = namedFields(input);
    const rows = await mapConstraintErrors('A department with this name', () =>
      !departmentId
        ? tx.insert(departments).values({ ...(input as z.output<typeof departmentCreate>), hallId }).returning()
        : namesAny(fields)
          ? tx.update(departments).set(fields).where(mine).returning()
          : Promise.resolve([current!]),
    );
    const row = rows[0]!;
    if (current && row.name !== current.name) {
      const named = tx.select({ id: matterGuides.matterId }).from(matterGuides).where(eq(matterGuides.departmentId, row.id));
      await tx.update(matters).set({ department: row.name }).where(and(inArray(matters.id, named), ne(matters.department, row.name)));
    }
    emit({ type: 'hall:configured', data: { what: 'department', id: row.id } });
    return present(row, await usage(tx, [row.id]));
  });
}

/** The departments given exist, are active and belong to one of the halls given (a reviewer's halls). */
export async function requireDepartments(tx: Reader, departmentIds: readonly string[], hallIds: readonly string[]): Promise<void> {
  const ids = [...new Set(departmentIds)];
  if (!ids.length) return;
  const rows = await tx.select().from(departments).where(inArray(departments.id, ids));
  const ok = rows.length === ids.length && rows.every((d) => d.active && hallIds.includes(d.hallId));
  if (!ok) throw new AppError('validation_failed', 'A department is unknown, disabled, or not in one of the account’s halls', { departmentIds: '部门不存在、已停用或不属于该人员所属大厅' });
}

/** Replaces the departments a staff account works for. */
export async function setStaffDepartments(tx: Tx, staffId: string, departmentIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(departmentIds)];
  await tx.delete(staffDepartments).where(eq(staffDepartments.staffId, staffId));
  if (ids.length) await tx.insert(staffDepartments).values(ids.map((departmentId) => ({ staffId, departmentId })));
  return ids;
}
