/**
 * The kiosk state machine, plain TypeScript (no Lit), tested in Node with a fake API and timers:
 *   boot → home → zone → matter → options (ID, green channel) → issuing → ticket → home (idle)
 *   home → checkin → checkin_busy → ticket
 * One commandId per visitor action: the same request (same matter, ID, channel, language) keeps
 * its commandId until its outcome is known, so a double tap or a retry issues one ticket.
 */
import type { Lang } from '../../../ui-shared/src/i18n';
import { newCommandId as defaultCommandId } from '../../../ui-shared/src/commands';
import { createStore, type Store } from '../../../ui-shared/src/store';
import type { IssuedTicket } from '../../../server/protocol/views';
import { createIdleTimer } from './idle-timer';
import { DEFAULT_IDLE, type IdleSeconds } from './kiosk-config';
import { isMissingRoute, outcomeUnknown, type CheckInBody, type IssueBody, type KioskApi, type PickupBody } from './kiosk-api';
import { CHECKIN_KEYS, hallClosedError, kioskError, PICKUP_KEYS, pickupNotice, ticketOf } from './flow-results';
import { initialState, selectedMatter, visitorReset, type CheckInMode, type KioskState, type Screen, type VisitorGreenChannel } from './kiosk-state';
import { checkIdNumber, CODE_LENGTH, hallToday, pressCodeKey, pressIdKey, type PadKey } from './keypad-input';
import { loadHall } from './load-hall';
import { watchPrint, type PrintFeed, type PrintWatch } from './print-watch';
import type { KioskTimers } from './timers';

export interface KioskFlowDeps {
  /** null when the device has no token: the kiosk shows the set-up screen and nothing else. */
  api: KioskApi | null;
  timers: KioskTimers;
  lang: Store<Lang>;
  idle?: IdleSeconds;
  newCommandId?: () => string;
  /** The kiosk's pushed print-job changes (its socket); without it the print outcome is read twice, not pushed. */
  printFeed?: PrintFeed;
}

export interface KioskFlow {
  state: Store<KioskState>;
  start(): Promise<void>;
  toggleElderly(): void;
  takeTicket(): void;
  chooseZone(zoneId: string): void;
  chooseMatter(matterId: string): void;
  setSearch(text: string): void;
  pressIdKey(key: PadKey): void;
  setGreenChannel(choice: VisitorGreenChannel | null): void;
  issue(): Promise<void>;
  openCheckIn(): void;
  setCheckInMode(mode: CheckInMode): void;
  /** Home → 证照领取 (the check-in screen in pickup mode). */
  openPickup(): void;
  pressCheckInKey(key: PadKey): void;
  submitCheckIn(): Promise<void>;
  /** Send the last request again with the same commandId (or reload the hall after a boot error). */
  retry(): Promise<void>;
  back(): void;
  /** The visitor is done (or walked away): wipe their data, back to home in Chinese, standard view. */
  endSession(): void;
  /** Any touch: restart the idle countdown. */
  touch(): void;
  dispose(): void;
}

type Attempt =
  | { kind: 'issue'; key: string; hallId: string; body: IssueBody }
  | { kind: 'checkin'; key: string; hallId: string; body: CheckInBody }
  | { kind: 'pickup'; key: string; hallId: string; body: PickupBody };

const IDLE_SCREENS: ReadonlySet<Screen> = new Set(['home', 'zone', 'matter', 'options', 'issue_error', 'checkin', 'ticket']);
const BOOT_RETRY_SECONDS = 15;

