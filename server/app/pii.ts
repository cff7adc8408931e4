/** Field encryption (AES-256-GCM) and keyed look-up hashes (HMAC-SHA256) for identity numbers. */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export function encryptField(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptField(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unknown field encryption format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export function lookupHash(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(`id:${value}`).digest('base64url');
}

export function newToken(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}
