/** How many people wait in each zone, and in all. */
import { LitElement, css, html } from 'lit';
import type { DisplayI18n } from '../i18n/messages';
import type { ZoneCount } from '../stores/selectors';
import { totalWaiting } from '../stores/selectors';
import { displayTheme } from '../styles/display-theme';

export class YcDisplayWaiting extends LitElement {
  static override properties = {
    zones: { attribute: false },
    i18n: { attribute: false },
  };
  declare zones: ZoneCount[];
  declare i18n: DisplayI18n;

  constructor() {
    super();
    this.zones = [];
  }

  static override styles = [
    displayTheme,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: calc(var(--u) * 20);
        height: 100%;
        box-sizing: border-box;
        padding: calc(var(--u) * 6) calc(var(--u) * 20);
      }
      .title {
        font-size: calc(var(--u) * 40);
        font-weight: 700;
        color: var(--yc-muted);
        white-space: nowrap;
      }
      ul {
        align-self: stretch;
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex: 1;
        min-width: 0;
        gap: calc(var(--u) * 16);
      }
      li {
        flex: 1 1 0;
        min-width: 0;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        background: var(--yc-surface-2);
        border-radius: calc(var(--u) * 10);
        padding: 0 calc(var(--u) * 16);
      }
      li.total {
        flex: 0 0 auto;
        background: transparent;
        border: calc(var(--u) * 2) solid var(--yc-border);
      }
      .name {
        font-size: calc(var(--u) * 30);
        line-height: 1.2;
        max-width: 100%;
        color: var(--yc-muted);
      }
      .count {
        font-family: var(--yc-number);
        font-size: calc(var(--u) * 50);
        line-height: 1.1;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        color: var(--yc-ticket);
        white-space: nowrap;
      }
      .count small {
        font-family: var(--yc-font);
        font-size: calc(var(--u) * 32);
        color: var(--yc-muted);
        margin-left: calc(var(--u) * 6);
      }
    `,
  ];

  private count(n: number) {
    const [before, after] = this.i18n.t('waiting.count', { count: '\u0000' }).split('\u0000');
    return html`${before}${n}${after ? html`<small>${after.trim()}</small>` : null}`;
  }

  override render() {
    return html`
      <span class="title">${this.i18n.t('waiting.title')}</span>
      <ul data-testid="waiting">
        ${this.zones.map(
          (z) => html`<li data-zone=${z.zoneId}><span class="name ellipsis">${z.name}</span><span class="count">${this.count(z.count)}</span></li>`,
        )}
        ${this.zones.length > 1
          ? html`<li class="total"><span class="name">${this.i18n.t('waiting.total')}</span><span class="count">${this.count(totalWaiting(this.zones))}</span></li>`
          : null}
      </ul>
    `;
  }
}

customElements.define('yc-display-waiting', YcDisplayWaiting);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-waiting': YcDisplayWaiting;
  }
}
