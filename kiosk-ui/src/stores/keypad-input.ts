/**
 * On-screen keypad input, pure: the identity-number pad (digits, X only as the 18th character,
 * backspace, clear) and the booking-code pad (8 characters without look-alikes, as the booking
 * service issues them: server/protocol/appointments.ts BOOKING_CODE_ALPHABET).
 */
import { validateVisitorId, type IdNumberFailure } from '../../../server/protocol/identity-number';

export type PadKey = string; // one character, or 'back' / 'clear'

export const ID_LENGTH = 18;
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

export function pressIdKey(current: string, key: PadKey): string {
  if (key === 'back') return current.slice(0, -1);
  if (key === 'clear') return '';
  if (current.length >= ID_LENGTH) return current;
  if (/^\d$/.test(key)) return current + key;
  if (key === 'X' && current.length === ID_LENGTH - 1) return current + key;
  return current;
}

/** Whether a key does anything now (the pad disables the others). */
export function idKeyEnabled(current: string, key: PadKey): boolean {
  if (key === 'back' || key === 'clear') return current.length > 0;
  return pressIdKey(current, key) !== current;
}

export function pressCodeKey(current: string, key: PadKey): string {
  if (key === 'back') return current.slice(0, -1);
  if (key === 'clear') return '';
  if (current.length >= CODE_LENGTH) return current;
  return key.length === 1 && CODE_ALPHABET.includes(key) ? current + key : current;
}

export type IdCheck = { ok: true; value: string } | { ok: false; reason: IdNumberFailure };

/** GB 11643 check with the same module the server uses; `today` is the hall-local date. */
export function checkIdNumber(raw: string, today: string): IdCheck {
  const r = validateVisitorId(raw, today);
  return r.ok ? { ok: true, value: r.value } : { ok: false, reason: r.reason };
}

/** 110105 19491231 002X — grouped for reading back, never stored anywhere. */
export function groupIdNumber(raw: string): string {
  return [raw.slice(0, 6), raw.slice(6, 14), raw.slice(14)].filter(Boolean).join(' ');
}

/** YYYY-MM-DD in the hall's time zone. */
export function hallToday(nowMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(nowMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
