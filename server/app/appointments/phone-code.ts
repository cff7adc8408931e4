/**
 * The proof step of a public booking (issue #11 §6): before booking, the visitor asks for a
 * six-digit code sent to the phone they give (through the PhoneNotifier port) and books with it. So a
 * slot can no longer be filled with invented identities and phone numbers: each booking needs a
 * phone its author can read, and bookings per phone are already limited per day.
 *
 * A code lives 10 minutes and allows 5 tries (every try counts, in its own statement, so a failed
 * booking's rollback cannot refund it); one phone gets a new code at most once a minute and 5 times
 * a day. Codes are stored as keyed hashes, phones as their look-up hash.
 */
import { randomInt } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { phoneCodes } from '../../../db/schema-security';
import { maskPhone, phoneMessages, validatePhone } from '../../protocol/masking';
import { AppError } from '../app-error';
import type { AppDeps } from '../deps';
import { lookupHash } from '../pii';
import { phoneHash, type Lang } from './visitor';

export const PHONE_CODE_TTL_MS = 10 * 60_000;
export const PHONE_CODE_TRIES = 5;
export const PHONE_CODE_RESEND_MS = 60_000;
export const PHONE_CODES_PER_DAY = 5;
const DAY_MS = 86_400_000;

const WRONG = {
  'zh-CN': '验证码不正确或已过期，请重新获取',
  en: 'The code is wrong or has expired; ask for a new one',
} as const;

function codeHash(deps: AppDeps, phoneKey: string, code: string): string {
  return lookupHash(deps.piiKey, `phone-code:${phoneKey}:${code}`);
}

function normalisedPhone(raw: string, lang: Lang): string {
  const phone = validatePhone(raw);
  if (!phone.ok) {
    const message = phoneMessages.format[lang];
    throw new AppError('validation_failed', message, { phone: message });
  }
  return phone.value;
}

export type { PhoneCodeSent } from '../../protocol/appointments';
import type { PhoneCodeSent } from '../../protocol/appointments';

export async function requestPhoneCode(deps: AppDeps, input: { phone: string; language?: Lang | undefined }): Promise<PhoneCodeSent> {
  const lang = input.language ?? 'zh-CN';
  const phone = normalisedPhone(input.phone, lang);
  const key = phoneHash(deps.piiKey, phone);
  const now = deps.clock.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + PHONE_CODE_TTL_MS);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  // Instants in raw SQL go as typed text: postgres.js cannot infer a bare Date inside CASE.
  const dayAgoSql = sql`${dayAgo.toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  // One statement: a new code unless the last one is under a minute old or the day's quota is used.
  const rows = await deps.db
    .insert(phoneCodes)
    .values({ phoneHash: key, codeHash: codeHash(deps, key, code), sentAt: now, expiresAt, attempts: 0, sentInWindow: 1, windowStart: now })
    .onConflictDoUpdate({
      target: phoneCodes.phoneHash,
      set: {
        codeHash: codeHash(deps, key, code),
        sentAt: now,
        expiresAt,
        attempts: 0,
        sentInWindow: sql`CASE WHEN ${phoneCodes.windowStart} < ${dayAgoSql} THEN 1 ELSE ${phoneCodes.sentInWindow} + 1 END`,
        windowStart: sql`CASE WHEN ${phoneCodes.windowStart} < ${dayAgoSql} THEN ${nowSql} ELSE ${phoneCodes.windowStart} END`,
      },
      setWhere: and(
        lt(phoneCodes.sentAt, new Date(now.getTime() - PHONE_CODE_RESEND_MS)),
        sql`(${phoneCodes.windowStart} < ${dayAgoSql} OR ${phoneCodes.sentInWindow} < ${PHONE_CODES_PER_DAY})`,
      ),
    })
    .returning({ sentAt: phoneCodes.sentAt });
  if (rows.length === 0) {
    throw new AppError('rate_limited', lang === 'en' ? 'A code was sent to this phone a moment ago; please wait before asking again' : '验证码已发送，请稍后再试');
  }
  await deps.phoneNotifier?.sendPhoneCode({ phone, code, expiresAt, language: lang });
  return { sentTo: maskPhone(phone), expiresAt: expiresAt.toISOString(), resendAfterSeconds: PHONE_CODE_RESEND_MS / 1000 };
}

/** Counts one try and checks the code; throws validation_failed on { phoneCode } when it does not match. */
export async function verifyPhoneCode(deps: AppDeps, input: { phone: string; phoneCode?: string | undefined; language?: Lang | undefined }): Promise<void> {
  const lang = input.language ?? 'zh-CN';
  const wrong = () => new AppError('validation_failed', WRONG[lang], { phoneCode: WRONG[lang] });
  const phone = normalisedPhone(input.phone, lang);
  if (!input.phoneCode) throw new AppError('validation_failed', WRONG[lang], { phoneCode: lang === 'en' ? 'Ask for a code and enter it' : '请获取并填写短信验证码' });
  const key = phoneHash(deps.piiKey, phone);
  const now = deps.clock.now();
  const [row] = await deps.db
    .update(phoneCodes)
    .set({ attempts: sql`${phoneCodes.attempts} + 1` })
    .where(and(eq(phoneCodes.phoneHash, key), gt(phoneCodes.expiresAt, now), lt(phoneCodes.attempts, PHONE_CODE_TRIES)))
    .returning({ codeHash: phoneCodes.codeHash });
  if (!row || row.codeHash !== codeHash(deps, key, input.phoneCode.trim())) throw wrong();
}
