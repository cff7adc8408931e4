/**
 * <yc-rating-form>: THE rating form, used by the counter's evaluator pad and by the ticket's phone
 * page. Five levels, nothing pre-selected. A tap on 3–5 submits at once; 1–2 open the reason step
 * (preset reasons + optional text) and submit only with a reason. It never submits by itself.
 * It emits `rating-submit` ({ level, reasons, text }); the page sends it and sets `busy` / `error`.
 */
import { css, html, LitElement, nothing } from 'lit';
import {
  BAD_REVIEW_REASONS,
  EVALUATION_LEVELS_SHOWN,
  LEVEL_NAMES,
  REASON_NAMES,
  REASON_TEXT_MAX,
  type BadReviewReason,
  type EvaluationLevel,
} from '../../server/protocol/evaluations';
import type { Lang } from './i18n';
import { tokens } from './tokens.css';

export interface RatingSubmit {
  level: EvaluationLevel;
  reasons: BadReviewReason[];
  text?: string;
}

const WORDS: Record<Lang, Record<'prompt' | 'why' | 'other' | 'submit' | 'back' | 'need_reason' | 'sending', string>> = {
  'zh-CN': {
    prompt: '请您对本次服务进行评价',
    why: '请告诉我们不满意的原因（可多选）',
    other: '其他意见（选填）',
    submit: '提交评价',
    back: '重新选择',
    need_reason: '请至少选择一项原因，或写下您的意见',
    sending: '正在提交…',
  },
  en: {
    prompt: 'Please rate this service',
    why: 'Please tell us what went wrong (choose any)',
    other: 'Anything else (optional)',
    submit: 'Submit',
    back: 'Choose again',
    need_reason: 'Please choose at least one reason or write a few words',
    sending: 'Sending…',
  },
};

export class YcRatingForm extends LitElement {
  static override properties = {
    language: { type: String },
    variant: { type: String, reflect: true },
    busy: { type: Boolean },
    error: { type: String },
    heading: { type: String },
    level: { state: true },
    reasons: { state: true },
    text: { state: true },
    missingReason: { state: true },
  };

  declare language: Lang;
  /** 'pad': the counter tablet (landscape, very large); 'phone': a narrow column. */
  declare variant: 'pad' | 'phone';
  declare busy: boolean;
  declare error: string;
  /** Optional heading instead of the default prompt. */
  declare heading: string;
  declare level: EvaluationLevel | null;
  declare reasons: BadReviewReason[];
  declare text: string;
  declare missingReason: boolean;

  constructor() {
    super();
    this.language = 'zh-CN';
    this.variant = 'phone';
    this.busy = false;
    this.error = '';
    this.heading = '';
    this.level = null;
    this.reasons = [];
    this.text = '';
    this.missingReason = false;
  }

