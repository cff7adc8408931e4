/**
 * Whole-screen messages: loading, device set-up problems, server unreachable, "taking your
 * ticket…", and a failed issue with its retry. Never a half-filled screen behind them.
 */
import { css, html } from 'lit';
import { describeError } from '../../../ui-shared/src/i18n';
import type { KioskMessageKey } from '../i18n/messages';
import { kioskBase } from '../styles/kiosk-styles';
import { KioskScreen } from './kiosk-screen';

export class KioskNotice extends KioskScreen {
  static override styles = [
    kioskBase,
    css`
      .notice {
        max-width: 1000px;
        margin: 10vh auto 0;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--k-pad);
        text-align: center;
        padding: calc(var(--k-pad) * 2);
      }
      .icon {
        font-size: 96px;
        line-height: 1;
      }
      .body {
        font-size: var(--k-font-lg);
      }
      .spinner {
        width: 96px;
        height: 96px;
        border: 10px solid var(--k-line);
        border-top-color: var(--k-primary);
        border-radius: 50%;
        animation: spin 1s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner {
          animation-duration: 4s;
        }
      }
    `,
  ];

  private errorText(): string {
    const e = this.view.error;
    if (!e) return '';
    if (e.key) return this.t(e.key as KioskMessageKey).replace('{time}', e.nextOpening ?? '');
    return describeError(this.locale === 'en' ? 'en' : 'zh-CN', e);
  }

  private busy(key: KioskMessageKey) {
    return html`<div class="notice card" id="notice" data-kind="busy" aria-busy="true">
      <div class="spinner" aria-hidden="true"></div>
      <h1 role="status">${this.t(key)}</h1>
    </div>`;
  }

  private message(title: KioskMessageKey, body: string, actions: unknown = '') {
    return html`<div class="notice card" id="notice" data-kind=${this.view.screen} role="alert">
      <div class="icon" aria-hidden="true">⚠</div>
      <h1>${this.t(title)}</h1>
      <p class="body">${body}</p>
      ${actions}
    </div>`;
  }

  override render() {
    const v = this.view;
    const home = html`<button id="home" class="big" @click=${() => this.flow.endSession()}>${this.t('home')}</button>`;
    switch (v.screen) {
      case 'boot':
        return this.busy('loading');
      case 'issuing':
        return this.busy('issuing');
      case 'checkin_busy':
        return this.busy('checkin_busy');
      case 'no_token':
        return this.message('no_token_title', this.t('no_token_body'));
      case 'bad_token':
        return v.setupReason === 'not_kiosk'
          ? this.message('not_kiosk_title', this.t('not_kiosk_body'))
          : this.message('bad_token_title', this.t('bad_token_body'));
      case 'boot_error':
        return this.message(
          'boot_error_title',
          this.t('boot_error_body'),
          html`<div class="actions"><button id="retry" class="primary big" @click=${() => void this.flow.retry()}>${this.t('retry')}</button></div>`,
        );
      case 'issue_error':
        return this.message(
          'issue_error_title',
          this.errorText(),
          html`<div class="actions">
            ${v.error?.retryable ? html`<button id="retry" class="primary big" @click=${() => void this.flow.retry()}>${this.t('retry')}</button>` : ''}
            <button id="back" class="big" @click=${() => this.flow.back()}>${this.t('back')}</button>
            ${home}
          </div>`,
        );
      default:
        return '';
    }
  }
}

customElements.define('kiosk-notice', KioskNotice);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notice': KioskNotice;
  }
}
