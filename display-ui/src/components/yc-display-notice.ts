/** A manager's notice across the bottom of the wall display while it is current (large, calm, no personal data). */
import { LitElement, css, html, nothing } from 'lit';
import type { HallNotice } from '../../../server/protocol/events';
import type { Store } from '../../../ui-shared/src/store';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { ClockController } from '../controllers/clock-controller';
import { visibleNotice } from '../stores/hall-notice';
import { displayTheme } from '../styles/display-theme';

export class YcDisplayNotice extends LitElement {
  static override properties = { notice: { attribute: false }, now: { attribute: false } };
  declare notice: Store<HallNotice | null>;
  declare now: () => number;

  private storeCtl: StoreController<HallNotice | null> | null = null;
  private readonly clock = new ClockController(this, () => (this.now ?? Date.now)());

  static override styles = [
    displayTheme,
    css`
      :host {
        position: fixed;
        left: 0;
        right: 0;
        bottom: 0;
        z-index: 10;
        pointer-events: none;
      }
      div {
        margin: 0 calc(var(--u) * 24) calc(var(--u) * 20);
        padding: calc(var(--u) * 18) calc(var(--u) * 32);
        border-radius: var(--yc-radius);
        background: #fff3c4;
        color: #1b1400;
        font-size: calc(var(--u) * 44);
        font-weight: 700;
        line-height: 1.3;
        text-align: center;
        box-shadow: 0 0 calc(var(--u) * 30) rgba(0, 0, 0, 0.6);
      }
    `,
  ];

  override willUpdate() {
    if (this.notice && !this.storeCtl) this.storeCtl = new StoreController(this, this.notice);
  }

  override render() {
    const n = visibleNotice(this.notice?.get() ?? null, this.clock.value.getTime());
    return n ? html`<div role="status" data-testid="display-notice">${n.text}</div>` : nothing;
  }
}

customElements.define('yc-display-notice', YcDisplayNotice);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-notice': YcDisplayNotice;
  }
}
