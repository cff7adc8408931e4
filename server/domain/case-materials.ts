/**
 * The materials checklist of a matter's guide (办事指南) against what the counter received. Pure.
 * A notice (一次性告知) names every missing required item and every defective one, in the guide's
 * wording, at once; 容缺 is possible only when every missing required item is marked tolerable.
 */
import type { GuideMaterialView, MaterialForm } from '../protocol/cases';

export type { MaterialForm };
export type GuideMaterial = GuideMaterialView;

export interface MaterialDefect {
  materialId: string;
  /** What is wrong with it (已过期、缺少签章 …). */
  problem: string;
}

export interface MaterialCheck {
  /** Ids not in the guide (refused at the boundary). */
  unknownIds: string[];
  /** Required items not received, or received with a defect. */
  missingRequired: GuideMaterial[];
  /** Every missing required item may be supplied later (容缺). */
  allTolerable: boolean;
}

const FORM_ZH: Record<MaterialForm, string> = { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' };

export function checkMaterials(guide: readonly GuideMaterial[], receivedIds: readonly string[], defects: readonly MaterialDefect[] = []): MaterialCheck {
  const known = new Set(guide.map((m) => m.id));
  const unknownIds = [...new Set([...receivedIds, ...defects.map((d) => d.materialId)])].filter((id) => !known.has(id));
  const received = new Set(receivedIds);
  const defective = new Set(defects.map((d) => d.materialId));
  const missingRequired = guide.filter((m) => m.required && (!received.has(m.id) || defective.has(m.id)));
  return { unknownIds, missingRequired, allTolerable: missingRequired.every((m) => m.tolerable) };
}

/** One line per item in the guide's wording: "公司章程（原件 1 份）", plus the defect when there is one. */
export function materialLine(m: GuideMaterial, problem?: string): string {
  const base = `${m.name}（${FORM_ZH[m.form]} ${m.copies} 份）`;
  return problem ? `${base}：${problem}` : base;
}

export function noticeLines(missing: readonly GuideMaterial[], defects: readonly MaterialDefect[] = []): string[] {
  const problemOf = new Map(defects.map((d) => [d.materialId, d.problem]));
  return missing.map((m) => materialLine(m, problemOf.get(m.id)));
}
