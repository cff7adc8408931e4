/**
 * The workstation of one held counter: what it sees (derived from the hall snapshot) and what it
 * can do. Commands go through the shared sender (fresh commandId, in-flight guard); an action that
 * is not valid in the current state is never sent.
 */
import type { ErrorBody } from '../../../server/protocol/errors';
import type { CommandEvent } from '../../../server/protocol/commands';
import type { CounterView, HallSnapshot, TicketView } from '../../../server/protocol/views';
import type { CommandPayload, CommandSender } from '../../../ui-shared/src/commands';
import { createStore, type Store } from '../../../ui-shared/src/store';
import { decideNoShow, type ArmedNoShow } from './no-show-guard';
import { availableActions, type ActionState, type DeskActionId } from './available-actions';
import { currentTicket, findCounter, missedTickets, parkedTickets, waitingForCounter } from './counter-selectors';
import { shortcutLabel, type ActionId } from './shortcuts';

export type ListKind = 'waiting' | 'parked' | 'missed';
export type Selection = { list: ListKind; ticketId: string } | null;
export type DialogKind = 'transfer' | 'pause' | 'release' | null;
export type InfoKey = 'info.finished' | 'info.noShow' | 'info.noShowConfirm' | 'info.parked' | 'info.transferred' | 'info.transferredToCounter' | 'info.transferredToMatter' | 'info.reactivated';
export type Notice = { kind: 'error'; error: ErrorBody } | { kind: 'info'; key: InfoKey; number: string; params?: Record<string, string | number> };

export interface DeskView {
  counter: CounterView | null;
  current: TicketView | null;
  waiting: TicketView[];
  parked: TicketView[];
  missed: TicketView[];
  selection: Selection;
  selectedWaiting: TicketView | null;
  parkedTarget: TicketView | null;
  missedTarget: TicketView | null;
  actions: ActionState;
  /** What F8 does now. */
  pauseMode: 'pause' | 'resume';
}

export interface TransferInput {
  toMatterId: string | null;
  toCounterId: string | null;
  reason: string;
}

export interface CounterDesk {
  selection: Store<Selection>;
  notice: Store<Notice | null>;
  dialog: Store<DialogKind>;
  view(): DeskView;
  select(list: ListKind, ticketId: string): void;
  trigger(action: ActionId): Promise<void>;
  transfer(input: TransferInput): Promise<boolean>;
  pause(reason: string): Promise<boolean>;
  release(): Promise<boolean>;
  closeDialog(): void;
  dismissNotice(): void;
}

export interface DeskDeps {
  snapshot: Store<HallSnapshot | null>;
  counterId: Store<string | null>;
  sender: CommandSender;
  online: Store<boolean>;
  onReleased(): void;
  /** Server-aligned now (ms) for the early-no-show guard; Date.now by default. */
  now?: () => number;
}

const pick = (list: TicketView[], sel: Selection, kind: ListKind, single: boolean) => {
  if (sel?.list === kind) {
    const hit = list.find((t) => t.id === sel.ticketId);
    if (hit) return hit;
  }
  return single && list.length === 1 ? list[0]! : null;
};

/** "C003 已转至 5 号窗口" / "…已转至「社保登记」的等候队列": the toast says where the ticket went. */
export function transferNotice(snap: HallSnapshot | null, number: string, to: { toCounterId?: string | null; toMatterId?: string | null }): Notice & { kind: 'info' } {
  const counter = to.toCounterId ? snap?.counters.find((c) => c.id === to.toCounterId) : undefined;
  if (counter) return { kind: 'info', key: 'info.transferredToCounter', number, params: { counter: counter.number } };
  const matter = to.toMatterId ? snap?.matters.find((m) => m.id === to.toMatterId) : undefined;
  if (matter) return { kind: 'info', key: 'info.transferredToMatter', number, params: { matter: matter.name } };
  return { kind: 'info', key: 'info.transferred', number };
}

