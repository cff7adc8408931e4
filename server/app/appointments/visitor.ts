/** A visitor's identity number and phone: validated, then kept only sealed, hashed and masked. */
import { idNumberMessages, validateIdNumber, validateVisitorId } from '../../protocol/identity-number';
import { maskIdNumber, maskPhone, phoneMessages, validatePhone } from '../../protocol/masking';
import { AppError } from '../app-error';
import { encryptField, lookupHash } from '../pii';

export type Lang = 'zh-CN' | 'en';

export interface VisitorKeys {
  idHash: string;
  idEnc: string;
  idMasked: string;
  phoneHash: string;
  phoneEnc: string;
  phoneMasked: string;
}

/** The look-up hash of a valid identity number, or a validation error in the visitor's language. */
export function idNumberHash(key: Buffer, raw: string, today: string, lang: Lang): { hash: string; value: string } {
  const id = validateVisitorId(raw, today);
  if (!id.ok) {
    const message = idNumberMessages[id.reason][lang];
    throw new AppError('validation_failed', message, { idNumber: message });
  }
  return { hash: lookupHash(key, id.value), value: id.value };
}

/**
 * The look-up hash of an identity number for finding an existing booking, or null when it is not
 * a well-formed number (such a number can match nothing stored). Never throws: a look-up answers
 * the same for a malformed number as for a wrong one.
 */
export function idNumberLookupHash(key: Buffer, raw: string): string | null {
  const id = validateIdNumber(raw, '9999-12-31'); // every stored number passed the full check when booked
  return id.ok ? lookupHash(key, id.value) : null;
}

export function phoneHash(key: Buffer, phone: string): string {
  return lookupHash(key, `phone:${phone}`);
}

export function visitorKeys(key: Buffer, idRaw: string, phoneRaw: string, today: string, lang: Lang): VisitorKeys {
  const id = idNumberHash(key, idRaw, today, lang);
  const phone = validatePhone(phoneRaw);
  if (!phone.ok) {
    const message = phoneMessages.format[lang];
    throw new AppError('validation_failed', message, { phone: message });
  }
  return {
    idHash: id.hash,
    idEnc: encryptField(key, id.value),
    idMasked: maskIdNumber(id.value),
    phoneHash: phoneHash(key, phone.value),
    phoneEnc: encryptField(key, phone.value),
    phoneMasked: maskPhone(phone.value),
  };
}

/**
 * A keyed hash of what an anonymous visitor sent with a command: the owner of its commandId
 * (run-command.ts). Only someone sending the same identity number, phone and choices can replay.
 */
export function visitorCallerKey(key: Buffer, parts: readonly string[]): string {
  return `visitor:${lookupHash(key, `caller:${parts.map((p) => p.trim().toUpperCase()).join('\u001f')}`)}`;
}
