/**
 * The guide fields of a matter (办事指南) as the admin console saves them: department, fee, result,
 * delivery, conditions, legal basis. The guide's materials checklist takes its item names from the
 * matter's materials list (its one home); an item whose name stays keeps what the guide says about
 * it (original or copy, copies, 容缺), a new name becomes a required original, one copy.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { matters } from '../../../db/schema';
import { departments, matterGuides } from '../../../db/schema-cases';
import type { GuideMaterialView, MatterGuideView } from '../../protocol/cases';
import type { MatterGuideInput } from '../../protocol/departments';
import { authorize, type Actor } from '../actor';
import { AppError } from '../app-error';
import { findGuide } from '../cases/matter-guide';
import type { AppDeps } from '../deps';
import { runCommand } from '../run-command';

/** The checklist for `names`, keeping the entries (and ids) of names already in it. Pure. */
export function materialsFor(names: readonly string[], current: readonly GuideMaterialView[]): GuideMaterialView[] {
  const byName = new Map(current.map((m) => [m.name, m]));
  const used = new Set(current.map((m) => m.id));
  let next = 1;
  const freshId = () => {
    while (used.has(`m${next}`)) next++;
    used.add(`m${next}`);
    return `m${next}`;
  };
  return [...new Set(names)].map((name) => byName.get(name) ?? { id: freshId(), name, form: 'original', copies: 1, required: true, tolerable: false, note: null });
}

/** After a matter's materials list changed: its guide's checklist follows (a matter without a guide has none). */
export async function syncGuideMaterials(tx: Tx, matterId: string, names: readonly string[]): Promise<void> {
  const [guide] = await tx.select().from(matterGuides).where(eq(matterGuides.matterId, matterId));
  if (guide) await tx.update(matterGuides).set({ materials: materialsFor(names, guide.materials) }).where(eq(matterGuides.matterId, matterId));
}

/** Writes a matter's guide in the caller's transaction (a matter save, or the guide endpoint). */
export async function writeGuide(tx: Tx, hallId: string, matter: typeof matters.$inferSelect, input: MatterGuideInput): Promise<void> {
  const [dept] = await tx.select().from(departments).where(and(eq(departments.id, input.departmentId), eq(departments.hallId, hallId)));
  if (!dept || !dept.active) throw new AppError('validation_failed', 'The department is unknown, disabled or of another hall', { 'guide.departmentId': '部门不存在、已停用或不属于本大厅' });
  const [current] = await tx.select().from(matterGuides).where(eq(matterGuides.matterId, matter.id));
  const values = { ...input, deliveryMethods: [...new Set(input.deliveryMethods)], materials: materialsFor(matter.materials, current?.materials ?? []) };
  if (current) await tx.update(matterGuides).set(values).where(eq(matterGuides.matterId, matter.id));
  else await tx.insert(matterGuides).values({ matterId: matter.id, ...values });
  // The matter's department name is the guide department's (one name shown everywhere).
  if (matter.department !== dept.name) await tx.update(matters).set({ department: dept.name }).where(eq(matters.id, matter.id));
}

export async function saveMatterGuide(deps: AppDeps, actor: Actor, hallId: string, matterId: string, input: MatterGuideInput): Promise<MatterGuideView> {
  authorize(actor, 'guide:save', { hallId });
  await runCommand(deps, { name: 'guide:save', hallId, actor }, async ({ tx, emit }) => {
    const [matter] = await tx.select().from(matters).where(and(eq(matters.id, matterId), eq(matters.hallId, hallId))).for('update');
    if (!matter) throw new AppError('not_found', 'Matter not found');
    await writeGuide(tx, hallId, matter, input);
    emit({ type: 'hall:configured', data: { what: 'matter', id: matterId } });
  });
  return (await findGuide(deps.db, matterId))!;
}

/** Every matter's guide in a hall, disabled matters included (the console edits those too). */
export async function listMatterGuides(deps: AppDeps, actor: Actor, hallId: string): Promise<MatterGuideView[]> {
  authorize(actor, 'guide:list', { hallId });
  const rows = await deps.db.select({ id: matters.id }).from(matters).innerJoin(matterGuides, eq(matterGuides.matterId, matters.id)).where(eq(matters.hallId, hallId));
  const guides = await Promise.all(rows.map((r) => findGuide(deps.db, r.id)));
  return guides.filter((g): g is MatterGuideView => g !== null);
}
