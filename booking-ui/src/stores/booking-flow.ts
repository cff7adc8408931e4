/**
 * The booking page's one state object and its steps (plain TS, no Lit):
 *   hall → matter → slot → details → submitting → done;   manage (look up / cancel) from anywhere.
 * The identity number and phone are checked locally with the server's own pure rules, then again
 * by the server. One commandId per booking attempt, reused when the same request is retried.
 */
import { nearestFreeSlot, type SlotSuggestion } from './nearest-slot';
import { idNumberMessages, validateVisitorId } from '../../../server/protocol/identity-number';
import { phoneMessages, validatePhone } from '../../../server/protocol/masking';
import type {
  AppointmentView,
  BookableMatterView,
  BookingCalendarView,
  BookingHallView,
  BookingReceipt,
  SlotView,
} from '../../../server/protocol/appointments';
import type { ErrorBody } from '../../../server/protocol/errors';
import { createStore, type Store } from '../../../ui-shared/src/store';
import type { BookBody, BookingApi } from './booking-api';

export type Step = 'loading' | 'load_error' | 'hall' | 'matter' | 'slot' | 'details' | 'submitting' | 'done' | 'manage';
export type Lang = 'zh-CN' | 'en';

export interface BookingState {
  step: Step;
  halls: BookingHallView[];
  hall: BookingHallView | null;
  matters: BookableMatterView[];
  matter: BookableMatterView | null;
  calendar: BookingCalendarView | null;
  date: string | null;
  slot: SlotView | null;
  idNumber: string;
  phone: string;
  phoneCode: string;
  /** Where the last code went ('138****1234') and when another may be asked for (ms since epoch). */
  codeSentTo: string | null;
  resendAt: number;
  fieldErrors: { idNumber?: string; phone?: string; phoneCode?: string };
  error: ErrorBody | null;
  receipt: BookingReceipt | null;
  manageCode: string;
  manageId: string;
  managed: BookingReceipt | null;
  cancelled: AppointmentView | null;
  busy: boolean;
  /** After a full slot: the nearest slot with a seat, offered to the visitor. */
  suggestion: SlotSuggestion | null;
}

export const initialState: BookingState = {
  suggestion: null,
  step: 'loading',
  halls: [],
  hall: null,
  matters: [],
  matter: null,
  calendar: null,
  date: null,
  slot: null,
  idNumber: '',
  phone: '',
  phoneCode: '',
  codeSentTo: null,
  resendAt: 0,
  fieldErrors: {},
  error: null,
  receipt: null,
  manageCode: '',
  manageId: '',
  managed: null,
  cancelled: null,
  busy: false,
};

export interface BookingFlowDeps {
  api: BookingApi;
  lang: Store<Lang>;
  /** Hall-local today for the local identity-number check (the server checks again). */
  today: () => string;
  newId: () => string;
  /** Milliseconds since epoch (for the resend wait). */
  now?: () => number;
}

export interface BookingFlow {
  state: Store<BookingState>;
  start(preferredHallId?: string | null): Promise<void>;
  chooseHall(id: string): Promise<void>;
  chooseMatter(id: string): Promise<void>;
  chooseDay(date: string): void;
  chooseSlot(start: string): void;
  setIdNumber(v: string): void;
  setPhone(v: string): void;
  /** Asks for the code to be sent to the phone typed (the proof step of a public booking). */
  requestCode(): Promise<void>;
  setPhoneCode(v: string): void;
  submit(): Promise<void>;
  back(): void;
  openManage(): void;
  setManage(code: string, idNumber: string): void;
  lookup(): Promise<void>;
  cancel(): Promise<void>;
  restart(): void;
}

const CODE_NEEDED = { 'zh-CN': '请获取并填写 6 位短信验证码', en: 'Ask for the 6-digit code and enter it' } as const;

const BACK: Partial<Record<Step, Step>> = { matter: 'hall', slot: 'matter', details: 'slot', manage: 'hall', done: 'hall' };

