/** 补打: reprint a paper ticket of today (marked 补打) on the kiosk that printed it. */
import { LitElement, html, nothing } from 'lit';
import type { TicketView } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { ModalController } from '../controllers/modal-controller';
import { describe } from '../i18n/describe';
import { i18n } from '../i18n/messages';
import { st } from '../i18n/staff-tool-messages';
import { dialogStyles } from '../styles/dialog.css';
import { staffToolStyles } from '../styles/staff-tools.css';
import { shared } from '../styles/shared.css';

/** Tickets that can still be reprinted: not finished, not cancelled. */
const REPRINTABLE = new Set(['waiting', 'called', 'serving', 'parked', 'no_show']);

export class YcReprintDialog extends LitElement {
  static override properties = { open: { type: Boolean }, ticketId: { state: true } };
  declare open: boolean;
  declare ticketId: string;

  static override styles = [tokens, shared, dialogStyles, staffToolStyles];

  constructor() {
    super();
    this.open = false;
    this.ticketId = '';
    for (const store of [i18n.lang, app.snapshot, app.tools.busy, app.tools.error, app.tools.result, app.tools.confirmReprint]) new StoreController<unknown>(this, store);
    new ModalController(this, () => this.open);
  }

  private tickets(): TicketView[] {
    return (app.snapshot.get()?.tickets ?? []).filter((t) => REPRINTABLE.has(t.status)).sort((a, b) => a.number.localeCompare(b.number));
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('open') && this.open) {
      // The ticket in hand, else the one selected in the queue, else none.
      const v = app.desk.view();
      this.ticketId = v.current?.id ?? v.selectedWaiting?.id ?? '';
    }
  }

  override render() {
    const list = this.tickets();
    const error = app.tools.error.get();
    const result = app.tools.result.get();
    const done = result?.kind === 'reprinted' ? result : null;
    // The server held the reprint back: its last print may have come out (docs/faults.md).
    const asking = list.find((t) => t.id === app.tools.confirmReprint.get() && t.id === this.ticketId) ?? null;
    return html`<dialog aria-labelledby="reprint-title" data-testid="reprint-dialog" @cancel=${this.cancel}>
      <form method="dialog" @submit=${this.submit}>
        <h2 id="reprint-title">${st('reprintTitle')}</h2>
        <p class="muted">${st('reprintHint')}</p>
        ${list.length === 0
          ? html`<p class="muted">${st('reprintNone')}</p>`
          : html`<div class="field">
              <label for="reprint-ticket">${st('reprintNumber')}</label>
              <select id="reprint-ticket" autofocus @change=${(e: Event) => (this.ticketId = (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${this.ticketId === ''}>${st('reprintPick')}</option>
                ${list.map((t) => html`<option value=${t.id} ?selected=${t.id === this.ticketId}>${t.number} · ${t.matterName}</option>`)}
              </select>
            </div>`}
        ${error ? html`<p class="problem" role="alert">${describe(error)}</p>` : nothing}
        ${done ? html`<p class="ok" role="status" data-testid="reprinted">${st('reprinted', { number: done.number })}</p>` : nothing}
        ${asking ? html`<p class="warn" role="alert" data-testid="reprint-confirm">${st('reprintMayHavePrinted', { number: asking.number })}</p>` : nothing}
        <div class="buttons">
          <button type="button" class="btn" @click=${this.cancel}>${done ? st('close') : st('cancel')}</button>
          ${asking
            ? html`<button type="button" class="btn primary" data-testid="reprint-confirmed" ?disabled=${app.tools.busy.get()} @click=${() => this.send(asking, true)}>
                ${st('reprintConfirm')}
              </button>`
            : html`<button type="submit" class="btn primary" ?disabled=${app.tools.busy.get() || !this.ticketId}>${st('reprintSubmit')}</button>`}
        </div>
      </form>
    </dialog>`;
  }

  private cancel(e: Event) {
    e.preventDefault();
    app.tools.close();
  }

  private async submit(e: Event) {
    e.preventDefault();
    const ticket = this.tickets().find((t) => t.id === this.ticketId);
    // Enter while the warning is shown does not reprint: only the explicit 确认补打 button does.
    if (ticket && app.tools.confirmReprint.get() !== ticket.id) await this.send(ticket, false);
  }

  private async send(ticket: TicketView, confirmMayHavePrinted: boolean) {
    await app.tools.reprint(ticket, confirmMayHavePrinted);
  }
}

customElements.define('yc-reprint-dialog', YcReprintDialog);