export function createKioskFlow(deps: KioskFlowDeps): KioskFlow {
  const { api, timers, lang } = deps;
  const idleSeconds = deps.idle ?? DEFAULT_IDLE;
  const newId = deps.newCommandId ?? defaultCommandId;
  const state = createStore<KioskState>(initialState());
  const get = () => state.get();
  const patch = (p: Partial<KioskState>) => state.set({ ...get(), ...p });
  let attempt: (Attempt & { commandId: string }) | null = null;
  let inFlight = false;
  let generation = 0;
  let printWatch: PrintWatch | null = null;
  let deviceZoneId: string | null = null;

  const idle = createIdleTimer(
    timers,
    (left) => {
      if (get().screen === 'ticket') patch({ idleLeft: left }); // only the ticket screen shows it
    },
    () => (get().screen === 'boot_error' ? void start() : flow.endSession()),
  );

  function armIdle(screen: Screen): void {
    if (screen === 'boot_error') idle.restart(BOOT_RETRY_SECONDS);
    else if (IDLE_SCREENS.has(screen)) idle.restart(screen === 'ticket' ? idleSeconds.ticket : idleSeconds.other);
    else idle.stop();
  }

  function go(screen: Screen, p: Partial<KioskState> = {}): void {
    patch({ ...p, screen });
    armIdle(screen);
  }

  function today(): string {
    return hallToday(timers.now(), get().hall?.timeZone ?? 'Asia/Shanghai');
  }

  async function start(): Promise<void> {
    if (!api) return go('no_token');
    go('boot');
    const me = await api.me();
    if (!me.ok) {
      if (me.error.code === 'unauthenticated') return go('bad_token', { setupReason: 'invalid' });
      return go('boot_error', { error: kioskError(me.error) });
    }
    const who = me.data;
    if (who.kind !== 'device' || who.deviceKind !== 'kiosk' || !who.hallId) return go('bad_token', { setupReason: 'not_kiosk' });
    deviceZoneId = who.zoneId ?? null;
    const loaded = await loadHall(api, who.hallId, deviceZoneId);
    if (!loaded.ok) return go('boot_error', { error: kioskError(loaded.error) });
    go('home', { ...loaded.data, offline: false, error: null });
  }

  /** Fresh zones, matters and waiting counts between visitors; failures only raise the banner. */
  async function refresh(): Promise<void> {
    const hallId = get().hall?.id;
    if (!api || !hallId) return;
    const loaded = await loadHall(api, hallId, deviceZoneId);
    patch(loaded.ok ? { ...loaded.data, offline: false } : { offline: outcomeUnknown(loaded.error) });
  }

  function showTicket(issued: IssuedTicket, ticketNotice: string | null = null): void {
    go('ticket', { issued, ticketNotice, idNumber: '', checkInInput: '', idError: null, idServerError: null, error: null });
    printWatch?.stop();
    printWatch = api ? watchPrint(api, deps.printFeed ?? null, timers, issued.print, (print) => patch({ print })) : null;
  }

  async function send(): Promise<void> {
    const a = attempt;
    if (!api || !a || inFlight) return;
    inFlight = true;
    const gen = generation;
    go(a.kind === 'issue' ? 'issuing' : 'checkin_busy', { error: null });
    const r =
      a.kind === 'issue'
        ? await api.issue(a.hallId, { ...a.body, commandId: a.commandId })
        : a.kind === 'pickup'
          ? await api.pickup(a.hallId, { ...a.body, commandId: a.commandId })
          : await api.checkIn(a.hallId, { ...a.body, commandId: a.commandId });
    inFlight = false;
    if (gen !== generation) return; // the session ended meanwhile
    const shown = r.ok ? ticketOf(r.data) : null;
    if (shown) {
      attempt = null;
      const p = r.ok ? (r.data as { caseNumber?: string; pickupCounterNumber?: number }) : {};
      return showTicket(shown.issued, p.caseNumber ? pickupNotice(lang.get(), p.caseNumber, p.pickupCounterNumber ?? 0) : shown.notice);
    }
    if (r.ok) {
      // Answered, but not with a ticket we can show: say so plainly rather than pretend.
      attempt = null;
      return go('checkin', { error: { code: 'not_found', message: '', key: 'checkin_unavailable', retryable: false } });
    }
    const e = r.error;
    if (!outcomeUnknown(e)) attempt = null; // rejected: nothing was written, a new request gets a new id
    if (e.code === 'unauthenticated') return go('bad_token', { setupReason: 'invalid' });
    if (a.kind === 'issue') {
      const field = e.fields?.idNumber;
      if (e.code === 'validation_failed' && field) return go('options', { idServerError: field });
      if (e.code === 'hall_closed') return go('issue_error', { error: hallClosedError(e) });
      return go('issue_error', { error: kioskError(e, e.code === 'not_found' ? 'err_matter_gone' : null) });
    }
    if (isMissingRoute(e)) return go('checkin', { error: kioskError(e, 'checkin_unavailable') });
    go('checkin', { error: kioskError(e, (a.kind === 'pickup' ? PICKUP_KEYS[e.code] : CHECKIN_KEYS[e.code]) ?? null) });
  }

  /** Same request as the one still open → same commandId; anything else → a new one. */
  function prepare(a: Attempt): void {
    if (!attempt || attempt.kind !== a.kind || attempt.key !== a.key) attempt = { ...a, commandId: newId() } as Attempt & { commandId: string };
  }

  const flow: KioskFlow = {
    state,
    start,
    toggleElderly: () => patch({ elderly: !get().elderly }),
    takeTicket() {
      const s = get();
      if (s.screen !== 'home') return;
      if (s.zones.length === 1) return go('matter', { zoneId: s.zones[0]!.id, search: '' });
      go('zone', { error: null });
    },
    chooseZone(zoneId) {
      const s = get();
      if (s.screen !== 'zone' || !s.zones.some((z) => z.id === zoneId)) return;
      go('matter', { zoneId, search: '' });
    },
    chooseMatter(matterId) {
      const s = get();
      if (s.screen !== 'matter' || !s.matters.some((m) => m.id === matterId && m.zoneId === s.zoneId && m.active)) return;
      go('options', { matterId, idError: null, idServerError: null, error: null });
    },
    setSearch(text) {
      patch({ search: text.slice(0, 40) });
    },
    pressIdKey(key) {
      const s = get();
      if (s.screen !== 'options') return;
      const idNumber = pressIdKey(s.idNumber, key);
      const verdict = idNumber.length === 18 ? checkIdNumber(idNumber, today()) : null;
      patch({ idNumber, idError: verdict && !verdict.ok ? verdict.reason : null, idServerError: null });
    },
    setGreenChannel(greenChannel) {
      if (get().screen === 'options') patch({ greenChannel });
    },
    async issue() {
      const s = get();
      const matter = selectedMatter(s);
      if (inFlight || s.screen !== 'options' || !s.hall || !matter) return;
      let idNumber: string | undefined;
      if (s.idNumber) {
        const verdict = checkIdNumber(s.idNumber, today());
        if (!verdict.ok) return patch({ idError: verdict.reason }); // never sent
        idNumber = verdict.value;
      }
      const body: IssueBody = {
        commandId: '',
        matterId: matter.id,
        language: lang.get(),
        ...(idNumber && { idNumber }),
        ...(s.greenChannel && { greenChannel: s.greenChannel }),
      };
      prepare({ kind: 'issue', key: JSON.stringify(body), hallId: s.hall.id, body });
      await send();
    },
    openCheckIn() {
      if (get().screen === 'home') go('checkin', { checkInMode: 'code', checkInInput: '', idError: null, error: null });
    },
    openPickup() {
      if (get().screen === 'home') go('checkin', { checkInMode: 'pickup', checkInInput: '', idError: null, error: null });
    },
    setCheckInMode(checkInMode) {
      if (get().screen === 'checkin') patch({ checkInMode, checkInInput: '', idError: null, error: null });
    },
    pressCheckInKey(key) {
      const s = get();
      if (s.screen !== 'checkin') return;
      if (s.checkInMode === 'code') return patch({ checkInInput: pressCodeKey(s.checkInInput, key), error: null });
      const checkInInput = pressIdKey(s.checkInInput, key);
      const verdict = checkInInput.length === 18 && (s.checkInMode === 'id' || s.checkInMode === 'pickup') ? checkIdNumber(checkInInput, today()) : null;
      patch({ checkInInput, idError: verdict && !verdict.ok ? verdict.reason : null, error: null });
    },
    async submitCheckIn() {
      const s = get();
      if (inFlight || s.screen !== 'checkin' || !s.hall) return;
      if (s.checkInMode === 'pickup') {
        const input = s.checkInInput;
        const pick: PickupBody = { commandId: '', language: lang.get() };
        if (/^\d{12}$/.test(input)) pick.caseNumber = input;
        else if (input.length === 18) {
          const verdict = checkIdNumber(input, today());
          if (!verdict.ok) return patch({ idError: verdict.reason });
          pick.idNumber = verdict.value;
        } else return patch({ error: { code: 'validation_failed', message: '', key: 'pickup_input', retryable: false } });
        prepare({ kind: 'pickup', key: JSON.stringify(pick), hallId: s.hall.id, body: pick });
        return send();
      }
      const body: CheckInBody = { commandId: '', language: lang.get() };
      if (s.checkInMode === 'code') {
        if (s.checkInInput.length !== CODE_LENGTH) {
          return patch({ error: { code: 'validation_failed', message: '', key: s.checkInInput ? 'checkin_code_length' : 'checkin_empty', retryable: false } });
        }
        body.code = s.checkInInput;
      } else {
        const verdict = checkIdNumber(s.checkInInput, today());
        if (!verdict.ok) return patch({ idError: verdict.reason }); // never sent
        body.idNumber = verdict.value;
      }
      prepare({ kind: 'checkin', key: JSON.stringify(body), hallId: s.hall.id, body });
      await send();
    },
    async retry() {
      const s = get();
      if (s.screen === 'boot_error') return start();
      if (inFlight || !attempt || !s.error?.retryable) return;
      if ((s.screen === 'issue_error' && attempt.kind === 'issue') || (s.screen === 'checkin' && attempt.kind !== 'issue')) await send();
    },
    back() {
      const s = get();
      if (s.screen === 'zone' || s.screen === 'checkin') go('home', { error: null });
      else if (s.screen === 'matter') s.zones.length === 1 ? go('home') : go('zone', { search: '' });
      else if (s.screen === 'options') go('matter', { idError: null, idServerError: null });
      else if (s.screen === 'issue_error') go('options', { error: null });
    },
    endSession() {
      generation++;
      attempt = null;
      inFlight = false;
      printWatch?.stop();
      printWatch = null;
      lang.set('zh-CN');
      go('home', visitorReset(get()));
      void refresh();
    },
    touch() {
      const screen = get().screen;
      if (IDLE_SCREENS.has(screen)) armIdle(screen);
    },
    dispose() {
      idle.stop();
      printWatch?.stop();
    },
  };
  return flow;
}
