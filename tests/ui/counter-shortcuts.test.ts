/** The keyboard map: one key per action, no browser-reserved combination, a held key runs once. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ALL_ACTIONS } from '../../counter-ui/src/stores/available-actions';
import { createKeyGate, decideKey, matchShortcut, SHORTCUTS, shortcutLabel, type KeyLike } from '../../counter-ui/src/stores/shortcuts';

const key = (k: string, over: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, repeat: false, ...over });

/** Like a DOM KeyboardEvent: the fields are getters on the prototype, not own properties. */
class DomLikeKeyEvent {
  readonly #init: KeyLike;
  constructor(init: KeyLike) {
    this.#init = init;
  }
  get key() {
    return this.#init.key;
  }
  get shiftKey() {
    return this.#init.shiftKey;
  }
  get ctrlKey() {
    return this.#init.ctrlKey;
  }
  get altKey() {
    return this.#init.altKey;
  }
  get metaKey() {
    return this.#init.metaKey;
  }
  get repeat() {
    return this.#init.repeat;
  }
}

const map = suite('shortcut map');
map('the documented keys', () => {
  const expected: Record<string, string> = {
    'call-next': 'F1',
    recall: 'F2',
    start: 'F3',
    finish: 'F4',
    'no-show': 'F5',
    park: 'F6',
    transfer: 'F7',
    'pause-resume': 'F8',
    'call-selected': 'F9',
    'call-back': 'F10',
    reactivate: 'Shift+F9',
    release: 'Shift+F8',
  };
  for (const a of ALL_ACTIONS) assert.is(shortcutLabel(a), expected[a], a);
});
map('no two actions share a key', () => {
  const combos = SHORTCUTS.map((s) => `${s.shift ? 'Shift+' : ''}${s.key}`);
  assert.is(new Set(combos).size, combos.length);
});
map('no browser-reserved keys: only F1–F10, never with Ctrl/Alt/Meta, never F11/F12', () => {
  for (const s of SHORTCUTS) {
    assert.match(s.key, /^F([1-9]|10)$/, s.action);
  }
  assert.is(matchShortcut(key('F11')), null);
  assert.is(matchShortcut(key('F12')), null);
  assert.is(matchShortcut(key('F5', { ctrlKey: true })), null, 'Ctrl+F5 stays a hard reload');
  assert.is(matchShortcut(key('F4', { altKey: true })), null, 'Alt+F4 stays the window’s');
  assert.is(matchShortcut(key('F1', { metaKey: true })), null);
  assert.is(matchShortcut(key('a')), null, 'letters are never shortcuts (typing in dialogs)');
});
map('Shift selects the second action on a key', () => {
  assert.is(matchShortcut(key('F9'))?.action, 'call-selected');
  assert.is(matchShortcut(key('F9', { shiftKey: true }))?.action, 'reactivate');
  assert.is(matchShortcut(key('F8', { shiftKey: true }))?.action, 'release');
  // Shift+F1…F4 are the staff tools (代取号, 补打, 今日预约, 我的评价).
  assert.is(matchShortcut(key('F1', { shiftKey: true }))?.action, 'issue-ticket');
  assert.is(matchShortcut(key('F2', { shiftKey: true }))?.action, 'reprint');
  assert.is(matchShortcut(key('F3', { shiftKey: true }))?.action, 'appointments');
  assert.is(matchShortcut(key('F4', { shiftKey: true }))?.action, 'evaluations');
  assert.is(matchShortcut(key('F5', { shiftKey: true })), null);
});
map.run();

const decide = suite('decideKey');
decide('a first press runs; other keys are left to the browser', () => {
  assert.equal(decideKey(key('F1'), { dialogOpen: false }), { kind: 'run', action: 'call-next' });
  assert.equal(decideKey(key('Enter'), { dialogOpen: false }), { kind: 'ignore' });
});
decide('auto-repeat of a held key is swallowed, not run', () => {
  assert.equal(decideKey(key('F1', { repeat: true }), { dialogOpen: false }), { kind: 'swallow' });
});
decide('while a dialog is open the shortcuts are suspended (and swallowed)', () => {
  assert.equal(decideKey(key('F1'), { dialogOpen: true }), { kind: 'swallow' });
  assert.equal(decideKey(key('Escape'), { dialogOpen: true }), { kind: 'ignore' });
});
decide.run();

const gate = suite('createKeyGate');
gate('a held key runs once even when the platform does not flag repeats', () => {
  let dialog = false;
  const g = createKeyGate(() => dialog);
  assert.equal(g.down(key('F2')), { kind: 'run', action: 'recall' });
  assert.equal(g.down(key('F2')), { kind: 'swallow' });
  assert.equal(g.down(key('F2')), { kind: 'swallow' });
  g.up(key('F2'));
  assert.equal(g.down(key('F2')), { kind: 'run', action: 'recall' });
  g.up(key('F2'));
  dialog = true;
  assert.equal(g.down(key('F2')), { kind: 'swallow' });
});
gate('keys held while the window lost focus are forgotten', () => {
  const g = createKeyGate(() => false);
  g.down(key('F3'));
  g.reset();
  assert.equal(g.down(key('F3')), { kind: 'run', action: 'start' });
});
gate('reads DOM-style events whose fields live on the prototype', () => {
  const g = createKeyGate(() => false);
  const e = new DomLikeKeyEvent(key('F9', { shiftKey: true }));
  assert.equal(g.down(e as unknown as KeyLike), { kind: 'run', action: 'reactivate' });
  g.up(e as unknown as KeyLike);
  assert.equal(g.down(new DomLikeKeyEvent(key('F4', { repeat: true })) as unknown as KeyLike), { kind: 'swallow' });
});
gate.run();
