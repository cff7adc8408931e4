/**
 * The keyboard map of the workstation. Function keys only (no letters, so typing in a dialog
 * never triggers a command), and no combination the browser reserves for itself: F11/F12 and
 * Ctrl/Alt/Meta combinations are left alone. F1–F10 are taken over with preventDefault.
 */
export type ActionId =
  | 'call-next'
  | 'recall'
  | 'start'
  | 'finish'
  | 'no-show'
  | 'park'
  | 'transfer'
  | 'pause-resume'
  | 'call-selected'
  | 'call-back'
  | 'reactivate'
  | 'release'
  | ToolAction;

/** The staff tools beside the calling flow (staff-tools.ts): they open a dialog, they need no ticket in hand. */
export type ToolAction = 'issue-ticket' | 'reprint' | 'appointments' | 'evaluations';
export const TOOL_ACTIONS: readonly ToolAction[] = ['issue-ticket', 'reprint', 'appointments', 'evaluations'];
export const isToolAction = (a: ActionId): a is ToolAction => (TOOL_ACTIONS as readonly string[]).includes(a);

export interface Shortcut {
  action: ActionId;
  /** KeyboardEvent.key */
  key: string;
  shift: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'call-next', key: 'F1', shift: false },
  { action: 'recall', key: 'F2', shift: false },
  { action: 'start', key: 'F3', shift: false },
  { action: 'finish', key: 'F4', shift: false },
  { action: 'no-show', key: 'F5', shift: false },
  { action: 'park', key: 'F6', shift: false },
  { action: 'transfer', key: 'F7', shift: false },
  { action: 'pause-resume', key: 'F8', shift: false },
  { action: 'call-selected', key: 'F9', shift: false },
  { action: 'call-back', key: 'F10', shift: false },
  { action: 'reactivate', key: 'F9', shift: true },
  { action: 'release', key: 'F8', shift: true },
  { action: 'issue-ticket', key: 'F1', shift: true },
  { action: 'reprint', key: 'F2', shift: true },
  { action: 'appointments', key: 'F3', shift: true },
  { action: 'evaluations', key: 'F4', shift: true },
];

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat: boolean;
}

/** The label shown on a button, e.g. "F1" or "Shift+F9". */
export function shortcutLabel(action: ActionId): string {
  const s = SHORTCUTS.find((x) => x.action === action);
  if (!s) return '';
  return s.shift ? `Shift+${s.key}` : s.key;
}

export function matchShortcut(e: KeyLike): Shortcut | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  return SHORTCUTS.find((s) => s.key === e.key && s.shift === e.shiftKey) ?? null;
}

export type KeyDecision =
  /** Not ours: let the browser have it. */
  | { kind: 'ignore' }
  /** Ours, but do nothing (a held key repeating, or a dialog is open): only swallow it. */
  | { kind: 'swallow' }
  | { kind: 'run'; action: ActionId };

/**
 * What to do with a keydown. A held key auto-repeats: only the first press runs a command.
 * While a dialog is open the shortcuts are suspended (the dialog owns the keyboard).
 */
export function decideKey(e: KeyLike, opts: { dialogOpen: boolean }): KeyDecision {
  const s = matchShortcut(e);
  if (!s) return { kind: 'ignore' };
  if (e.repeat || opts.dialogOpen) return { kind: 'swallow' };
  return { kind: 'run', action: s.action };
}

/**
 * Remembers which keys are down, so a held key counts as one press even where the platform does
 * not flag auto-repeat (some remote-desktop clients). Feed it keydown/keyup; reset it on blur.
 */
export interface KeyGate {
  down(e: KeyLike): KeyDecision;
  up(e: Pick<KeyLike, 'key'>): void;
  reset(): void;
}

export function createKeyGate(isDialogOpen: () => boolean): KeyGate {
  const held = new Set<string>();
  return {
    down(e) {
      const repeat = e.repeat || held.has(e.key);
      held.add(e.key);
      // Copy field by field: a DOM KeyboardEvent keeps these on its prototype, where a spread misses them.
      const key: KeyLike = { key: e.key, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, repeat };
      return decideKey(key, { dialogOpen: isDialogOpen() });
    },
    up(e) {
      held.delete(e.key);
    },
    reset() {
      held.clear();
    },
  };
}
