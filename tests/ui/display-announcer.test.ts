/** The announcement queue and its text: digits read one by one, repeats, no overlap, recall, safety timeout. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Lang } from '../../ui-shared/src/i18n';
import { announcementText, spellTicket } from '../../display-ui/src/stores/announcement-text';
import { announcementItems, createAnnouncer, type SpeechBackend } from '../../display-ui/src/stores/announcer';
import { call } from './display-fixture';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface FakeBackend extends SpeechBackend {
  log: string[];
  maxActive: number;
  cancels: number;
  /** Pending `done` callbacks of utterances that never ended by themselves. */
  hanging: (() => void)[];
}

/** Speech that takes `speakMs` (or never ends when `hang` says so), recording every start and how many play at once. */
function fakeBackend(opts: { speakMs?: number; chimeMs?: number; hang?: (text: string, n: number) => boolean } = {}): FakeBackend {
  let active = 0;
  let n = 0;
  const b: FakeBackend = {
    log: [],
    maxActive: 0,
    cancels: 0,
    hanging: [],
    async chime() {
      active++;
      b.maxActive = Math.max(b.maxActive, active);
      b.log.push('chime');
      await sleep(opts.chimeMs ?? 1);
      active--;
    },
    speak(text: string, lang: Lang, done: () => void) {
      active++;
      b.maxActive = Math.max(b.maxActive, active);
      b.log.push(`${lang}|${text}`);
      if (opts.hang?.(text, n++)) {
        b.hanging.push(() => done());
        return;
      }
      setTimeout(() => {
        active--;
        done();
      }, opts.speakMs ?? 3);
    },
    cancel() {
      b.cancels++;
      if (active > 0) active--;
    },
  };
  return b;
}

const fast = { gapMs: 1, chimeTimeoutMs: 50, utteranceTimeoutMs: () => 200 };

const text = suite('announcement text');

text('A023 at counter 5, in Mandarin: every character on its own', () => {
  assert.is(spellTicket('A023', 'zh-CN'), 'A 零 二 三');
  assert.is(announcementText({ number: 'A023', counterNumber: 5 }, 'zh-CN'), '请 A 零 二 三 号 到 5 号窗口办理');
});

text('A023 at counter 5, in English', () => {
  assert.is(spellTicket('A023', 'en'), 'A 0 2 3');
  assert.is(announcementText({ number: 'A023', counterNumber: 5 }, 'en'), 'Number A 0 2 3, please go to counter 5');
});

text('two-letter prefixes, zeros and counter numbers above nine', () => {
  assert.is(announcementText({ number: 'AB100', counterNumber: 12 }, 'zh-CN'), '请 A B 一 零 零 号 到 12 号窗口办理');
  assert.is(spellTicket(' c007 ', 'en'), 'C 0 0 7');
});

text('items: repeat × languages, repeat clamped to 1–5', () => {
  const c = call(1, 't1', 'A023', 5);
  assert.equal(
    announcementItems(c, 2, ['zh-CN', 'en']).map((i) => i.lang),
    ['zh-CN', 'en', 'zh-CN', 'en'],
  );
  assert.is(announcementItems(c, 0, ['zh-CN']).length, 1);
  assert.is(announcementItems(c, 99, ['zh-CN']).length, 5);
});

text.run();

const queue = suite('announcement queue');

queue('one call: a chime, then the text `repeat` times', async () => {
  const b = fakeBackend();
  const a = createAnnouncer({ backend: b, repeat: () => 3, langs: ['zh-CN'], ...fast });
  a.announce(call(1, 't1', 'A023', 5));
  await a.idle();
  const zh = 'zh-CN|请 A 零 二 三 号 到 5 号窗口办理';
  assert.equal(b.log, ['chime', zh, zh, zh]);
});

queue('the repeat count is read when an announcement starts (the hall setting can change)', async () => {
  let repeat = 1;
  const b = fakeBackend();
  const a = createAnnouncer({ backend: b, repeat: () => repeat, langs: ['en'], ...fast });
  a.announce(call(1, 't1', 'A001', 1));
  await a.idle();
  repeat = 2;
  a.announce(call(2, 't2', 'A002', 1));
  await a.idle();
  assert.is(b.log.filter((l) => l.includes('A 0 0 1')).length, 1);
  assert.is(b.log.filter((l) => l.includes('A 0 0 2')).length, 2);
});

queue('a burst of calls is queued and never overlaps, in call order', async () => {
  const b = fakeBackend({ speakMs: 8, chimeMs: 4 });
  const a = createAnnouncer({ backend: b, repeat: () => 2, langs: ['zh-CN'], ...fast });
  a.announce(call(1, 't1', 'A001', 1));
  a.announce(call(2, 't2', 'C002', 5));
  await sleep(5);
  a.announce(call(3, 't3', 'F003', 7));
  assert.ok(a.current.get(), 'something is being announced');
  await a.idle();
  assert.is(b.maxActive, 1, 'at most one sound at a time');
  assert.is(b.log.length, 9, '3 × (chime + 2 utterances)');
  const order = b.log.filter((l) => l !== 'chime').map((l) => l.split('|')[1]!.split(' 号')[0]);
  assert.equal(order, ['请 A 零 零 一', '请 A 零 零 一', '请 C 零 零 二', '请 C 零 零 二', '请 F 零 零 三', '请 F 零 零 三']);
  assert.is(a.current.get(), null);
  assert.is(a.pending(), 0);
});

