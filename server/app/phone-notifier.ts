/**
 * How the server reaches a visitor's phone. A real installation plugs in its SMS gateway; the
 * default sink writes the code to the server log with the phone masked, so a demo or a hall
 * without a gateway still works (staff read the code out), and tests record what was sent.
 */
import { maskPhone } from '../protocol/masking';

export interface PhoneCodeMessage {
  /** The mobile number, normalised (11 digits). */
  phone: string;
  code: string;
  expiresAt: Date;
  language: 'zh-CN' | 'en';
}

export interface PhoneNotifier {
  sendPhoneCode(message: PhoneCodeMessage): Promise<void>;
}

export function logPhoneNotifier(line: (text: string) => void = (text) => console.log(`[yichuang] ${text}`)): PhoneNotifier {
  return {
    async sendPhoneCode(m) {
      line(`booking code ${m.code} for phone ${maskPhone(m.phone)} (valid until ${m.expiresAt.toISOString()}; no SMS gateway configured, so it is only logged)`);
    },
  };
}

/** Keeps every message, for tests. */
export function recordingPhoneNotifier(): PhoneNotifier & { sent: PhoneCodeMessage[]; lastCodeFor(phone: string): string | undefined } {
  const sent: PhoneCodeMessage[] = [];
  return {
    sent,
    async sendPhoneCode(m) {
      sent.push(m);
    },
    lastCodeFor: (phone) => [...sent].reverse().find((m) => m.phone === phone.replace(/\D/g, '').slice(-11))?.code,
  };
}