  /** Back to nothing selected (e.g. a new service). */
  reset(): void {
    this.level = null;
    this.reasons = [];
    this.text = '';
    this.missingReason = false;
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        --rf-font: 1.25rem;
        --rf-level-h: 72px;
      }
      :host([variant='pad']) {
        --rf-font: 2rem;
        --rf-level-h: 260px;
      }
      h2 {
        margin: 0 0 var(--yc-space-3);
        font-size: calc(var(--rf-font) * 1.1);
        text-align: center;
      }
      .levels {
        display: grid;
        gap: var(--yc-space-3);
        grid-template-columns: 1fr;
      }
      :host([variant='pad']) .levels {
        grid-template-columns: repeat(5, minmax(0, 1fr));
      }
      .level > span {
        text-align: center;
        overflow-wrap: break-word;
        min-width: 0;
      }
      .level {
        font: inherit;
        font-size: var(--rf-font);
        font-weight: 700;
        min-height: var(--rf-level-h);
        border: 4px solid transparent;
        border-radius: 16px;
        color: #fff;
        cursor: pointer;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 8px;
        touch-action: manipulation;
      }
      .level .n {
        font-size: calc(var(--rf-font) * 1.4);
        line-height: 1;
      }
      :host([variant='phone']) .level {
        flex-direction: row;
        justify-content: flex-start;
        padding: 0 var(--yc-space-4);
        gap: var(--yc-space-3);
      }
      .level[data-level='5'] { background: #0d5c2e; }
      .level[data-level='4'] { background: #1b7f3b; }
      .level[data-level='3'] { background: #0b5cad; }
      .level[data-level='2'] { background: #a34a00; }
      .level[data-level='1'] { background: #b3141b; }
      .level[aria-pressed='true'] {
        border-color: #111;
        outline: 4px solid #ffd54f;
      }
      .level:disabled { opacity: 0.6; cursor: default; }
      /* While a reason is asked for, the levels shrink so the whole form fits the pad's screen. */
      :host([variant='pad']) .levels.compact .level {
        min-height: 96px;
        flex-direction: row;
        gap: 12px;
      }
      :host([variant='pad']) .levels.compact .level .n {
        font-size: var(--rf-font);
      }
      /* A pad mounted upright (e.g. 800×1280): one full-width row per level, best first. */
      @media (max-width: 900px) {
        :host([variant='pad']) .levels {
          grid-template-columns: 1fr;
        }
        :host([variant='pad']) .level {
          min-height: 128px;
          flex-direction: row;
          justify-content: flex-start;
          padding: 0 var(--yc-space-5);
          gap: var(--yc-space-4);
        }
        :host([variant='pad']) .levels.compact .level {
          min-height: 72px;
        }
      }
      :host([variant='pad']) .why {
        margin-top: var(--yc-space-3);
      }
      :host([variant='pad']) textarea {
        min-height: 56px !important;
      }
      :host([variant='pad']) .row {
        margin-top: var(--yc-space-3);
      }
      .why {
        margin-top: var(--yc-space-4);
      }
      .why h3 {
        font-size: var(--rf-font);
        margin: 0 0 var(--yc-space-3);
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: var(--yc-space-3);
      }
      .chip {
        font: inherit;
        font-size: calc(var(--rf-font) * 0.8);
        min-height: 56px;
        padding: 0 var(--yc-space-4);
        border-radius: 999px;
        border: 3px solid #1b2430;
        background: #fff;
        color: #1b2430;
        cursor: pointer;
        touch-action: manipulation;
      }
      .chip[aria-pressed='true'] {
        background: #1b2430;
        color: #fff;
      }
      label {
        display: block;
        margin-top: var(--yc-space-3);
        font-size: calc(var(--rf-font) * 0.8);
      }
      textarea {
        display: block;
        box-sizing: border-box;
        width: 100%;
        margin-top: var(--yc-space-2);
        font: inherit;
        font-size: calc(var(--rf-font) * 0.8);
        min-height: 96px;
        border: 3px solid #1b2430;
        border-radius: 12px;
        padding: var(--yc-space-2);
      }
      .row {
        display: flex;
        gap: var(--yc-space-3);
        margin-top: var(--yc-space-4);
      }
      .primary,
      .secondary {
        font: inherit;
        font-size: var(--rf-font);
        font-weight: 700;
        min-height: 72px;
        padding: 0 var(--yc-space-5);
        border-radius: 14px;
        cursor: pointer;
        touch-action: manipulation;
      }
      .primary {
        flex: 1;
        background: var(--yc-primary);
        color: #fff;
        border: none;
      }
      .secondary {
        background: #fff;
        color: #1b2430;
        border: 3px solid #1b2430;
      }
      .alert {
        margin-top: var(--yc-space-3);
        padding: var(--yc-space-3);
        border-radius: 12px;
        background: #fdecea;
        color: #8e1116;
        font-size: calc(var(--rf-font) * 0.8);
        font-weight: 700;
      }
    `,
  ];

  private pick(level: EvaluationLevel): void {
    if (this.busy) return;
    this.level = level;
    this.missingReason = false;
    if (level >= 3) this.send({ level, reasons: [] });
  }

  private toggle(reason: BadReviewReason): void {
    this.reasons = this.reasons.includes(reason) ? this.reasons.filter((r) => r !== reason) : [...this.reasons, reason];
    this.missingReason = false;
  }

  private submitBad(): void {
    if (this.level === null || this.busy) return;
    const text = this.text.trim();
    if (this.reasons.length === 0 && text.length === 0) {
      this.missingReason = true;
      return;
    }
    this.send({ level: this.level, reasons: this.reasons, ...(text && { text }) });
  }

  private send(detail: RatingSubmit): void {
    this.dispatchEvent(new CustomEvent<RatingSubmit>('rating-submit', { detail, bubbles: true, composed: true }));
  }

  override render() {
    const w = WORDS[this.language];
    const bad = this.level !== null && this.level <= 2;
    return html`
      <h2>${this.heading || w.prompt}</h2>
      <div class="levels ${bad ? 'compact' : ''}" role="group" aria-label=${w.prompt}>
        ${EVALUATION_LEVELS_SHOWN.map(
          (l) => html`<button
            class="level"
            data-level=${l}
            aria-pressed=${this.level === l ? 'true' : 'false'}
            ?disabled=${this.busy}
            @click=${() => this.pick(l)}
          >
            <span class="n">${l}</span><span>${LEVEL_NAMES[l][this.language]}</span>
          </button>`,
        )}
      </div>
      ${bad
        ? html`<section class="why" aria-live="polite">
            <h3>${w.why}</h3>
            <div class="chips">
              ${BAD_REVIEW_REASONS.map(
                (r) => html`<button class="chip" data-reason=${r} aria-pressed=${this.reasons.includes(r) ? 'true' : 'false'} @click=${() => this.toggle(r)}>
                  ${REASON_NAMES[r][this.language]}
                </button>`,
              )}
            </div>
            <label
              >${w.other}
              <textarea
                maxlength=${REASON_TEXT_MAX}
                .value=${this.text}
                @input=${(e: Event) => {
                  this.text = (e.target as HTMLTextAreaElement).value;
                  this.missingReason = false;
                }}
              ></textarea>
            </label>
            ${this.missingReason ? html`<div class="alert" role="alert" data-alert="need-reason">${w.need_reason}</div>` : nothing}
            <div class="row">
              <button class="secondary" @click=${() => this.reset()}>${w.back}</button>
              <button class="primary" data-action="submit" ?disabled=${this.busy} @click=${() => this.submitBad()}>${this.busy ? w.sending : w.submit}</button>
            </div>
          </section>`
        : nothing}
      ${this.error ? html`<div class="alert" role="alert" data-alert="error">${this.error}</div>` : nothing}
    `;
  }
}

if (!customElements.get('yc-rating-form')) customElements.define('yc-rating-form', YcRatingForm);
