/** Step 1: the service areas, each with how many people wait there. */
import { css, html } from 'lit';
import { kioskBase, kioskScreenHead } from '../styles/kiosk-styles';
import { KioskScreen } from './kiosk-screen';

export class KioskZoneList extends KioskScreen {
  static override styles = [
    kioskBase,
    kioskScreenHead,
    css`
      .head {
        margin-bottom: var(--k-pad);
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(2, 1fr);
        gap: var(--k-pad);
      }
      @media (orientation: landscape) {
        .grid {
          grid-template-columns: repeat(4, 1fr);
        }
      }
      .zone {
        min-height: max(calc(var(--k-touch) * 3), 14vh);
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 8px;
        border-left: 10px solid var(--k-primary);
      }
      .zone strong {
        font-size: var(--k-font-lg);
      }
    `,
  ];

  override render() {
    const v = this.view;
    return html`${this.renderHead(this.t('zone_title'))}
      <div class="grid">
        ${v.zones.map(
          (z) => html`<button class="zone" data-zone=${z.name} @click=${() => this.flow.chooseZone(z.id)}>
            <strong>${z.name}</strong>
            <span class="muted">${this.t('waiting_count', { n: v.waitingByZone[z.id] ?? 0 })}</span>
          </button>`,
        )}
      </div>`;
  }
}

customElements.define('kiosk-zone-list', KioskZoneList);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-zone-list': KioskZoneList;
  }
}
