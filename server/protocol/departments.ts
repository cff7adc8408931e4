/**
 * Back-office departments (后台审批部门) of a hall and the guide fields of a matter (办事指南) as the
 * admin console edits them. Shared by the server's endpoints and the console's forms.
 */
import { z } from 'zod';

const id = z.string().uuid();

const departmentFields = {
  name: z.string().trim().min(1).max(100),
  /** Enquiry phone printed on notices (咨询电话); null = none. */
  contact: z.string().trim().min(1).max(40).regex(/^[0-9 ()+-]+$/, 'digits, spaces and - ( ) + only').nullable(),
  active: z.boolean(),
};
export const departmentCreate = z.object({ name: departmentFields.name, contact: departmentFields.contact.default(null) }).strict();
export const departmentUpdate = z.object(departmentFields).partial().strict();

export interface DepartmentView {
  id: string;
  hallId: string;
  name: string;
  contact: string | null;
  active: boolean;
  /** Matters whose guide names this department. */
  matterCount: number;
  /** Reviewer accounts that work for it. */
  reviewerCount: number;
}

export const deliveryMethodSchema = z.enum(['pickup', 'post', 'electronic']);

/**
 * PUT /api/halls/:hallId/matters/:matterId/guide — the guide fields the console edits. The guide's
 * materials checklist takes its item names from the matter's materials (one home for the list);
 * what else the guide says about an item (original or copy, 容缺) is kept for names that stay.
 */
export const matterGuideInput = z
  .object({
    departmentId: id,
    /** 收费情况, e.g. 不收费 */
    fee: z.string().trim().min(1).max(200),
    /** 审批结果, e.g. 营业执照 */
    resultName: z.string().trim().min(1).max(100),
    deliveryMethods: z.array(deliveryMethodSchema).min(1).max(3),
    /** 受理条件 */
    conditions: z.string().trim().max(2000).default(''),
    /** 法律依据 */
    basis: z.string().trim().max(2000).default(''),
    noticeDays: z.number().int().min(1).max(60).default(10),
  })
  .strict();
export type MatterGuideInput = z.output<typeof matterGuideInput>;