/**
 * Whether "上一步" has somewhere to go: never on the first step — with one hall the page opens on
 * the matters (the hall was chosen for the visitor), so going back from there would be a dead end.
 */
export function canGoBack(s: Pick<BookingState, 'step' | 'halls'>): boolean {
  if (s.step === 'matter') return s.halls.length > 1;
  return s.step === 'slot' || s.step === 'details';
}

export function createBookingFlow(deps: BookingFlowDeps): BookingFlow {
  const state = createStore<BookingState>(initialState);
  const get = () => state.get();
  const patch = (p: Partial<BookingState>) => state.set({ ...get(), ...p });
  let attempt: { key: string; commandId: string } | null = null;

  async function loadSlots(): Promise<void> {
    const { hall, matter } = get();
    if (!hall || !matter) return;
    patch({ busy: true });
    const r = await deps.api.slots(hall.id, matter.id);
    if (!r.ok) return patch({ busy: false, error: r.error });
    const first = r.data.days.find((d) => d.slots.some((s) => s.remaining > 0));
    const keep = r.data.days.some((d) => d.date === get().date) ? get().date : (first?.date ?? r.data.days[0]?.date ?? null);
    patch({ busy: false, calendar: r.data, date: keep, slot: null });
  }

  function checkFields(): BookingState['fieldErrors'] {
    const s = get();
    const lang = deps.lang.get();
    const errors: BookingState['fieldErrors'] = {};
    const id = validateVisitorId(s.idNumber, deps.today());
    if (!id.ok) errors.idNumber = idNumberMessages[id.reason][lang];
    if (!validatePhone(s.phone).ok) errors.phone = phoneMessages.format[lang];
    return errors;
  }

  return {
    state,
    async start(preferredHallId) {
      patch({ ...initialState, step: 'loading' });
      const r = await deps.api.halls();
      if (!r.ok) return patch({ step: 'load_error', error: r.error });
      patch({ halls: r.data, step: 'hall' });
      const only = r.data.length === 1 ? r.data[0]!.id : r.data.find((h) => h.id === preferredHallId)?.id;
      if (only) await this.chooseHall(only);
    },
    async chooseHall(id) {
      const hall = get().halls.find((h) => h.id === id) ?? null;
      if (!hall) return;
      patch({ hall, busy: true, error: null });
      const r = await deps.api.matters(hall.id);
      if (!r.ok) return patch({ busy: false, error: r.error });
      patch({ busy: false, matters: r.data, step: 'matter', matter: null, calendar: null });
    },
    async chooseMatter(id) {
      const matter = get().matters.find((m) => m.id === id) ?? null;
      if (!matter) return;
      patch({ matter, step: 'slot', error: null, date: null, slot: null, calendar: null });
      await loadSlots();
    },
    chooseDay(date) {
      patch({ date, slot: null, error: null, suggestion: null });
    },
    chooseSlot(start) {
      const { calendar, date } = get();
      const slot = calendar?.days.find((d) => d.date === date)?.slots.find((s) => s.start === start) ?? null;
      if (!slot || slot.remaining <= 0) return;
      patch({ slot, step: 'details', error: null, suggestion: null });
    },
    setIdNumber(v) {
      patch({ idNumber: v.trim(), fieldErrors: { ...get().fieldErrors, idNumber: undefined } });
    },
    setPhone(v) {
      const phone = v.trim();
      // A code belongs to one phone: typing another one asks for a new code.
      const changed = phone !== get().phone;
      patch({ phone, fieldErrors: { ...get().fieldErrors, phone: undefined }, ...(changed && { codeSentTo: null, phoneCode: '' }) });
    },
    async requestCode() {
      const s = get();
      const now = (deps.now ?? Date.now)();
      if (s.busy || now < s.resendAt) return;
      const lang = deps.lang.get();
      if (!validatePhone(s.phone).ok) return patch({ fieldErrors: { ...s.fieldErrors, phone: phoneMessages.format[lang] } });
      patch({ busy: true, error: null });
      const r = await deps.api.requestCode({ phone: s.phone, language: lang });
      if (r.ok) return patch({ busy: false, codeSentTo: r.data.sentTo, resendAt: now + r.data.resendAfterSeconds * 1000, fieldErrors: { ...get().fieldErrors, phoneCode: undefined } });
      if (r.error.code === 'validation_failed' && r.error.fields?.phone) return patch({ busy: false, fieldErrors: { ...get().fieldErrors, phone: r.error.fields.phone } });
      patch({ busy: false, error: r.error });
    },
    setPhoneCode(v) {
      patch({ phoneCode: v.replace(/\D/g, '').slice(0, 6), fieldErrors: { ...get().fieldErrors, phoneCode: undefined } });
    },
    async submit() {
      const s = get();
      if (s.busy || !s.hall || !s.matter || !s.date || !s.slot) return;
      const fieldErrors = checkFields();
      if (!/^\d{6}$/.test(s.phoneCode)) fieldErrors.phoneCode = CODE_NEEDED[deps.lang.get()];
      if (fieldErrors.idNumber || fieldErrors.phone || fieldErrors.phoneCode) return patch({ fieldErrors });
      const body: Omit<BookBody, 'commandId'> = { matterId: s.matter.id, date: s.date, slotStart: s.slot.start, idNumber: s.idNumber, phone: s.phone, phoneCode: s.phoneCode, language: deps.lang.get() };
      const key = JSON.stringify(body);
      if (!attempt || attempt.key !== key) attempt = { key, commandId: deps.newId() };
      patch({ busy: true, step: 'submitting', error: null });
      const r = await deps.api.book(s.hall.id, { ...body, commandId: attempt.commandId });
      if (r.ok) {
        attempt = null;
        return patch({ busy: false, step: 'done', receipt: r.data, idNumber: '', phone: '', phoneCode: '', codeSentTo: null });
      }
      const e = r.error;
      if (e.code !== 'internal_error') attempt = null; // refused: nothing was written
      if (e.code === 'validation_failed' && e.fields) {
        const fields = { idNumber: e.fields.idNumber, phone: e.fields.phone, phoneCode: e.fields.phoneCode };
        return patch({ busy: false, step: 'details', fieldErrors: fields, error: fields.idNumber || fields.phone || fields.phoneCode ? null : e });
      }
      if (e.code === 'slot_full' || e.code === 'booking_not_open') {
        patch({ busy: false, step: 'slot', error: e });
        await loadSlots(); // seats left have changed: show the fresh picture with the reason
        const cal = get().calendar;
        if (e.code === 'slot_full' && cal) patch({ suggestion: nearestFreeSlot(cal, body.date, body.slotStart) });
        return;
      }
      patch({ busy: false, step: 'details', error: e });
    },
    back() {
      if (!canGoBack(get())) return;
      const to = BACK[get().step];
      if (to) patch({ step: to, error: null });
    },
    openManage() {
      patch({ step: 'manage', error: null, managed: null, cancelled: null });
    },
    setManage(code, idNumber) {
      patch({ manageCode: code.trim().toUpperCase(), manageId: idNumber.trim() });
    },
    async lookup() {
      const s = get();
      if (s.busy) return;
      patch({ busy: true, error: null, cancelled: null });
      const r = await deps.api.lookup({ code: s.manageCode, idNumber: s.manageId });
      patch(r.ok ? { busy: false, managed: r.data } : { busy: false, managed: null, error: r.error });
    },
    async cancel() {
      const s = get();
      if (s.busy || !s.managed) return;
      patch({ busy: true, error: null });
      const r = await deps.api.cancel({ commandId: deps.newId(), code: s.managed.appointment.code, idNumber: s.manageId, language: deps.lang.get() });
      if (!r.ok) return patch({ busy: false, error: r.error });
      patch({ busy: false, cancelled: r.data, managed: { ...s.managed, appointment: r.data } });
    },
    restart() {
      attempt = null;
      const { halls, hall, matters } = get();
      patch({ ...initialState, halls, hall, matters, step: hall ? 'matter' : 'hall' });
    },
  };
}
