/** The kiosk's one state object: which screen, what the visitor chose, what came back. */
import type { IdNumberFailure } from '../../../server/protocol/identity-number';
import type { IssuedTicket, MatterView, ZoneView } from '../../../server/protocol/views';
import type { PrintState } from './print-watch';

export type Screen =
  | 'boot' // loading the device and hall
  | 'no_token' // no device token on this device
  | 'bad_token' // token rejected, or not a kiosk token
  | 'boot_error' // server unreachable at start: message + retry
  | 'home'
  | 'zone'
  | 'matter'
  | 'options' // identity number, green channel, confirm
  | 'issuing'
  | 'issue_error' // message + retry (same commandId) or start over
  | 'ticket'
  | 'checkin'
  | 'checkin_busy';

export type VisitorGreenChannel = 'disabled' | 'military' | 'pregnant';
/** 'pickup': 证照领取 — a pickup ticket by case number (12 digits) or identity number. */
export type CheckInMode = 'code' | 'id' | 'pickup';

export interface KioskHall {
  id: string;
  name: string;
  timeZone: string;
  missedNumberRule: string | null;
  /** The rule in English (the English screen shows it); null from a server that does not send it. */
  missedNumberRuleEn?: string | null;
  elderlyAge: number;
  /** Where phones reach the public pages; null: the address this kiosk page was loaded from. */
  publicBaseUrl?: string | null;
}

export interface KioskError {
  code: string;
  message: string;
  /** A message key of the kiosk's own (offline, timeout …) when it explains better than the server. */
  key: string | null;
  /** The same request may be sent again (its outcome is unknown, or it may succeed later). */
  retryable: boolean;
  /** hall_closed: when the kiosk issues again, hall-local 'YYYY-MM-DD HH:MM'. */
  nextOpening?: string;
}

export interface KioskState {
  screen: Screen;
  /** Why a set-up screen is shown ('not_kiosk' when the token belongs to another device kind). */
  setupReason: 'invalid' | 'not_kiosk' | null;
  elderly: boolean;
  offline: boolean;
  hall: KioskHall | null;
  zones: ZoneView[];
  matters: MatterView[];
  waitingByZone: Record<string, number>;
  waitingByMatter: Record<string, number>;
  zoneId: string | null;
  matterId: string | null;
  search: string;
  idNumber: string;
  /** Local GB 11643 verdict once 18 characters are typed (or on confirm). */
  idError: IdNumberFailure | null;
  /** The server's own message when it rejected the number. */
  idServerError: string | null;
  greenChannel: VisitorGreenChannel | null;
  issued: IssuedTicket | null;
  /** From an appointment check-in: the server's note (early, or late → walk-in). */
  ticketNotice: string | null;
  print: PrintState;
  error: KioskError | null;
  checkInMode: CheckInMode;
  checkInInput: string;
  checkInMessage: string | null;
  /** Seconds until the kiosk goes back home (shown on the ticket screen). */
  idleLeft: number;
}

export function initialState(): KioskState {
  return {
    screen: 'boot',
    setupReason: null,
    elderly: false,
    offline: false,
    hall: null,
    zones: [],
    matters: [],
    waitingByZone: {},
    waitingByMatter: {},
    zoneId: null,
    matterId: null,
    search: '',
    idNumber: '',
    idError: null,
    idServerError: null,
    greenChannel: null,
    issued: null,
    ticketNotice: null,
    print: 'none',
    error: null,
    checkInMode: 'code',
    checkInInput: '',
    checkInMessage: null,
    idleLeft: 0,
  };
}

/** Everything a visitor chose or saw, wiped when their session ends (privacy: the ID number too). */
export function visitorReset(s: KioskState): KioskState {
  const fresh = initialState();
  return {
    ...fresh,
    screen: 'home',
    hall: s.hall,
    zones: s.zones,
    matters: s.matters,
    waitingByZone: s.waitingByZone,
    waitingByMatter: s.waitingByMatter,
    offline: s.offline,
  };
}

export function mattersOfZone(s: KioskState): MatterView[] {
  return s.matters.filter((m) => m.zoneId === s.zoneId && m.active);
}

export function selectedMatter(s: KioskState): MatterView | null {
  return s.matters.find((m) => m.id === s.matterId) ?? null;
}
