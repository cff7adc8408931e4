/** 办事指南: read a matter's guide (public guide page, the counter's checklist). */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { halls, matters, zones } from '../../../db/schema';
import { departments, matterGuides } from '../../../db/schema-cases';
import type { MatterGuideView } from '../../protocol/cases';
import { AppError } from '../app-error';

type Reader = Db | Tx;

const guideColumns = { g: matterGuides, m: matters, d: departments, zoneName: zones.name, hallName: halls.name };

type GuideRow = { g: typeof matterGuides.$inferSelect; m: typeof matters.$inferSelect; d: typeof departments.$inferSelect; zoneName: string; hallName: string };

/** A matter opens a case when it has a guide and a promised limit (consultation, pickup and help desks do not). */
export function opensCase(m: { promisedLimitDays: number | null }): boolean {
  return m.promisedLimitDays !== null;
}

function presentGuide(r: GuideRow): MatterGuideView {
  return {
    matterId: r.m.id,
    hallId: r.m.hallId,
    hallName: r.hallName,
    matterCode: r.m.code,
    matterName: r.m.name,
    zoneName: r.zoneName,
    departmentId: r.d.id,
    departmentName: r.d.name,
    contact: r.d.contact,
    materials: r.g.materials,
    conditions: r.g.conditions,
    legalLimitDays: r.m.legalLimitDays,
    promisedLimitDays: r.m.promisedLimitDays,
    onTheSpot: r.m.flags.onTheSpot,
    fee: r.g.fee,
    resultName: r.g.resultName,
    deliveryMethods: r.g.deliveryMethods,
    basis: r.g.basis,
    noticeDays: r.g.noticeDays,
    opensCase: opensCase(r.m),
  };
}

function guideQuery(reader: Reader) {
  return reader
    .select(guideColumns)
    .from(matterGuides)
    .innerJoin(matters, eq(matters.id, matterGuides.matterId))
    .innerJoin(departments, eq(departments.id, matterGuides.departmentId))
    .innerJoin(zones, eq(zones.id, matters.zoneId))
    .innerJoin(halls, eq(halls.id, matters.hallId));
}

/** The guide of a matter, or null when it has none. */
export async function findGuide(reader: Reader, matterId: string): Promise<MatterGuideView | null> {
  const [row] = await guideQuery(reader).where(eq(matterGuides.matterId, matterId));
  return row ? presentGuide(row) : null;
}

/** Public: only active matters. */
export async function publicGuide(reader: Reader, matterId: string): Promise<MatterGuideView> {
  const [row] = await guideQuery(reader).where(and(eq(matterGuides.matterId, matterId), eq(matters.active, true)));
  if (!row) throw new AppError('not_found', 'No guide for this matter');
  return presentGuide(row);
}

export async function hallGuides(reader: Reader, hallId: string): Promise<MatterGuideView[]> {
  const rows = await guideQuery(reader).where(and(eq(matters.hallId, hallId), eq(matters.active, true))).orderBy(zones.sortOrder, matters.code);
  return rows.map(presentGuide);
}
