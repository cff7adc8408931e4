/** For staff who work in more than one hall: choose today's hall. */
import { LitElement, css, html } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { i18n, t } from '../i18n/messages';
import { shared } from '../styles/shared.css';

export class YcHallPicker extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      section {
        width: min(560px, 100%);
        margin: 6vh auto 0;
        padding: var(--yc-space-4);
      }
      h1 {
        margin: 0 0 var(--yc-space-3);
        font-size: 1.3rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--yc-space-2);
      }
      .btn {
        width: 100%;
        justify-content: flex-start;
      }
    `,
  ];

  private readonly halls = new StoreController(this, app.halls);

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override render() {
    const halls = this.halls.value ?? [];
    return html`<section class="panel">
      <h1>${t('hall.title')}</h1>
      ${halls.length === 0
        ? html`<p class="muted" role="status">${t('hall.none')}</p>`
        : html`<ul>
            ${halls.map((h) => html`<li><button class="btn" @click=${() => app.chooseHall(h.id)}>${h.name}</button></li>`)}
          </ul>`}
    </section>`;
  }
}

customElements.define('yc-hall-picker', YcHallPicker);
