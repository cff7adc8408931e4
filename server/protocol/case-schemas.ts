/** Input schemas of the case commands and requests (parsed at the boundary). */
import { z } from 'zod';

const id = z.string().uuid();
const commandId = z.string().trim().min(8).max(100);
const reason = z.string().trim().min(1).max(200);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const materialIds = z.array(z.string().trim().min(1).max(40)).max(60);
/** 12 digits: YYYYMMDD + 4-digit sequence. */
export const caseNumber = z.string().trim().regex(/^\d{12}$/, 'a 12-digit case number');

export const caseOpen = z.object({ commandId, counterId: id, ticketId: id, idNumber: z.string().trim().max(32).optional() }).strict();
/** By case number, identity number, or the ticket in hand (the case it opened, continues or collects). */
export const caseFind = z
  // commandId is allowed (the workstation's sender adds one to everything) and ignored: a read.
  .object({ commandId: commandId.optional(), counterId: id, caseNumber: caseNumber.optional(), idNumber: z.string().trim().max(32).optional(), ticketId: id.optional() })
  .strict()
  .refine((v) => v.caseNumber !== undefined || v.idNumber !== undefined || v.ticketId !== undefined, { message: 'caseNumber, idNumber or ticketId is required', path: ['caseNumber'] });
/** Print the case's paper (notice, refusal or receipt, as its state says) again on the counter's printer. */
export const casePrint = z.object({ commandId, counterId: id, caseId: id }).strict();
/** The visitor came back with the materials: continue the same case on the current ticket. */
export const caseResume = z.object({ commandId, counterId: id, ticketId: id, caseId: id }).strict();

export const caseIntake = z
  .object({
    commandId,
    counterId: id,
    caseId: id,
    outcome: z.enum(['accept', 'tolerate', 'notice', 'not_accept', 'complete']),
    received: materialIds,
    defects: z.array(z.object({ materialId: z.string().trim().min(1).max(40), problem: z.string().trim().min(1).max(100) }).strict()).max(60).default([]),
    delivery: z.enum(['pickup', 'post', 'electronic']).optional(),
    promiseDate: date.optional(),
    reason: reason.optional(),
  })
  .strict();

export const caseReviewAction = z.enum([
  'start_review',
  'request_supplement',
  'supplied',
  'approve',
  'refuse',
  'produce',
  'ready',
  'post',
  'deliver',
  'issue_electronic',
  'withdraw',
  'fulfil_promise',
]);
export const caseReview = z
  .object({ commandId, action: caseReviewAction, reason: reason.optional(), trackingNumber: z.string().trim().min(4).max(40).regex(/^[A-Za-z0-9-]+$/, 'letters, digits, -').optional() })
  .strict();

export const caseHandOver = z.object({ commandId, counterId: id, caseId: id, idNumber: z.string().trim().max(32) }).strict();

export const pickupTicket = z
  .object({ commandId, caseNumber: caseNumber.optional(), idNumber: z.string().trim().max(32).optional(), language: z.enum(['zh-CN', 'en']).optional() })
  .strict()
  .refine((v) => v.caseNumber !== undefined || v.idNumber !== undefined, { message: 'caseNumber or idNumber is required', path: ['caseNumber'] });

export const caseListQuery = z
  .object({ status: z.enum(['open', 'all', 'at_counter', 'back_office', 'ready', 'alerts']).default('open'), q: z.string().trim().max(32).optional() })
  .strict();

export const caseReportQuery = z.object({ from: date, to: date, by: z.enum(['hall', 'matter', 'department', 'counter']).default('matter') }).strict();

export type CaseIntakeInput = z.output<typeof caseIntake>;
export type CaseReviewInput = z.output<typeof caseReview>;
