/** One line of feedback: an error in plain words or a short confirmation. Dismissable. */
import { LitElement, css, html, nothing } from 'lit';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { t } from '../i18n/messages';
import { shared } from '../styles/shared.css';

export class YcNoticeBar extends LitElement {
  static override properties = { kind: {}, text: {}, actionText: {} };
  declare kind: 'error' | 'info';
  declare text: string;
  /** A button offering the fix (e.g. "释放 4 号窗口"); fires 'action'. */
  declare actionText: string;

  static override styles = [
    tokens,
    shared,
    css`
      div {
        display: flex;
        align-items: center;
        gap: var(--yc-space-3);
        padding: 10px 10px 10px 16px;
        border-radius: 8px;
        border: 1px solid;
        font-size: 0.95rem;
      }
      .error {
        background: var(--yc-bad-bg);
        border-color: #ecbcbc;
        color: #8e1c1c;
      }
      .info {
        background: var(--yc-accent-bg);
        border-color: #c5d7ee;
        color: #0a4a8a;
      }
      p {
        flex: 1;
        margin: 0;
      }
      button {
        border: 0;
        background: transparent;
        color: inherit;
        font-size: 1.2rem;
        line-height: 1;
        padding: 4px 8px;
        border-radius: 6px;
      }
      button:hover {
        background: rgba(0, 0, 0, 0.06);
      }
      button.action {
        font-size: 0.95rem;
        font-weight: 600;
        padding: 6px 14px;
        border: 1px solid currentColor;
        white-space: nowrap;
      }
    `,
  ];

  constructor() {
    super();
    this.kind = 'info';
    this.text = '';
    this.actionText = '';
  }

  override render() {
    if (!this.text) return nothing;
    return html`<div class=${this.kind} role=${this.kind === 'error' ? 'alert' : 'status'} data-testid="notice" data-kind=${this.kind}>
      <p>${this.text}</p>
      ${this.actionText
        ? html`<button type="button" class="action" data-testid="notice-action" @click=${() => this.dispatchEvent(new CustomEvent('action', { bubbles: true, composed: true }))}>
            ${this.actionText}
          </button>`
        : nothing}
      <button type="button" aria-label=${t('notice.dismiss')} title=${t('notice.dismiss')} @click=${this.dismiss}>×</button>
    </div>`;
  }

  private dismiss() {
    this.dispatchEvent(new CustomEvent('dismiss', { bubbles: true, composed: true }));
  }
}

customElements.define('yc-notice-bar', YcNoticeBar);
