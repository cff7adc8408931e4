/**
 * The acceptance panel's state (办件): the case of the ticket in hand, the guide checklist the
 * counter ticks, and the outcome commands (受理 / 容缺 / 一次性告知 / 不予受理 / 当场办结), continuing a
 * case when the visitor comes back, and the hand-over at the pickup counter. Plain TS: the server
 * decides (missing items, due dates); this only holds what the counter typed and sends it.
 */
import type { CaseAtCounter, CaseView, DeliveryMethod } from '../../../server/protocol/cases';
import type { ErrorBody } from '../../../server/protocol/errors';
import type { CommandResultOf } from '../../../server/protocol/commands';
import type { CommandPayload, CommandSender } from '../../../ui-shared/src/commands';

type CaseCommand = 'case:open' | 'case:find' | 'case:resume' | 'case:intake' | 'case:hand-over';
import { createStore, type Store } from '../../../ui-shared/src/store';
import type { CasePrint } from './case-print';

export type IntakeOutcome = 'accept' | 'tolerate' | 'notice' | 'not_accept' | 'complete';

export interface CaseDeskState {
  /** The ticket the panel is about (the counter's current ticket). */
  ticketId: string | null;
  current: CaseAtCounter | null;
  /** The pickup case of the ticket in hand (统一出件), when the ticket collects a result. */
  pickup: CaseView | null;
  received: string[];
  delivery: DeliveryMethod | null;
  promiseDate: string;
  reason: string;
  query: string;
  found: CaseView[] | null;
  error: ErrorBody | null;
  /** The slip the counter can print for the last outcome. */
  slip: 'receipt' | 'notice' | 'not_accepted' | 'tolerated' | 'completed' | 'collected' | null;
}

export interface CaseDesk {
  state: Store<CaseDeskState>;
  /** A case command in flight (the panel's own sender). */
  busy: Store<string | null>;
  /** The counter's current ticket changed: load the case it belongs to (or clear). */
  follow(ticketId: string | null): Promise<void>;
  open(idNumber?: string): Promise<boolean>;
  setQuery(q: string): void;
  find(): Promise<boolean>;
  resume(caseId: string): Promise<boolean>;
  toggle(materialId: string): void;
  setDelivery(d: DeliveryMethod): void;
  setPromiseDate(d: string): void;
  setReason(r: string): void;
  decide(outcome: IntakeOutcome): Promise<boolean>;
  handOver(idNumber: string): Promise<boolean>;
  clearError(): void;
  /** The outcome's paper on the counter's printer (or the browser fallback), when given one. */
  print: CasePrint | null;
  /** 补打 on the counter's printer; false: there is none, print from the browser. */
  reprint(): Promise<boolean>;
}

const empty = (ticketId: string | null): CaseDeskState => ({
  ticketId,
  current: null,
  pickup: null,
  received: [],
  delivery: null,
  promiseDate: '',
  reason: '',
  query: '',
  found: null,
  error: null,
  slip: null,
});

const SLIP: Record<IntakeOutcome, CaseDeskState['slip']> = { accept: 'receipt', tolerate: 'tolerated', notice: 'notice', not_accept: 'not_accepted', complete: 'completed' };

