/** The display's settings come from its URL (set once when the screen is installed), the token also from storage. */
import type { Lang } from '../../../ui-shared/src/i18n';

export const TOKEN_STORAGE_KEY = 'yc.display.token';

export interface DisplayConfig {
  token: string | null;
  lang: Lang;
  /** Zone code: only that zone's counters, calls and counts. */
  zone: string | null;
  /** Counter number: the per-counter screen (窗口屏). */
  counter: number | null;
  /** Overrides the hall's announcementRepeat (1–5). */
  repeat: number | null;
  voice: boolean;
  /** Languages each announcement is spoken in, in order. */
  voiceLangs: Lang[];
}

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const TOKEN_RE = /^[A-Za-z0-9_-]{4,200}$/;

function parseLang(v: string | null): Lang | null {
  if (!v) return null;
  const l = v.trim().toLowerCase();
  if (l === 'en' || l.startsWith('en-')) return 'en';
  if (l === 'zh' || l === 'zh-cn' || l.startsWith('zh-')) return 'zh-CN';
  return null;
}

function parseInt1(v: string | null, min: number, max: number): number | null {
  if (v === null || !/^\d+$/.test(v.trim())) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}

/** Reads the URL; a token in the URL is remembered, so the screen survives a reload from a bare /display/. */
export function readDisplayConfig(search: string, storage: KeyValueStorage | null): DisplayConfig {
  const q = new URLSearchParams(search);
  const urlToken = q.get('token')?.trim() ?? '';
  let token: string | null = null;
  if (TOKEN_RE.test(urlToken)) {
    token = urlToken;
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, token);
    } catch {
      // storage full or disabled: the URL still works
    }
  } else {
    const saved = safeGet(storage);
    token = saved && TOKEN_RE.test(saved) ? saved : null;
  }
  const lang = parseLang(q.get('lang')) ?? 'zh-CN';
  const counter = parseInt1(q.get('counter'), 1, 9999);
  const voiceParam = q.get('voice');
  // A hall display speaks by default; a counter screen is silent unless asked (the hall display speaks for it).
  const voice = voiceParam === null ? counter === null : !['0', 'off', 'false', 'no'].includes(voiceParam.toLowerCase());
  const voiceLangs = (q.get('voiceLang') ?? '')
    .split(/[,+ ]/)
    .map(parseLang)
    .filter((l): l is Lang => l !== null);
  return {
    token,
    lang,
    zone: q.get('zone')?.trim() || null,
    counter,
    repeat: parseInt1(q.get('repeat'), 1, 5),
    voice,
    voiceLangs: voiceLangs.length > 0 ? [...new Set(voiceLangs)] : [lang],
  };
}

function safeGet(storage: KeyValueStorage | null): string | null {
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
