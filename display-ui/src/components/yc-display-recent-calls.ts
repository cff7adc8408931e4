/**
 * The calls before the one on the big panel: ticket → counter, newest first. Shows only as many
 * rows as fit whole (the panel's height depends on the hall's counters and any notice): never half a row.
 */
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
  /** Whole rows that fit the list's height, measured. */
  private fit = 5;
  private observer: ResizeObserver | null = null;

  constructor() {
    super();
    this.calls = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer ??= new ResizeObserver(() => this.measure());
    this.observer.observe(this);
  }

  override disconnectedCallback(): void {
    this.observer?.disconnect();
    super.disconnectedCallback();
  }

  private measure(): void {
    const list = this.renderRoot.querySelector<HTMLElement>('.rows');
    const row = list?.querySelector('li')?.getBoundingClientRect().height ?? 0;
    if (!list || row <= 0) return;
    const fit = Math.max(1, Math.floor((list.clientHeight + 0.5) / row));
    if (fit !== this.fit) {
      this.fit = fit;
      this.requestUpdate();
    }
  }

  protected override updated(): void {
    this.measure();
  }

  static override styles = [
    displayTheme,
    css`
      :host {
        --row: calc(var(--u) * 80);
        display: flex;
        flex-direction: column;
        height: 100%;
        box-sizing: border-box;
        padding: calc(var(--u) * 20) calc(var(--u) * 30);
      }
      .rows {
        flex: 1;
        min-height: 0;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        overflow: hidden;
      }
      li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        align-items: center;
        gap: calc(var(--u) * 20);
        height: var(--row);
        box-sizing: border-box;
        border-top: calc(var(--u) * 2) solid var(--yc-surface-2);
      }
      .ticket {
        font-size: calc(var(--u) * 60);
        line-height: 1.1;
      }
      .counter-no {
        font-size: calc(var(--u) * 52);
        line-height: 1.15;
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
      <div class="rows">
      ${this.calls.length === 0
        ? html`<div class="none">${this.i18n.t('calls.none')}</div>`
        : html`<ol data-testid="recent-calls">
            ${this.calls.slice(0, this.fit).map(
              (c) => html`<li>
                <span class="ticket">${c.number}</span>
                <span class="counter-no">${before ? html`<small>${before}</small>` : null}${c.counterNumber}<small>${after}</small></span>
              </li>`,
            )}
          </ol>`}
      </div>
    `;
  }
}

customElements.define('yc-display-recent-calls', YcDisplayRecentCalls);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-recent-calls': YcDisplayRecentCalls;
  }
}