export function createCaseDesk(deps: { sender: CommandSender; counterId: Store<string | null>; print?: CasePrint }): CaseDesk {
  const state = createStore<CaseDeskState>(empty(null));
  const patch = (p: Partial<CaseDeskState>) => state.set({ ...state.get(), ...p });
  const counterId = () => deps.counterId.get() ?? '';

  function show(c: CaseAtCounter, slip: CaseDeskState['slip'] = null): void {
    patch({ current: c, received: [...c.case.received], delivery: c.case.delivery, found: null, error: null, slip });
  }

  /** A case command at this counter: the counter is filled in here. */
  async function send<E extends CaseCommand>(event: E, payload: Omit<CommandPayload<E>, 'counterId'>): Promise<CommandResultOf<E> | null> {
    const r = await deps.sender.send(event, { counterId: counterId(), ...payload } as CommandPayload<E>);
    if (!r.ok) {
      if (r.error.message !== 'busy') patch({ error: r.error });
      return null;
    }
    return r.data;
  }

  return {
    state,
    busy: deps.sender.busy,
    async follow(ticketId) {
      if (state.get().ticketId === ticketId) return;
      // A case command is in flight: wait for the next render (the panel re-renders when it ends).
      if (ticketId && deps.sender.busy.get() !== null) return;
      state.set(empty(ticketId));
      deps.print?.reset();
      if (!ticketId) return;
      const r = await deps.sender.send('case:find', { counterId: counterId(), ticketId });
      if (!r.ok || state.get().ticketId !== ticketId) return;
      const c = r.data.cases?.[0];
      if (!c) return;
      if (c.status === 'ready' || c.status === 'collected') patch({ pickup: c });
      else if (c.status === 'intake') {
        // Continue what this ticket started: re-open returns the same case with its checklist.
        const opened = await send('case:open', { ticketId });
        if (opened?.caseAtCounter) show(opened.caseAtCounter);
      } else {
        const opened = await send('case:open', { ticketId });
        if (opened?.caseAtCounter) show(opened.caseAtCounter, slipOf(opened.caseAtCounter.case));
      }
    },
    async open(idNumber) {
      const ticketId = state.get().ticketId;
      if (!ticketId) return false;
      const r = await send('case:open', { ticketId, ...(idNumber && { idNumber }) });
      if (r?.caseAtCounter) show(r.caseAtCounter);
      return !!r;
    },
    setQuery: (q) => patch({ query: q }),
    async find() {
      const q = state.get().query.trim().toUpperCase();
      if (!q) return false;
      const r = await send('case:find', /^\d{12}$/.test(q) ? { caseNumber: q } : { idNumber: q });
      if (r) patch({ found: r.cases ?? [], error: null });
      return !!r;
    },
    async resume(caseId) {
      const ticketId = state.get().ticketId;
      if (!ticketId) return false;
      const r = await send('case:resume', { ticketId, caseId });
      if (r?.caseAtCounter) show(r.caseAtCounter);
      return !!r;
    },
    toggle(materialId) {
      const s = state.get();
      if (!s.current || s.current.case.status !== 'intake') return;
      patch({ received: s.received.includes(materialId) ? s.received.filter((x) => x !== materialId) : [...s.received, materialId] });
    },
    setDelivery: (d) => patch({ delivery: d }),
    setPromiseDate: (d) => patch({ promiseDate: d }),
    setReason: (r) => patch({ reason: r }),
    async decide(outcome) {
      const s = state.get();
      if (!s.current) return false;
      const r = await send('case:intake', {
        caseId: s.current.case.id,
        outcome,
        received: s.received,
        ...(s.delivery && { delivery: s.delivery }),
        ...(outcome === 'tolerate' && s.promiseDate && { promiseDate: s.promiseDate }),
        ...(outcome === 'not_accept' && s.reason.trim() && { reason: s.reason.trim() }),
      });
      if (r?.caseAtCounter) {
        show(r.caseAtCounter, SLIP[outcome]);
        deps.print?.follow(r.caseAtCounter.print);
      }
      return !!r;
    },
    async handOver(idNumber) {
      const s = state.get();
      if (!s.pickup) return false;
      const r = await send('case:hand-over', { caseId: s.pickup.id, idNumber: idNumber.trim().toUpperCase() });
      if (r?.case) patch({ pickup: r.case, error: null, slip: 'collected' });
      return !!r;
    },
    clearError: () => patch({ error: null }),
    print: deps.print ?? null,
    async reprint() {
      const c = state.get().current?.case;
      if (!c || !deps.print) return false;
      return deps.print.reprint(counterId(), c.id);
    },
  };
}

function slipOf(c: CaseView): CaseDeskState['slip'] {
  if (c.status === 'notice') return 'notice';
  if (c.status === 'not_accepted') return 'not_accepted';
  if (c.onTheSpot) return 'completed';
  if (c.tolerated) return 'tolerated';
  return c.acceptedAt ? 'receipt' : null;
}
