/**
 * The whole workstation as plain TypeScript: session → halls → live link → counter → desk.
 * Components only render what is here and call its verbs. Every dependency that touches the
 * browser (storage, fetch, socket) is passed in, so the flow runs in Node tests with fakes.
 */
import { createApiClient } from '../../../ui-shared/src/api-client';
import type { ErrorBody } from '../../../server/protocol/errors';
import type { CounterView, HallSnapshot, HallView } from '../../../server/protocol/views';
import type { CommandSender } from '../../../ui-shared/src/commands';
import { createCaseDesk, type CaseDesk } from './case-desk';
import { createCasePrint } from './case-print';
import { createStore, type Store } from '../../../ui-shared/src/store';
import { createCounterDesk, type CounterDesk } from './counter-desk';
import { createStaffTools, type StaffTools } from './staff-tools';
import { findCounter, heldBy } from './counter-selectors';
import { createHallLink, type Badge, type HallLink, type LinkConnection } from './hall-link';
import { createServerClock, createTicker, type ServerClock, type Ticker } from './server-clock';
import { createSessionStore, type RequestFn, type SessionStore, type StorageLike } from './session-store';

export type Screen = 'sign-in' | 'loading' | 'pick-hall' | 'pick-counter' | 'desk';
export type AppNotice = { kind: 'error'; error: ErrorBody } | { kind: 'info'; key: 'info.counterLost' | 'info.released' };

export const HALL_KEY = 'yc-counter:hall';
export const COUNTER_KEY = 'yc-counter:counter';
export const LAST_COUNTER_KEY = 'yc-counter:last-counter';

export interface CounterAppDeps {
  /** Per tab (sessionStorage): token, chosen hall and counter. */
  storage: StorageLike;
  /** Per device (localStorage): the counter this PC last served. */
  device: StorageLike;
  request: RequestFn;
  connect(token: string): LinkConnection;
  browserOnline?: Store<boolean>;
  clock?: ServerClock;
  ticker?: Ticker;
}

export interface CounterApp {
  session: SessionStore;
  screen: Store<Screen>;
  halls: Store<HallView[] | null>;
  hallsError: Store<ErrorBody | null>;
  hallId: Store<string | null>;
  snapshot: Store<HallSnapshot | null>;
  badge: Store<Badge>;
  online: Store<boolean>;
  counterId: Store<string | null>;
  lastCounterId(): string | null;
  notice: Store<AppNotice | null>;
  clock: ServerClock;
  ticker: Ticker;
  desk: CounterDesk;
  /** The acceptance panel (办件) of the ticket in hand. */
  cases: CaseDesk;
  /** 代取号, 补打, 今日预约 (staff-tools.ts). */
  tools: StaffTools;
  /** The busy store of the command sender in use (a command in flight). */
  busy: Store<string | null>;
  counter(): CounterView | null;
  chooseHall(hallId: string): void;
  reloadHalls(): Promise<void>;
  takeCounter(counterId: string): Promise<boolean>;
  /**
   * The fix an error offers (errorAction): release the counter the staff member still holds, then
   * take the one they asked for. False when either step fails (the notice then says why).
   */
  releaseAndTake(release: string, take: string): Promise<boolean>;
  signOut(): Promise<void>;
  dispose(): void;
}

const offlineAck = { ok: false as const, error: { code: 'internal_error' as const, message: 'offline' } };

