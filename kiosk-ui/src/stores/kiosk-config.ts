/**
 * Device set-up from the address: `?token=` is saved on the device (so the kiosk survives a
 * restart without it), `?idle=T` or `?idle=T,O` sets the idle seconds on the ticket screen (T)
 * and elsewhere (O).
 */
export interface IdleSeconds {
  ticket: number;
  other: number;
}

export interface KioskConfig {
  token: string | null;
  idle: IdleSeconds;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const TOKEN_KEY = 'yichuang.kiosk.token';
export const DEFAULT_IDLE: IdleSeconds = { ticket: 30, other: 60 };

function seconds(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d{1,4}$/.test(raw.trim())) return null;
  const n = Number(raw);
  return n >= 3 && n <= 3600 ? n : null;
}

export function parseIdle(raw: string | null): IdleSeconds {
  if (!raw) return { ...DEFAULT_IDLE };
  const [a, b] = raw.split(',');
  const ticket = seconds(a) ?? DEFAULT_IDLE.ticket;
  return { ticket, other: seconds(b) ?? Math.max(DEFAULT_IDLE.other, ticket) };
}

export function readKioskConfig(search: string, storage: StorageLike | null): KioskConfig {
  const params = new URLSearchParams(search);
  const fromUrl = params.get('token')?.trim() || null;
  if (fromUrl) storage?.setItem(TOKEN_KEY, fromUrl);
  const token = fromUrl ?? storage?.getItem(TOKEN_KEY) ?? null;
  return { token, idle: parseIdle(params.get('idle')) };
}
