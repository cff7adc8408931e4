/**
 * The announcement queue: a chime, then the call spoken `repeat` times (in each voice language),
 * one announcement at a time. An utterance whose end never arrives is cut off after a safety
 * timeout, so a stuck speech engine cannot silence the hall. Plain TS with an injectable backend.
 */
import type { Lang } from '../../../ui-shared/src/i18n';
import { createStore, type Store } from '../../../ui-shared/src/store';
import type { CallView } from '../../../server/protocol/views';
import { announcementText } from './announcement-text';

export interface SpeechBackend {
  /** A short attention tone; resolves when it has played (or at once if there is no audio). */
  chime(): Promise<void>;
  /** Speaks one utterance and calls `done` when it ends or fails. `done` may never come: the announcer copes. */
  speak(text: string, lang: Lang, done: () => void): void;
  /** Stops the current utterance (after a timeout, or on dispose). */
  cancel(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AnnouncerOptions {
  backend: SpeechBackend;
  /** How many times each call is spoken; read when the announcement starts (the hall setting may change). */
  repeat: () => number;
  langs: Lang[];
  timers?: Timers;
  /** Pause between repetitions and between announcements. */
  gapMs?: number;
  chimeTimeoutMs?: number;
  /** Longest an utterance may take before it is cut off; default grows with the text. */
  utteranceTimeoutMs?: (text: string) => number;
  /** Announcements waiting beyond this are dropped, oldest first (a burst must not keep the hall talking for minutes). */
  maxPending?: number;
}

export interface SpokenItem {
  text: string;
  lang: Lang;
}

export interface Announcer {
  /** The call being announced now (kept through the pause before the next queued one), for the screen to show and highlight. */
  current: Store<CallView | null>;
  announce(call: CallView): void;
  pending(): number;
  /** Utterances cut off by the safety timeout (diagnostics). */
  timeouts(): number;
  /** Resolves when nothing is queued or playing. */
  idle(): Promise<void>;
  dispose(): void;
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function defaultUtteranceTimeout(text: string): number {
  return Math.max(6000, text.length * 450);
}

export function announcementItems(call: CallView, repeat: number, langs: Lang[]): SpokenItem[] {
  const items: SpokenItem[] = [];
  const times = Math.max(1, Math.min(5, Math.floor(repeat) || 1));
  for (let i = 0; i < times; i++) for (const lang of langs) items.push({ text: announcementText(call, lang), lang });
  return items;
}

export function createAnnouncer(opts: AnnouncerOptions): Announcer {
  const timers = opts.timers ?? defaultTimers;
  const gapMs = opts.gapMs ?? 600;
  const chimeTimeoutMs = opts.chimeTimeoutMs ?? 3000;
  const utteranceTimeout = opts.utteranceTimeoutMs ?? defaultUtteranceTimeout;
  const maxPending = opts.maxPending ?? 6;
  const current = createStore<CallView | null>(null);
  const queue: CallView[] = [];
  const seen = new Set<number>();
  let running: Promise<void> | null = null;
  let disposed = false;
  let timeoutCount = 0;

  const sleep = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? timers.setTimeout(resolve, ms) : resolve()));

  /** Waits for `start(done)` to call done, or for the timeout; whichever is first. Late callbacks are ignored. */
  function bounded(ms: number, start: (done: () => void) => void, onTimeout: () => void): Promise<void> {
    return new Promise<void>((resolve) => {
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        timers.clearTimeout(handle);
        resolve();
      };
      const handle = timers.setTimeout(() => {
        if (finished) return;
        onTimeout();
        finish();
      }, ms);
      try {
        start(finish);
      } catch {
        finish();
      }
    });
  }

  async function play(call: CallView): Promise<void> {
    await bounded(chimeTimeoutMs, (done) => void opts.backend.chime().then(done, done), () => {});
    const items = announcementItems(call, opts.repeat(), opts.langs);
    for (const [i, item] of items.entries()) {
      if (disposed) return;
      await bounded(utteranceTimeout(item.text), (done) => opts.backend.speak(item.text, item.lang, done), () => {
        timeoutCount++;
        opts.backend.cancel();
      });
      if (i < items.length - 1) await sleep(gapMs);
    }
  }

  async function drain(): Promise<void> {
    while (queue.length > 0 && !disposed) {
      const call = queue.shift()!;
      current.set(call);
      await play(call);
      // Between two queued announcements the finished call stays current: the screen must not jump
      // ahead to a call the voice has not read yet.
      if (queue.length === 0 || disposed) current.set(null);
      else await sleep(gapMs);
    }
  }

  function kick(): void {
    if (running || disposed) return;
    running = drain().finally(() => {
      running = null;
      if (queue.length > 0 && !disposed) kick();
    });
  }

  return {
    current,
    announce(call) {
      if (disposed || seen.has(call.seq)) return;
      seen.add(call.seq);
      if (seen.size > 500) seen.delete(seen.values().next().value as number);
      // The same ticket to the same counter already waiting to be spoken: once is enough.
      if (queue.some((q) => q.ticketId === call.ticketId && q.counterNumber === call.counterNumber)) return;
      queue.push(call);
      while (queue.length > maxPending) queue.shift();
      kick();
    },
    pending: () => queue.length,
    timeouts: () => timeoutCount,
    async idle() {
      while (running) await running;
    },
    dispose() {
      disposed = true;
      queue.length = 0;
      opts.backend.cancel();
      current.set(null);
    },
  };
}
