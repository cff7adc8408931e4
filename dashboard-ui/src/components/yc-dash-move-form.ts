/** Move a waiting ticket to another matter and/or counter (socket 'ticket:transfer' without counterId), reason required. */
import { LitElement, css, html } from 'lit';
import type { HallSnapshot, TicketView } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { describe, i18n, t } from '../i18n/messages';
import { countersForMatter } from '../stores/live-selectors';
import { dash } from '../styles/dash.css';

export class YcDashMoveForm extends LitElement {
  static override properties = { ticket: { attribute: false }, snap: { attribute: false }, matterId: { state: true }, message: { state: true }, busy: { state: true } };
  declare ticket: TicketView;
  declare snap: HallSnapshot;
  declare matterId: string;
  declare message: string;
  declare busy: boolean;

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
    this.matterId = '';
    this.message = '';
    this.busy = false;
  }

  override render() {
    const counters = countersForMatter(this.snap, this.matterId || this.ticket.matterId);
    return html`<h2>${t('move.title', { number: this.ticket.number })}</h2>
      <form @submit=${this.submit}>
        <div>
          <label for="matter">${t('move.matter')}</label>
          <select id="matter" name="matter" @change=${(e: Event) => (this.matterId = (e.target as HTMLSelectElement).value)}>
            <option value="">${t('move.keep')} ${this.ticket.matterName}</option>
            ${this.snap.matters.filter((m) => m.id !== this.ticket.matterId).map((m) => html`<option value=${m.id}>${m.name}</option>`)}
          </select>
        </div>
        <div>
          <label for="counter">${t('move.counter')}</label>
          <select id="counter" name="counter">
            <option value="">${t('move.any')}</option>
            ${counters.map((c) => html`<option value=${c.id}>${t('counter.number', { n: c.number })} · ${c.name} · ${t(`counter.${c.status === 'open' ? 'idle' : c.status}`)}</option>`)}
          </select>
        </div>
        <div>
          <label for="reason">${t('move.reason')}</label>
          <input id="reason" name="reason" maxlength="200" />
        </div>
        <button class="btn primary" type="submit" ?disabled=${this.busy}>${t('action.save')}</button>
        <p role="status" class=${this.message ? 'problem' : ''}>${this.message}</p>
      </form>`;
  }

  private async submit(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const toMatterId = String(data.get('matter') ?? '') || undefined;
    const toCounterId = String(data.get('counter') ?? '') || undefined;
    const reason = String(data.get('reason') ?? '').trim();
    if (!reason || (!toMatterId && !toCounterId)) {
      this.message = t('move.reasonMissing');
      return;
    }
    this.busy = true;
    const r = await app.transfer({ ticketId: this.ticket.id, reason, ...(toMatterId && { toMatterId }), ...(toCounterId && { toCounterId }) });
    this.busy = false;
    if (!r.ok) {
      this.message = describe(r.error);
      return;
    }
    this.dispatchEvent(new CustomEvent('done', { bubbles: true, composed: true }));
  }
}

customElements.define('yc-dash-move-form', YcDashMoveForm);
