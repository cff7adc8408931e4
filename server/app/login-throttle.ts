/**
 * Sign-in abuse (issue #11 §6), kept in this process's memory (a restart forgets it, each server
 * process counts on its own):
 *  - per address: 20 failed sign-ins in 10 minutes → 429 for the rest of the window, whatever the
 *    user names (password spraying); successful sign-ins cost nothing, so a hall's colleagues behind
 *    one address are not affected;
 *  - per account AND address: 5 failures → that account is locked *for that address* for 15
 *    minutes, doubling with each further lock (up to a day). A stranger elsewhere cannot lock a
 *    colleague out, and an unknown user name is counted and locked exactly like a real one, so
 *    neither 401 nor 423 tells whether an account exists.
 * Pure bookkeeping with an injected clock; memory is bounded (oldest entries dropped first).
 */
import { AppError } from './app-error';

export const ADDRESS_FAILURES = 20;
export const ADDRESS_WINDOW_MS = 10 * 60_000;
export const PAIR_FAILURES = 5;
export const FIRST_LOCK_MS = 15 * 60_000;
export const MAX_LOCK_MS = 24 * 3_600_000;
const MAX_ENTRIES = 50_000;

interface AddressEntry {
  windowStart: number;
  failures: number;
}
interface PairEntry {
  failures: number;
  locks: number;
  lockedUntil: number;
  lastAt: number;
}

export interface LoginThrottle {
  /** Before the password is checked: throws rate_limited or account_locked. */
  check(address: string, username: string): void;
  failed(address: string, username: string): void;
  succeeded(address: string, username: string): void;
  /** Until when this user name is locked for this address (ms), or null. */
  lockedUntil(address: string, username: string): number | null;
  /** An administrator's unlock (or password reset): the name is free again from every address. */
  unlock(username: string): void;
}

function bounded<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as K);
}

export function createLoginThrottle(now: () => number = Date.now): LoginThrottle {
  const addresses = new Map<string, AddressEntry>();
  const pairs = new Map<string, PairEntry>();
  const pairKey = (address: string, username: string) => `${address}\u0000${username.trim().toLowerCase()}`;
  const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

  return {
    check(address, username) {
      const t = now();
      const a = addresses.get(address);
      if (a && t - a.windowStart < ADDRESS_WINDOW_MS && a.failures >= ADDRESS_FAILURES) {
        throw new AppError('rate_limited', `Too many failed sign-ins from this address; try again in ${minutes(a.windowStart + ADDRESS_WINDOW_MS - t)} minutes`);
      }
      const p = pairs.get(pairKey(address, username));
      if (p && p.lockedUntil > t) {
        throw new AppError('account_locked', `Too many failed sign-ins for this user name from this address; try again in ${minutes(p.lockedUntil - t)} minutes`);
      }
    },
    failed(address, username) {
      const t = now();
      const a = addresses.get(address);
      bounded(addresses, address, a && t - a.windowStart < ADDRESS_WINDOW_MS ? { ...a, failures: a.failures + 1 } : { windowStart: t, failures: 1 });
      const key = pairKey(address, username);
      const old = pairs.get(key);
      // A day without failures forgets earlier locks.
      const p = old && t - old.lastAt < MAX_LOCK_MS ? old : { failures: 0, locks: 0, lockedUntil: 0, lastAt: t };
      const failures = p.failures + 1;
      if (failures >= PAIR_FAILURES) {
        const lockMs = Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** p.locks);
        bounded(pairs, key, { failures: 0, locks: p.locks + 1, lockedUntil: t + lockMs, lastAt: t });
        throw new AppError('account_locked', `Too many failed sign-ins for this user name from this address; it is locked here for ${minutes(lockMs)} minutes`);
      }
      bounded(pairs, key, { ...p, failures, lastAt: t });
    },
    succeeded(address, username) {
      pairs.delete(pairKey(address, username));
    },
    lockedUntil(address, username) {
      const p = pairs.get(pairKey(address, username));
      return p && p.lockedUntil > now() ? p.lockedUntil : null;
    },
    unlock(username) {
      const suffix = `\u0000${username.trim().toLowerCase()}`;
      for (const key of [...pairs.keys()]) if (key.endsWith(suffix)) pairs.delete(key);
    },
  };
}