export function createCounterDesk(deps: DeskDeps): CounterDesk {
  const selection = createStore<Selection>(null);
  const notice = createStore<Notice | null>(null);
  const dialog = createStore<DialogKind>(null);
  const now = deps.now ?? Date.now;
  let armedNoShow: ArmedNoShow | null = null;

  function view(): DeskView {
    const snap = deps.snapshot.get();
    const counterId = deps.counterId.get();
    const counter = findCounter(snap, counterId);
    const current = currentTicket(snap, counterId);
    const waiting = waitingForCounter(snap, counter);
    const parked = parkedTickets(snap, counterId);
    const missed = missedTickets(snap, counterId);
    const sel = selection.get();
    const selectedWaiting = pick(waiting, sel, 'waiting', false);
    const parkedTarget = pick(parked, sel, 'parked', true);
    const missedTarget = pick(missed, sel, 'missed', true);
    const actions = availableActions({
      online: deps.online.get(),
      busy: deps.sender.busy.get() !== null,
      counterStatus: counter?.status ?? null,
      current,
      waitingCount: waiting.length,
      selectedWaiting,
      parkedTarget,
      missedTarget,
    });
    const pauseMode = counter?.status === 'paused' ? 'resume' : 'pause';
    return { counter, current, waiting, parked, missed, selection: sel, selectedWaiting, parkedTarget, missedTarget, actions, pauseMode };
  }

  async function send<E extends CommandEvent>(event: E, payload: CommandPayload<E>, info?: { key: InfoKey; number: string }) {
    if (deps.sender.busy.get() !== null) return false; // a command is in flight: drop this one
    notice.set(null);
    const r = await deps.sender.send(event, payload);
    if (!r.ok) {
      if (r.error.message !== 'busy') notice.set({ kind: 'error', error: r.error });
      return false;
    }
    if (info) notice.set({ kind: 'info', ...info });
    return true;
  }

  async function trigger(action: ActionId): Promise<void> {
    const v = view();
    if (!(action in v.actions) || !v.actions[action as DeskActionId] || dialog.get() !== null) return;
    const counterId = v.counter!.id;
    const cur = v.current;
    const at = (ticket: TicketView) => ({ counterId, ticketId: ticket.id });
    switch (action) {
      case 'call-next':
        return void (await send('ticket:call-next', { counterId }));
      case 'call-selected':
        return void (await send('ticket:call', at(v.selectedWaiting!)));
      case 'recall':
        return void (await send('ticket:recall', at(cur!)));
      case 'start':
        return void (await send('ticket:start', at(cur!)));
      case 'finish':
        return void (await send('ticket:finish', at(cur!), { key: 'info.finished', number: cur!.number }));
      case 'no-show': {
        const decision = decideNoShow(cur!, now(), armedNoShow);
        if (decision.kind === 'ask') {
          armedNoShow = decision.armed;
          notice.set({ kind: 'info', key: 'info.noShowConfirm', number: cur!.number, params: { seconds: decision.secondsSinceCall, key: shortcutLabel('no-show') } });
          return;
        }
        armedNoShow = null;
        return void (await send('ticket:no-show', at(cur!), { key: 'info.noShow', number: cur!.number }));
      }
      case 'park':
        return void (await send('ticket:park', at(cur!), { key: 'info.parked', number: cur!.number }));
      case 'call-back':
        return void (await send('ticket:call-back', at(v.parkedTarget!)));
      case 'reactivate':
        return void (await send('ticket:reactivate', { ticketId: v.missedTarget!.id }, { key: 'info.reactivated', number: v.missedTarget!.number }));
      case 'pause-resume':
        if (v.pauseMode === 'resume') return void (await send('counter:resume', { counterId }));
        return dialog.set('pause');
      case 'transfer':
        return dialog.set('transfer');
      case 'release':
        return dialog.set('release');
    }
  }

  return {
    selection,
    notice,
    dialog,
    view,
    select(list, ticketId) {
      const sel = selection.get();
      selection.set(sel?.list === list && sel.ticketId === ticketId ? null : { list, ticketId });
    },
    trigger,
    async transfer(input) {
      const v = view();
      if (!v.actions.transfer) return false;
      const ticket = v.current!;
      const ok = await send(
        'ticket:transfer',
        {
          ticketId: ticket.id,
          counterId: v.counter!.id,
          reason: input.reason.trim(),
          ...(input.toMatterId && { toMatterId: input.toMatterId }),
          ...(input.toCounterId && { toCounterId: input.toCounterId }),
        },
        transferNotice(deps.snapshot.get(), ticket.number, input),
      );
      if (ok) dialog.set(null);
      return ok;
    },
    async pause(reason) {
      const v = view();
      if (!v.actions['pause-resume'] || v.pauseMode !== 'pause') return false;
      const ok = await send('counter:pause', { counterId: v.counter!.id, reason });
      if (ok) dialog.set(null);
      return ok;
    },
    async release() {
      const v = view();
      if (!v.actions.release) return false;
      const ok = await send('counter:release', { counterId: v.counter!.id });
      dialog.set(null);
      if (ok) deps.onReleased();
      return ok;
    },
    closeDialog() {
      dialog.set(null);
      if (notice.get()?.kind === 'error') notice.set(null);
    },
    dismissNotice: () => notice.set(null),
  };
}
