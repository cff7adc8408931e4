/**
 * Which actions are valid now. Mirrors the server's ticket and counter machines so buttons are
 * disabled instead of answering with an error; the server still has the final word.
 */
import type { CounterStatus, TicketView } from '../../../server/protocol/views';
import type { ActionId, ToolAction } from './shortcuts';

/** The calling flow's actions (the staff tools open dialogs and are always there). */
export type DeskActionId = Exclude<ActionId, ToolAction>;

export interface ActionContext {
  online: boolean;
  /** A command is in flight: nothing else is sent until it is answered. */
  busy: boolean;
  counterStatus: CounterStatus | null;
  current: TicketView | null;
  waitingCount: number;
  selectedWaiting: TicketView | null;
  /** The parked ticket to call back: the selected one, or the only one. */
  parkedTarget: TicketView | null;
  /** The missed ticket to reactivate: the selected one, or the only one. */
  missedTarget: TicketView | null;
}

export type ActionState = Record<DeskActionId, boolean>;

export const ALL_ACTIONS: readonly DeskActionId[] = [
  'call-next',
  'recall',
  'start',
  'finish',
  'no-show',
  'park',
  'transfer',
  'pause-resume',
  'call-selected',
  'call-back',
  'reactivate',
  'release',
];

export function availableActions(ctx: ActionContext): ActionState {
  const none = Object.fromEntries(ALL_ACTIONS.map((a) => [a, false])) as ActionState;
  if (!ctx.online || ctx.busy || ctx.counterStatus === null || ctx.counterStatus === 'closed') return none;
  const open = ctx.counterStatus === 'open';
  const paused = ctx.counterStatus === 'paused';
  const cur = ctx.current;
  const called = cur?.status === 'called';
  const serving = cur?.status === 'serving';
  const free = open && cur === null;
  return {
    'call-next': free && ctx.waitingCount > 0,
    recall: called,
    start: called,
    finish: serving,
    'no-show': called,
    park: called || serving,
    transfer: called || serving,
    // Pause needs an open counter with nothing in hand; resume needs a paused counter.
    'pause-resume': paused || free,
    'call-selected': free && ctx.selectedWaiting !== null,
    'call-back': free && ctx.parkedTarget !== null,
    reactivate: ctx.missedTarget !== null,
    release: (open || paused) && cur === null,
  };
}