export function createCounterApp(deps: CounterAppDeps): CounterApp {
  const session = createSessionStore({ storage: deps.storage, request: deps.request });
  const clock = deps.clock ?? createServerClock();
  const ticker = deps.ticker ?? createTicker(clock);
  const screen = createStore<Screen>('sign-in');
  const halls = createStore<HallView[] | null>(null);
  const hallsError = createStore<ErrorBody | null>(null);
  const hallId = createStore<string | null>(deps.storage.getItem(HALL_KEY));
  const snapshot = createStore<HallSnapshot | null>(null);
  const badge = createStore<Badge>('connecting');
  const online = createStore(false);
  const busy = createStore<string | null>(null);
  const counterId = createStore<string | null>(deps.storage.getItem(COUNTER_KEY));
  const notice = createStore<AppNotice | null>(null);
  let link: HallLink | null = null;
  let linkUnsubs: Array<() => void> = [];

  // One sender for the desk that follows whichever link is current.
  const sender: CommandSender = {
    busy,
    send: (event, payload) => (link ? link.sender.send(event, payload) : Promise.resolve(offlineAck)),
  };

  // The acceptance panel's own sender (its own in-flight guard) on the same link.
  const caseBusy = createStore<string | null>(null);
  const caseSender: CommandSender = {
    busy: caseBusy,
    send: (event, payload) => (link ? link.caseSender.send(event, payload) : Promise.resolve(offlineAck)),
  };

  const setCounter = (id: string | null) => {
    if (id) deps.storage.setItem(COUNTER_KEY, id);
    else deps.storage.removeItem(COUNTER_KEY);
    counterId.set(id);
  };

  const desk = createCounterDesk({
    snapshot,
    counterId,
    sender,
    online,
    now: () => clock.now(),
    onReleased() {
      setCounter(null);
      notice.set({ kind: 'info', key: 'info.released' });
    },
  });

  const me = () => session.session.get()?.staff.id ?? '';
  const counter = () => findCounter(snapshot.get(), counterId.get());

  function closeLink() {
    for (const u of linkUnsubs) u();
    linkUnsubs = [];
    link?.dispose();
    link = null;
    snapshot.set(null);
    busy.set(null);
    online.set(false);
    badge.set('connecting');
  }

  function openLink(token: string, id: string) {
    closeLink();
    const l = createHallLink({
      connection: deps.connect(token),
      hallId: id,
      clock,
      ...(deps.browserOnline && { browserOnline: deps.browserOnline }),
      onUnauthorised: () => session.expire(),
    });
    link = l;
    const mirror = <T>(from: Store<T>, to: Store<T>) => {
      to.set(from.get());
      linkUnsubs.push(from.subscribe((v) => to.set(v)));
    };
    mirror(l.sender.busy, busy);
    mirror(l.caseSender.busy, caseBusy);
    mirror(l.badge, badge);
    mirror(l.online, online);
    mirror(l.sync.state, snapshot);
    linkUnsubs.push(l.sync.state.subscribe(() => ticker.refresh()));
  }

  /** After a live snapshot: is the remembered counter still ours? (A manager may have closed it.) */
  function checkCounter() {
    const id = counterId.get();
    const snap = snapshot.get();
    if (!id || !snap || link?.sync.status.get() !== 'live') return;
    const c = findCounter(snap, id);
    if (heldBy(c, me())) return;
    setCounter(null);
    notice.set({ kind: 'info', key: 'info.counterLost' });
  }

  function recomputeScreen() {
    if (!session.session.get()) return screen.set('sign-in');
    const list = halls.get();
    if (list === null) return screen.set('loading');
    if (!hallId.get()) return screen.set('pick-hall');
    if (!snapshot.get()) return screen.set('loading');
    screen.set(heldBy(counter(), me()) ? 'desk' : 'pick-counter');
  }

  function chooseHall(id: string) {
    const s = session.session.get();
    if (!s) return;
    deps.storage.setItem(HALL_KEY, id);
    hallId.set(id);
    openLink(s.token, id);
    recomputeScreen();
  }

  async function reloadHalls() {
    const s = session.session.get();
    if (!s) return;
    hallsError.set(null);
    const r = await createApiClient(deps.request, () => s.token).call('listHalls');
    if (session.session.get() !== s) return;
    if (!r.ok) {
      if (r.error.code === 'unauthenticated') return session.expire();
      hallsError.set(r.error);
      return;
    }
    halls.set(r.data);
    const remembered = hallId.get();
    const pick = r.data.find((h) => h.id === remembered) ?? (r.data.length === 1 ? r.data[0] : undefined);
    if (pick) chooseHall(pick.id);
    else {
      hallId.set(null);
      recomputeScreen();
    }
  }

  function onSession() {
    const s = session.session.get();
    if (s) {
      ticker.start();
      void reloadHalls();
    } else {
      closeLink();
      ticker.stop();
      halls.set(null);
      hallId.set(null);
      deps.storage.removeItem(HALL_KEY);
      setCounter(null);
    }
    recomputeScreen();
  }

  const unsubs = [
    session.session.subscribe(onSession),
    halls.subscribe(recomputeScreen),
    snapshot.subscribe(() => {
      checkCounter();
      recomputeScreen();
    }),
    counterId.subscribe(recomputeScreen),
  ];
  onSession();

  return {
    session,
    screen,
    halls,
    hallsError,
    hallId,
    snapshot,
    badge,
    online,
    counterId,
    lastCounterId: () => deps.device.getItem(LAST_COUNTER_KEY),
    notice,
    clock,
    ticker,
    desk,
    cases: createCaseDesk({
      sender: caseSender,
      counterId,
      print: createCasePrint({
        sender: caseSender,
        printJob: (printJobId) => createApiClient(deps.request, () => session.session.get()?.token).call('getPrintJob', { params: { printJobId } }),
      }),
    }),
    tools: createStaffTools({
      request: deps.request,
      token: () => session.session.get()?.token ?? null,
      hallId: () => hallId.get(),
      serviceDate: () => snapshot.get()?.serviceDate ?? null,
    }),
    busy,
    counter,
    chooseHall,
    reloadHalls,
    async takeCounter(id) {
      if (busy.get() !== null) return false;
      notice.set(null);
      const r = await sender.send('counter:take', { counterId: id });
      if (!r.ok) {
        if (r.error.message !== 'busy') notice.set({ kind: 'error', error: r.error });
        return false;
      }
      deps.device.setItem(LAST_COUNTER_KEY, id);
      desk.selection.set(null);
      desk.notice.set(null);
      setCounter(id);
      return true;
    },
    async releaseAndTake(release, take) {
      if (busy.get() !== null) return false;
      notice.set(null);
      const r = await sender.send('counter:release', { counterId: release });
      if (!r.ok && r.error.code !== 'counter_not_open') {
        if (r.error.message !== 'busy') notice.set({ kind: 'error', error: r.error });
        return false;
      }
      return this.takeCounter(take);
    },
    async signOut() {
      // Leave the counter closed behind us; with a visitor still in hand, stay signed in.
      if (online.get() && heldBy(counter(), me())) {
        const r = await sender.send('counter:release', { counterId: counterId.get()! });
        if (!r.ok && r.error.code !== 'counter_not_open') {
          if (r.error.message !== 'busy') desk.notice.set({ kind: 'error', error: r.error });
          return;
        }
      }
      notice.set(null);
      await session.signOut();
    },
    dispose() {
      for (const u of unsubs) u();
      closeLink();
      ticker.stop();
    },
  };
}