queue('through a burst the current call only moves on when the voice does (the screen follows it), then clears', async () => {
  const b = fakeBackend({ speakMs: 6, chimeMs: 2 });
  const a = createAnnouncer({ backend: b, repeat: () => 1, langs: ['zh-CN'], gapMs: 5, chimeTimeoutMs: 50, utteranceTimeoutMs: () => 200 });
  const seen: (string | null)[] = [];
  a.current.subscribe((c) => seen.push(c?.number ?? null));
  a.announce(call(1, 't1', 'A001', 1));
  a.announce(call(2, 't2', 'C002', 5));
  a.announce(call(3, 't3', 'F003', 7));
  await a.idle();
  const changes = seen.filter((v, i) => i === 0 || v !== seen[i - 1]);
  // (the store may report its initial null first)
  assert.equal(changes.slice(changes[0] === null ? 1 : 0), ['A001', 'C002', 'F003', null], 'no null between queued calls');
});

queue('a recall is announced again; the same call (same seq) only once', async () => {
  const b = fakeBackend();
  const a = createAnnouncer({ backend: b, repeat: () => 1, langs: ['zh-CN'], ...fast });
  const first = call(4, 't1', 'A023', 5);
  a.announce(first);
  await a.idle();
  a.announce(first); // the same fact seen again after a resync
  await a.idle();
  a.announce(call(9, 't1', 'A023', 5, undefined, true));
  await a.idle();
  assert.equal(b.log, ['chime', 'zh-CN|请 A 零 二 三 号 到 5 号窗口办理', 'chime', 'zh-CN|请 A 零 二 三 号 到 5 号窗口办理']);
});

queue('a recall of a call still waiting in the queue is not spoken twice', async () => {
  const b = fakeBackend({ speakMs: 10 });
  const a = createAnnouncer({ backend: b, repeat: () => 1, langs: ['zh-CN'], ...fast });
  a.announce(call(1, 't0', 'A000', 1));
  a.announce(call(2, 't1', 'A023', 5));
  a.announce(call(3, 't1', 'A023', 5, undefined, true));
  assert.is(a.pending(), 1);
  await a.idle();
  assert.is(b.log.filter((l) => l.includes('A 零 二 三')).length, 1);
});

queue('safety timeout: an utterance whose end never fires is cancelled and the queue goes on', async () => {
  const b = fakeBackend({ hang: (_t, n) => n === 0 });
  const a = createAnnouncer({ backend: b, repeat: () => 2, langs: ['zh-CN'], gapMs: 1, chimeTimeoutMs: 50, utteranceTimeoutMs: () => 30 });
  const started = Date.now();
  a.announce(call(1, 't1', 'A023', 5));
  a.announce(call(2, 't2', 'C001', 4));
  await a.idle();
  assert.ok(Date.now() - started >= 30, 'waited for the timeout');
  assert.is(a.timeouts(), 1);
  assert.is(b.cancels, 1, 'the stuck utterance was stopped before the next one');
  assert.is(b.log.filter((l) => l !== 'chime').length, 4, 'every utterance still spoken');
  // The late end of the stuck utterance changes nothing.
  b.hanging[0]!();
  await sleep(5);
  assert.is(b.log.length, 6);
  assert.is(a.pending(), 0);
});

queue('a chime that never resolves does not block the announcement', async () => {
  const b = fakeBackend();
  b.chime = () => new Promise<void>(() => {});
  const a = createAnnouncer({ backend: b, repeat: () => 1, langs: ['en'], gapMs: 1, chimeTimeoutMs: 20, utteranceTimeoutMs: () => 200 });
  a.announce(call(1, 't1', 'A023', 5));
  await a.idle();
  assert.equal(b.log, ['en|Number A 0 2 3, please go to counter 5']);
});

queue('a backend that throws is skipped, not fatal', async () => {
  const b = fakeBackend();
  b.speak = () => {
    throw new Error('no speech engine');
  };
  const a = createAnnouncer({ backend: b, repeat: () => 2, langs: ['zh-CN'], ...fast });
  a.announce(call(1, 't1', 'A023', 5));
  await a.idle();
  assert.is(a.pending(), 0);
  assert.is(a.current.get(), null);
});

queue('a long burst keeps only the newest announcements', async () => {
  const b = fakeBackend({ speakMs: 5 });
  const a = createAnnouncer({ backend: b, repeat: () => 1, langs: ['en'], ...fast, maxPending: 2 });
  for (let i = 1; i <= 6; i++) a.announce(call(i, `t${i}`, `A00${i}`, 1));
  await a.idle();
  const spoken = b.log.filter((l) => l !== 'chime').map((l) => l.split(',')[0]);
  assert.equal(spoken, ['en|Number A 0 0 1', 'en|Number A 0 0 5', 'en|Number A 0 0 6']);
});

queue('bilingual halls: each repetition in every voice language', async () => {
  const b = fakeBackend();
  const a = createAnnouncer({ backend: b, repeat: () => 1, langs: ['zh-CN', 'en'], ...fast });
  a.announce(call(1, 't1', 'A023', 5));
  await a.idle();
  assert.equal(b.log, ['chime', 'zh-CN|请 A 零 二 三 号 到 5 号窗口办理', 'en|Number A 0 2 3, please go to counter 5']);
});

queue('dispose stops speech and drops the queue', async () => {
  const b = fakeBackend({ speakMs: 20 });
  const a = createAnnouncer({ backend: b, repeat: () => 3, langs: ['zh-CN'], ...fast });
  a.announce(call(1, 't1', 'A023', 5));
  a.announce(call(2, 't2', 'A024', 5));
  await sleep(5);
  a.dispose();
  await a.idle();
  assert.ok(b.cancels >= 1);
  assert.ok(b.log.filter((l) => l.includes('A 零 二 四')).length === 0);
  a.announce(call(3, 't3', 'A025', 5));
  assert.is(a.pending(), 0);
});

queue.run();
