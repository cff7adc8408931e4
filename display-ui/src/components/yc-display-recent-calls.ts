/** The calls before the latest one: ticket → counter, newest first. */
import { LitElement, css, html } from 'lit';
import type { CallView } from '../../../server/protocol/views';
import { splitMessage, type DisplayI18n } from '../i18n/messages';
import { displayTheme } from '../styles/display-theme';

export class YcDisplayRecentCalls extends LitElement {
  static override properties = {
    calls: { attribute: false },
    i18n: { attribute: false },
  };
  declare calls: CallView[];
  declare i18n: DisplayI18n;

  constructor() {
    super();
    this.calls = [];
  }

  static override styles = [
    displayTheme,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        box-sizing: border-box;
        padding: calc(var(--u) * 20) calc(var(--u) * 30);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        flex: 1;
        min-height: 0;
        overflow: hidden;
      }
      li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        align-items: baseline;
        gap: calc(var(--u) * 20);
        height: calc(var(--u) * 74);
        border-top: calc(var(--u) * 2) solid var(--yc-surface-2);
      }
      .ticket {
        font-size: calc(var(--u) * 62);
      }
      .counter-no {
        font-size: calc(var(--u) * 52);
      }
      .counter-no small {
        font-size: calc(var(--u) * 36);
        color: var(--yc-text);
        font-weight: 600;
      }
      .none {
        font-size: calc(var(--u) * 40);
        color: var(--yc-muted);
        padding-top: calc(var(--u) * 20);
      }
    `,
  ];

  override render() {
    const [before, after] = splitMessage(this.i18n, 'call.counter');
    return html`
      <h2 class="panel-title">${this.i18n.t('calls.title')}</h2>
      ${this.calls.length === 0
        ? html`<div class="none">${this.i18n.t('calls.none')}</div>`
        : html`<ol data-testid="recent-calls">
            ${this.calls.map(
              (c) => html`<li>
                <span class="ticket">${c.number}</span>
                <span class="counter-no">${before ? html`<small>${before}</small>` : null}${c.counterNumber}<small>${after}</small></span>
              </li>`,
            )}
          </ol>`}
    `;
  }
}

customElements.define('yc-display-recent-calls', YcDisplayRecentCalls);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-recent-calls': YcDisplayRecentCalls;
  }
}
