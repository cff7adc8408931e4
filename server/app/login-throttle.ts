/**
 * Sign-in abuse (issue #11 §6; docs/security.md), counted in the database (throttle-store.ts) so
 * every server process on it counts together and a restart forgets nothing:
 *  - per address: 20 failed sign-ins in 10 minutes → 429 for the rest of the window, whatever the
 *    user names (password spraying). Each attempt takes its place in the window *before* the password
 *    is checked, so a burst of parallel guesses cannot slip past the count; a right password gives the
 *    place back, so a hall's colleagues behind one address are not affected;
 *  - a user name that signed in from this address in the last 30 days still gets its tries when
 *    the address is over its limit, so a stranger sharing the hall's address cannot lock the staff
 *    out with 20 wrong guesses; a wrong password then answers 429 like any other name (only the
 *    time a password check takes tells such a name apart, and only to someone already over the limit);
 *  - per account AND address: 5 failures → that account is locked *for that address* for 15
 *    minutes, doubling with each further lock (up to a day; a day without failures after the last lock ended forgets). A
 *    stranger elsewhere cannot lock a colleague out, and an unknown user name is counted and locked
 *    exactly like a real one, so neither 401 nor 423 tells whether an account exists.
 */
import { AppError } from './app-error';
import type { AppDeps } from './deps';
import { accountKey, countFailure, countInWindow, forgetAccount, forgetKey, readCounter, remember, throttleKey, uncount, type BackOff } from './throttle-store';

export const ADDRESS_FAILURES = 20;
export const ADDRESS_WINDOW_MS = 10 * 60_000;
export const PAIR_FAILURES = 5;
export const FIRST_LOCK_MS = 15 * 60_000;
export const MAX_LOCK_MS = 24 * 3_600_000;
export const KNOWN_MS = 30 * 86_400_000;
const PAIR: BackOff = { failures: PAIR_FAILURES, firstLockMs: FIRST_LOCK_MS, maxLockMs: MAX_LOCK_MS, forgetMs: MAX_LOCK_MS };

type Deps = Pick<AppDeps, 'db' | 'piiKey' | 'clock'>;

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
const addressKey = (deps: Deps, address: string) => throttleKey(deps, 'login-address', address);
const pairKey = (deps: Deps, address: string, username: string) => throttleKey(deps, 'login-pair', address, username.trim().toLowerCase());
const knownKey = (deps: Deps, address: string, username: string) => throttleKey(deps, 'login-known', address, username.trim().toLowerCase());
const locked = (text: string) => new AppError('account_locked', `Too many failed sign-ins for this user name from this address; ${text}`);

/**
 * Runs `attempt` (the password check) under both limits. `onLockOut` hears when this failure locked
 * the name for this address. Errors other than a wrong password give the address's place back.
 */
export async function throttledSignIn<T>(deps: Deps, address: string, username: string, attempt: () => Promise<T>, onLockOut?: (until: Date) => Promise<void>): Promise<T> {
  const now = deps.clock.now();
  const aKey = addressKey(deps, address);
  const kKey = knownKey(deps, address, username);
  let limited: AppError | null = null;
  if (!(await countInWindow(deps, aKey, 'login-address', now, ADDRESS_WINDOW_MS, ADDRESS_FAILURES))) {
    const row = await readCounter(deps, aKey);
    const left = row ? row.windowStart.getTime() + ADDRESS_WINDOW_MS - now.getTime() : ADDRESS_WINDOW_MS;
    limited = new AppError('rate_limited', `Too many failed sign-ins from this address; try again in ${minutes(left)} minutes`);
    const known = await readCounter(deps, kKey);
    if (!known || known.expiresAt <= now) throw limited;
  }
  /** Gives the address's place back (an over-limit known name never took one). */
  const giveBack = () => (limited ? Promise.resolve() : uncount(deps, aKey));
  const pKey = pairKey(deps, address, username);
  const pair = await readCounter(deps, pKey);
  if (pair?.lockedUntil && pair.lockedUntil > now) {
    await giveBack();
    throw locked(`try again in ${minutes(pair.lockedUntil.getTime() - now.getTime())} minutes`);
  }
  let result: T;
  try {
    result = await attempt();
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'invalid_credentials')) {
      await giveBack();
      throw err;
    }
    const until = await countFailure(deps, pKey, 'login-pair', accountKey(deps, username), now, PAIR);
    if (until) {
      await onLockOut?.(until);
      throw locked(`it is locked here for ${minutes(until.getTime() - now.getTime())} minutes`);
    }
    throw limited ?? err;
  }
  await giveBack();
  await forgetKey(deps, pKey);
  await remember(deps, kKey, 'login-known', now, KNOWN_MS);
  return result;
}

/** An administrator's unlock (or password reset): the name is free again from every address. */
export async function unlockSignIn(deps: Deps, username: string): Promise<void> {
  await forgetAccount(deps, accountKey(deps, username));
}
