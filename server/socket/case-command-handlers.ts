/** The counter's case commands (办件): open, find, continue, the intake outcome, hand-over at pickup. */
import { decideIntake } from '../app/cases/intake-outcome';
import { findCases, openCase, resumeCase } from '../app/cases/open-case';
import { handOver } from '../app/cases/pickup';
import * as cs from '../protocol/case-schemas';
import { handler } from './handler';

export const caseCommandHandlers = {
  'case:open': handler(cs.caseOpen, async (deps, actor, input) => ({ caseAtCounter: await openCase(deps, actor, input) })),
  'case:find': handler(cs.caseFind, async (deps, actor, input) => ({ cases: await findCases(deps, actor, input) })),
  'case:resume': handler(cs.caseResume, async (deps, actor, input) => ({ caseAtCounter: await resumeCase(deps, actor, input) })),
  'case:intake': handler(cs.caseIntake, async (deps, actor, input) => ({ caseAtCounter: await decideIntake(deps, actor, input) })),
  'case:hand-over': handler(cs.caseHandOver, async (deps, actor, input) => ({ case: await handOver(deps, actor, input) })),
};
