/**
 * Rules of the pause and transfer dialogs, kept out of the components. Reasons are stored in the
 * hall's working language (zh-CN) because managers read them on dashboards and in the audit log;
 * the screen shows them translated where they are presets.
 */
import type { Lang } from '../../../ui-shared/src/i18n';
import type { TransferInput } from './counter-desk';

export const PAUSE_PRESETS = ['rest', 'meeting', 'study', 'other'] as const;
export type PausePreset = (typeof PAUSE_PRESETS)[number];

const PAUSE_TEXT: Record<Lang, Record<PausePreset, string>> = {
  'zh-CN': { rest: '休息', meeting: '会议', study: '业务学习', other: '其他' },
  en: { rest: 'Break', meeting: 'Meeting', study: 'Training', other: 'Other' },
};

export const PAUSE_REASON_MAX = 60;
export const TRANSFER_REASON_MAX = 200;
const SEPARATOR = '：';

export type PauseProblem = 'choose' | 'detailRequired' | 'tooLong';

export function pauseLabel(lang: Lang, preset: PausePreset): string {
  return PAUSE_TEXT[lang][preset];
}

/** The reason sent with counter:pause: the preset in zh-CN, and the detail if any ("会议：科室例会"). */
export function pauseReason(preset: PausePreset | null, detail: string): { ok: true; reason: string } | { ok: false; problem: PauseProblem } {
  const text = detail.trim();
  if (!preset) return { ok: false, problem: 'choose' };
  if (preset === 'other' && !text) return { ok: false, problem: 'detailRequired' };
  const reason = text ? `${PAUSE_TEXT['zh-CN'][preset]}${SEPARATOR}${text}` : PAUSE_TEXT['zh-CN'][preset];
  return reason.length > PAUSE_REASON_MAX ? { ok: false, problem: 'tooLong' } : { ok: true, reason };
}

/** A stored pause reason for display: a known preset prefix is translated, free text is kept. */
export function displayPauseReason(lang: Lang, reason: string | null): string {
  if (!reason) return '';
  for (const p of PAUSE_PRESETS) {
    const zh = PAUSE_TEXT['zh-CN'][p];
    if (reason === zh) return PAUSE_TEXT[lang][p];
    if (reason.startsWith(zh + SEPARATOR)) return `${PAUSE_TEXT[lang][p]}${lang === 'zh-CN' ? SEPARATOR : ': '}${reason.slice(zh.length + 1)}`;
  }
  return reason;
}

export const TRANSFER_PRESETS = ['wrongMatter', 'specialist', 'otherZone'] as const;
export type TransferPreset = (typeof TRANSFER_PRESETS)[number];

const TRANSFER_TEXT: Record<Lang, Record<TransferPreset, string>> = {
  'zh-CN': { wrongMatter: '取号事项不符', specialist: '需专业窗口办理', otherZone: '属其他服务区业务' },
  en: { wrongMatter: 'Ticket taken for the wrong matter', specialist: 'Needs a specialist counter', otherZone: 'Belongs to another zone' },
};

export function transferPresetText(lang: Lang, preset: TransferPreset): string {
  return TRANSFER_TEXT[lang][preset];
}

export type TransferProblem = 'target' | 'reason' | 'tooLong';

/** Choosing the ticket's own matter is no change of matter. */
export function normaliseTransfer(input: TransferInput, currentMatterId: string): TransferInput {
  return { ...input, toMatterId: input.toMatterId === currentMatterId ? null : input.toMatterId, reason: input.reason.trim() };
}

export function transferProblem(input: TransferInput): TransferProblem | null {
  if (!input.toMatterId && !input.toCounterId) return 'target';
  const reason = input.reason.trim();
  if (!reason) return 'reason';
  return reason.length > TRANSFER_REASON_MAX ? 'tooLong' : null;
}
