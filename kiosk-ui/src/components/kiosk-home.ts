/** Home: two large choices — take a ticket, or check in for an appointment. */
import { css, html } from 'lit';
import { kioskBase } from '../styles/kiosk-styles';
import { KioskScreen } from './kiosk-screen';

export class KioskHome extends KioskScreen {
  static override styles = [
    kioskBase,
    css`
      :host {
        display: flex;
        flex-direction: column;
      }
      .wrap {
        flex: 1;
        display: flex;
        flex-direction: column;
        gap: var(--k-pad);
        justify-content: center;
        padding: var(--k-pad) 0;
      }
      .choices {
        display: grid;
        grid-template-columns: 1fr;
        gap: var(--k-pad);
      }
      @media (orientation: landscape) {
        .choices {
          grid-template-columns: 3fr 2fr;
        }
      }
      .choice {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 12px;
        min-height: 320px;
        padding: var(--k-pad);
        text-align: center;
      }
      @media (orientation: portrait) {
        .choice.primary {
          min-height: 30vh;
        }
        .choice.checkin {
          min-height: 18vh;
        }
      }
      .choice strong {
        font-size: calc(var(--k-font-xl) * 1.4);
      }
      .cjk strong {
        letter-spacing: 0.12em;
      }
      .choice span {
        font-size: var(--k-font);
        font-weight: 400;
      }
      .checkin {
        border-color: var(--k-accent);
        color: var(--k-accent);
      }
      .checkin strong {
        font-size: var(--k-font-xl);
      }
      .help {
        text-align: center;
      }
    `,
  ];

  override render() {
    const hall = this.view.hall?.name ?? '';
    return html`<div class="wrap ${this.locale === 'en' ? '' : 'cjk'}">
      <h1>${this.t('home_welcome', { hall })}</h1>
      <div class="choices">
        <button id="take" class="choice primary" @click=${() => this.flow.takeTicket()}>
          <strong>${this.t('home_take')}</strong><span>${this.t('home_take_sub')}</span>
        </button>
        <button id="checkin" class="choice checkin" @click=${() => this.flow.openCheckIn()}>
          <strong>${this.t('home_checkin')}</strong><span>${this.t('home_checkin_sub')}</span>
        </button>
        <button id="pickup" class="choice checkin" @click=${() => this.flow.openPickup()}>
          <strong>${this.t('home_pickup')}</strong><span>${this.t('home_pickup_sub')}</span>
        </button>
      </div>
      <p class="help muted">${this.t('home_help')}</p>
    </div>`;
  }
}

customElements.define('kiosk-home', KioskHome);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home': KioskHome;
  }
}
