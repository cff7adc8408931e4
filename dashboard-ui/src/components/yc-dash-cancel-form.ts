/** A manager cancels (作废) a ticket of the hall with a reason (socket 'ticket:cancel'); the server screens the reason for personal data. */
import { LitElement, css, html } from 'lit';
import type { HallSnapshot, TicketView } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { xt } from '../i18n/cancel-messages';
import { describe, i18n } from '../i18n/messages';
import { dash } from '../styles/dash.css';

/** Tickets a cancel still applies to. */
const OPEN = new Set(['waiting', 'called', 'serving', 'parked', 'no_show']);

export class YcDashCancelForm extends LitElement {
  static override properties = { ticket: { attribute: false }, snap: { attribute: false }, message: { state: true }, busy: { state: true } };
  declare ticket: TicketView | null;
  declare snap: HallSnapshot;
  declare message: string;
  declare busy: boolean;
  /** The message is the form's own "choose a ticket and give a reason": it goes once both are given. */
  private incomplete = false;
  private commandId = globalThis.crypto.randomUUID();

  static override styles = [
    tokens,
    dash,
    css`
      form {
        display: grid;
        gap: var(--yc-space-3);
      }
      select,
      input {
        width: 100%;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, i18n.lang);
    this.ticket = null;
    this.message = '';
    this.busy = false;
  }

  override render() {
    const open = this.snap.tickets.filter((t) => OPEN.has(t.status)).sort((a, b) => a.number.localeCompare(b.number));
    return html`<h2>${xt('title')}</h2>
      <p class="muted">${xt('hint')}</p>
      <form @submit=${this.submit} @input=${this.recheck} @change=${this.recheck} data-testid="cancel-form">
        <div>
          <label for="cancel-ticket">${xt('ticket')}</label>
          <select id="cancel-ticket" name="ticket">
            <option value="">${xt('pick')}</option>
            ${open.map((t) => html`<option value=${t.id} ?selected=${t.id === this.ticket?.id}>${t.number} · ${t.matterName}</option>`)}
          </select>
        </div>
        <div>
          <label for="cancel-reason">${xt('reason')}</label>
          <input id="cancel-reason" name="reason" maxlength="200" />
        </div>
        <button class="btn danger" type="submit" ?disabled=${this.busy}>${xt('submit')}</button>
        <p role="status" class=${this.message ? 'problem' : ''}>${this.message}</p>
      </form>`;
  }

  private static fields(form: HTMLFormElement): { ticketId: string; reason: string; complete: boolean } {
    const data = new FormData(form);
    const ticketId = String(data.get('ticket') ?? '');
    const reason = String(data.get('reason') ?? '').trim();
    return { ticketId, reason, complete: ticketId !== '' && reason.length >= 2 };
  }

  /** While the manager types: the "reason missing" message clears as soon as the form is complete. */
  private recheck(e: Event) {
    if (this.incomplete && YcDashCancelForm.fields(e.currentTarget as HTMLFormElement).complete) {
      this.incomplete = false;
      this.message = '';
    }
  }

  private async submit(e: Event) {
    e.preventDefault();
    const { ticketId, reason, complete } = YcDashCancelForm.fields(e.target as HTMLFormElement);
    if (!complete) {
      this.incomplete = true;
      this.message = xt('reasonMissing');
      return;
    }
    this.incomplete = false;
    this.busy = true;
    const r = await app.cancelTicket({ commandId: this.commandId, ticketId, reason });
    this.busy = false;
    if (!r.ok) {
      this.message = describe(r.error);
      return;
    }
    this.dispatchEvent(new CustomEvent('done', { bubbles: true, composed: true }));
  }
}

customElements.define('yc-dash-cancel-form', YcDashCancelForm);
