/**
 * Appointment check-in, kept apart from walk-in tickets: by booking code or by ID number.
 * If the appointment service is not there yet, it says so and sends the visitor to the desk.
 */
import { css, html } from 'lit';
import { CODE_ALPHABET, CODE_LENGTH, idKeyEnabled, pressCodeKey } from '../stores/keypad-input';
import { kioskBase, kioskScreenHead } from '../styles/kiosk-styles';
import type { KioskMessageKey } from '../i18n/messages';
import { describeError } from '../../../ui-shared/src/i18n';
import type { PadKeyDef } from './kiosk-keypad';
import './kiosk-keypad';
import './kiosk-id-field';
import { KioskScreen } from './kiosk-screen';


export class KioskCheckin extends KioskScreen {
  static override styles = [
    kioskBase,
    kioskScreenHead,
    css`
      .modes {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: var(--k-gap);
        margin-bottom: var(--k-gap);
      }
      .modes button[aria-pressed='true'] {
        background: var(--k-accent);
        border-color: var(--k-accent);
        color: #fff;
        font-weight: 700;
      }
      .code {
        min-height: calc(var(--k-touch) * 1.2);
        display: flex;
        align-items: center;
        padding: 0 20px;
        margin: 8px 0 var(--k-gap);
        border: var(--k-border);
        border-radius: var(--k-radius);
        background: var(--k-surface);
        font-size: var(--k-font-xl);
        letter-spacing: 0.12em;
      }
      .count {
        margin-left: auto;
        font-size: var(--k-font-sm);
        letter-spacing: 0;
        color: var(--k-muted);
      }
      .error {
        margin: var(--k-gap) 0;
        padding: var(--k-gap);
        border: 3px solid var(--k-bad);
        border-radius: var(--k-radius);
        background: #fdecec;
      }
      #submit {
        width: 100%;
        margin-top: var(--k-pad);
        min-height: calc(var(--k-touch) * 1.6);
        font-size: var(--k-font-xl);
      }
    `,
  ];

  private codeKeys(): PadKeyDef[] {
    const v = this.view.checkInInput;
    return [
      ...[...CODE_ALPHABET].map((k) => ({ key: k, label: k, disabled: pressCodeKey(v, k) === v })),
      { key: 'back', label: `⌫ ${this.t('key_back')}`, disabled: !idKeyEnabled(v, 'back'), span: 2 },
      { key: 'clear', label: this.t('key_clear'), disabled: !idKeyEnabled(v, 'clear'), span: 2 },
    ];
  }

  private errorText(): string {
    const e = this.view.error;
    if (!e) return '';
    if (e.key) return this.t(e.key as KioskMessageKey);
    return describeError(this.locale === 'en' ? 'en' : 'zh-CN', e);
  }

  /** 证照领取: case number (12 digits) or identity number on the ID keypad. */
  private renderPickup() {
    const v = this.view;
    const onKey = (e: CustomEvent<string>) => this.flow.pressCheckInKey(e.detail);
    return html`${this.renderHead(this.t('pickup_title'))}
      <p>${this.t('pickup_hint')}</p>
      ${v.error ? html`<div class="error" role="alert" id="checkin-error"><p class="message-bad">${this.errorText()}</p></div>` : ''}
      <div class="card" @kiosk-key=${onKey}>
        <kiosk-id-field
          .view=${v}
          .flow=${this.flow}
          .i18n=${this.i18n}
          .locale=${this.locale}
          .value=${v.checkInInput}
          .error=${v.idError}
          .serverError=${null}
          label=${this.t('pickup_label')}
        ></kiosk-id-field>
      </div>
      <button id="submit" class="primary" @click=${() => void this.flow.submitCheckIn()}>${this.t('pickup_submit')}</button>`;
  }

  override render() {
    const v = this.view;
    const byCode = v.checkInMode === 'code';
    if (v.checkInMode === 'pickup') return this.renderPickup();
    const onKey = (e: CustomEvent<string>) => this.flow.pressCheckInKey(e.detail);
    return html`${this.renderHead(this.t('checkin_title'))}
      <div class="modes">
        <button id="mode-code" aria-pressed=${byCode ? 'true' : 'false'} @click=${() => this.flow.setCheckInMode('code')}>${this.t('checkin_by_code')}</button>
        <button id="mode-id" aria-pressed=${byCode ? 'false' : 'true'} @click=${() => this.flow.setCheckInMode('id')}>${this.t('checkin_by_id')}</button>
      </div>
      ${v.error
        ? html`<div class="error" role="alert" id="checkin-error">
            <p class="message-bad">${this.errorText()}</p>
            ${v.error.retryable ? html`<div class="actions"><button id="retry" class="primary" @click=${() => void this.flow.retry()}>${this.t('retry')}</button></div>` : ''}
          </div>`
        : ''}
      <div class="card" @kiosk-key=${onKey}>
        ${byCode
          ? html`<label>${this.t('checkin_code_label')}</label>
              <div class="code" id="code-value">${v.checkInInput}<span class="count">${v.checkInInput.length}/${CODE_LENGTH}</span></div>
              <kiosk-keypad .keys=${this.codeKeys()} columns="9" label=${this.t('checkin_code_label')}></kiosk-keypad>`
          : html`<kiosk-id-field
              .view=${v}
              .flow=${this.flow}
              .i18n=${this.i18n}
              .locale=${this.locale}
              .value=${v.checkInInput}
              .error=${v.idError}
              .serverError=${null}
              label=${this.t('checkin_id_label')}
            ></kiosk-id-field>`}
      </div>
      <button id="submit" class="primary" @click=${() => void this.flow.submitCheckIn()}>${this.t('checkin_submit')}</button>`;
  }
}

customElements.define('kiosk-checkin', KioskCheckin);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-checkin': KioskCheckin;
  }
}
