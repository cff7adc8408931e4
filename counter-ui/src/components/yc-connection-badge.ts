/** Always-visible connection state: online, syncing, reconnecting, offline. */
import { LitElement, css, html } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { i18n, t } from '../i18n/messages';

export class YcConnectionBadge extends LitElement {
  static override styles = [
    tokens,
    css`
      span {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        padding: 4px 10px;
        border-radius: 999px;
        font-size: 0.85rem;
        font-weight: 600;
        white-space: nowrap;
        border: 1px solid currentColor;
      }
      span::before {
        content: '';
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: currentColor;
      }
      .online {
        color: var(--yc-ok);
      }
      .syncing,
      .connecting,
      .reconnecting {
        color: var(--yc-warn);
      }
      .reconnecting::before {
        animation: blink 1s steps(2, start) infinite;
      }
      .offline {
        color: var(--yc-bad);
      }
      @keyframes blink {
        to {
          visibility: hidden;
        }
      }
    `,
  ];

  private readonly badge = new StoreController(this, app.badge);

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override render() {
    const b = this.badge.value;
    return html`<span class=${b} role="status" title=${t('badge.label')} data-testid="connection-badge" data-state=${b}
      >${t(`badge.${b}`)}</span
    >`;
  }
}

customElements.define('yc-connection-badge', YcConnectionBadge);
