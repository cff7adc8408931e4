/** Departments, 办事指南 and back-office reviewers of the demo hall (called by seedDemo in its transaction). */
import type { Tx } from '../../db/client';
import { staff } from '../../db/schema';
import { departments, matterGuides, staffDepartments } from '../../db/schema-cases';
import { DEMO_DEPARTMENT_CONTACT, DEMO_GUIDES } from './demo-guides';
import { DEMO_REVIEWERS, DEMO_ZONES } from './demo-hall-data';

export async function seedDemoGuides(tx: Tx, hallId: string, matterIds: Map<string, string>, passwordHash: string): Promise<void> {
  const names = [...new Set(DEMO_ZONES.flatMap((z) => z.matters.map((m) => m.department)))];
  const rows = await tx
    .insert(departments)
    .values(names.map((name) => ({ hallId, name, contact: DEMO_DEPARTMENT_CONTACT })))
    .returning();
  const departmentId = new Map(rows.map((r) => [r.name, r.id]));
  const guides = DEMO_ZONES.flatMap((z) => z.matters).map((m) => {
    const g = DEMO_GUIDES[m.name];
    if (!g) throw new Error(`demo matter ${m.name} has no guide`);
    return {
      matterId: matterIds.get(m.name)!,
      departmentId: departmentId.get(m.department)!,
      materials: g.materials.map(([name, form, copies, required, tolerable, note], i) => ({ id: `m${i + 1}`, name, form, copies, required, tolerable, note })),
      conditions: g.conditions,
      fee: g.fee,
      resultName: g.result,
      deliveryMethods: g.delivery,
      basis: g.basis,
    };
  });
  await tx.insert(matterGuides).values(guides);
  for (const r of DEMO_REVIEWERS) {
    const [row] = await tx.insert(staff).values({ username: r.username, displayName: r.displayName, role: 'reviewer', passwordHash, hallIds: [hallId] }).returning();
    await tx.insert(staffDepartments).values(r.departments.map((d) => ({ staffId: row!.id, departmentId: departmentId.get(d)! })));
  }
}
