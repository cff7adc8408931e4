/**
 * Identity number entry: the typed characters (grouped 6-8-4 for reading back), the verdict of
 * the same GB 11643 check the server runs, and the keypad (digits, X as the 18th, delete, clear):
 * three keys wide, five in large type (three rows of 96 px keys instead of five, so the whole
 * options screen fits a 1280×1024 kiosk without scrolling).
 */
import { css, html } from 'lit';
import { idNumberMessages, type IdNumberFailure } from '../../../server/protocol/identity-number';
import { groupIdNumber, ID_LENGTH, idKeyEnabled } from '../stores/keypad-input';
import { kioskBase } from '../styles/kiosk-styles';
import type { PadKeyDef } from './kiosk-keypad';
import './kiosk-keypad';
import { KioskScreen } from './kiosk-screen';

export class KioskIdField extends KioskScreen {
  static override properties = {
    ...KioskScreen.properties,
    value: {},
    error: { attribute: false },
    serverError: { attribute: false },
    label: {},
    note: {},
  };
  declare value: string;
  declare error: IdNumberFailure | null;
  declare serverError: string | null;
  declare label: string;
  /** A line under the keypad (the automatic elderly priority). */
  declare note: string;

  constructor() {
    super();
    this.value = '';
    this.error = null;
    this.serverError = null;
    this.label = '';
    this.note = '';
  }

  static override styles = [
    kioskBase,
    css`
      label {
        display: block;
        font-weight: 700;
        margin-bottom: 8px;
      }
      .field {
        min-height: calc(var(--k-touch) * 1.2);
        display: flex;
        align-items: center;
        padding: 0 20px;
        border: var(--k-border);
        border-radius: var(--k-radius);
        background: var(--k-surface);
        font-size: var(--k-font-lg);
        font-family: ui-monospace, 'Noto Sans Mono CJK SC', monospace;
        letter-spacing: 0.06em;
        overflow-wrap: anywhere;
      }
      .field.bad {
        border-color: var(--k-bad);
        border-width: 4px;
      }
      .field.ok {
        border-color: var(--k-ok);
        border-width: 4px;
      }
      .placeholder {
        color: var(--k-muted);
        font-family: var(--yc-font);
        font-size: var(--k-font);
        letter-spacing: 0;
      }
      .count {
        margin-left: auto;
        font-size: var(--k-font-sm);
        color: var(--k-muted);
      }
      .status {
        min-height: 2.8em;
        margin: 8px 0 12px;
        font-size: var(--k-font-sm);
      }
      .note {
        font-size: var(--k-font-sm);
        margin-top: 12px;
      }
      .status .message-bad {
        font-size: var(--k-font);
        background: #fdecec;
        border-left: 8px solid var(--k-bad);
        padding: 8px 12px;
        border-radius: 6px;
      }
    `,
  ];

  private keys(): PadKeyDef[] {
    const v = this.value;
    const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '0'].map((k) => ({ key: k, label: k, disabled: !idKeyEnabled(v, k) }));
    return [
      ...digits,
      { key: 'back', label: `⌫ ${this.t('key_back')}`, disabled: !idKeyEnabled(v, 'back') },
      { key: 'clear', label: this.t('key_clear'), disabled: !idKeyEnabled(v, 'clear'), span: 3 },
    ];
  }

  private status() {
    const lang = this.locale === 'en' ? 'en' : 'zh-CN';
    if (this.error) return html`<p class="message-bad" role="alert" id="id-error">⚠ ${idNumberMessages[this.error][lang]}</p>`;
    if (this.serverError) return html`<p class="message-bad" role="alert" id="id-error">⚠ ${this.serverError}</p>`;
    if (this.value.length === ID_LENGTH) return html`<p class="message-ok" id="id-ok">✓ ${this.t('id_ok')}</p>`;
    return html`<p class="muted">${this.t('id_privacy')}</p>`;
  }

  override render() {
    const v = this.value;
    const cls = this.error || this.serverError ? 'bad' : v.length === ID_LENGTH ? 'ok' : '';
    return html`<label>${this.label}</label>
      <div class="field ${cls}" id="id-value" data-value=${v} aria-live="polite">
        ${v ? groupIdNumber(v) : html`<span class="placeholder">${this.t('id_placeholder')}</span>`}
        <span class="count">${v.length}/${ID_LENGTH}</span>
      </div>
      <div class="status">${this.status()}</div>
      <kiosk-keypad .keys=${this.keys()} columns=${this.view?.elderly ? 5 : 3} label=${this.label}></kiosk-keypad>
      ${this.note ? html`<p class="note muted">${this.note}</p>` : ''}`;
  }
}

customElements.define('kiosk-id-field', KioskIdField);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-id-field': KioskIdField;
  }
}
