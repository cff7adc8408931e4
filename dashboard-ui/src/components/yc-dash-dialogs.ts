/** The one modal of the live view: a ticket's history, moving a ticket, or a counter's matters. */
import { LitElement, css, html, nothing } from 'lit';
import type { HallSnapshot } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { i18n, t } from '../i18n/messages';
import { dash } from '../styles/dash.css';
import type { LiveDialog } from './yc-dash-live';
import './yc-dash-cancel-form';
import './yc-dash-history';
import './yc-dash-matters-form';
import './yc-dash-move-form';

export class YcDashDialogs extends LitElement {
  static override properties = { dialog: { attribute: false }, snap: { attribute: false } };
  declare dialog: LiveDialog;
  declare snap: HallSnapshot;

  static override styles = [
    tokens,
    dash,
    css`
      dialog {
        border: none;
        border-radius: var(--yc-radius);
        padding: var(--yc-space-4);
        width: min(640px, 94vw);
        max-height: 86vh;
        box-shadow: 0 12px 40px rgba(0, 0, 0, 0.25);
      }
      dialog::backdrop {
        background: rgba(15, 23, 42, 0.45);
      }
      .close {
        float: right;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override render() {
    const d = this.dialog;
    return html`<dialog @close=${this.closed} @done=${this.close} data-testid="dash-dialog">
      ${d ? html`<button class="btn close" @click=${this.close}>${t('action.close')}</button>` : nothing}
      ${d?.kind === 'history' ? html`<yc-dash-history .ticket=${d.ticket} .timeZone=${this.snap.hall.timeZone}></yc-dash-history>` : nothing}
      ${d?.kind === 'move' ? html`<yc-dash-move-form .ticket=${d.ticket} .snap=${this.snap}></yc-dash-move-form>` : nothing}
      ${d?.kind === 'cancel' ? html`<yc-dash-cancel-form .ticket=${d.ticket} .snap=${this.snap}></yc-dash-cancel-form>` : nothing}
      ${d?.kind === 'matters' ? html`<yc-dash-matters-form .counter=${d.counter} .snap=${this.snap}></yc-dash-matters-form>` : nothing}
    </dialog>`;
  }

  override updated() {
    const el = this.renderRoot.querySelector('dialog');
    if (!el) return;
    if (this.dialog && !el.open) el.showModal();
    if (!this.dialog && el.open) el.close();
  }

  private close = () => this.renderRoot.querySelector('dialog')?.close();
  private closed = () => this.dispatchEvent(new CustomEvent('close'));
}

customElements.define('yc-dash-dialogs', YcDashDialogs);
