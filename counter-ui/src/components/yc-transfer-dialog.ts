/** Transfer (转窗) the ticket in hand to another matter and/or counter, with a reason. */
import { LitElement, html, nothing } from 'lit';
import type { HallSnapshot, TicketView } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { ModalController } from '../controllers/modal-controller';
import { i18n, t } from '../i18n/messages';
import { transferCounters } from '../stores/counter-selectors';
import {
  normaliseTransfer,
  TRANSFER_PRESETS,
  TRANSFER_REASON_MAX,
  transferPresetText,
  transferProblem,
  type TransferProblem,
} from '../stores/dialog-forms';
import { dialogStyles } from '../styles/dialog.css';
import { shared } from '../styles/shared.css';

export class YcTransferDialog extends LitElement {
  static override properties = {
    open: { type: Boolean },
    error: {},
    ticket: { attribute: false },
    snapshot: { attribute: false },
    counterId: { attribute: false },
    matterId: { state: true },
    toCounterId: { state: true },
    reason: { state: true },
    problem: { state: true },
  };
  declare open: boolean;
  declare error: string;
  declare ticket: TicketView | null;
  declare snapshot: HallSnapshot | null;
  declare counterId: string;
  declare matterId: string;
  declare toCounterId: string;
  declare reason: string;
  declare problem: TransferProblem | null;

  static override styles = [tokens, shared, dialogStyles];

  constructor() {
    super();
    this.open = false;
    this.error = '';
    this.ticket = null;
    this.snapshot = null;
    this.counterId = '';
    this.reset();
    new StoreController(this, i18n.lang);
    new ModalController(this, () => this.open);
  }

  private reset() {
    this.matterId = '';
    this.toCounterId = '';
    this.reason = '';
    this.problem = null;
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('open') && this.open) this.reset();
  }

  override render() {
    const ticket = this.ticket;
    const snap = this.snapshot;
    if (!ticket || !snap) return html`<dialog></dialog>`;
    const effectiveMatter = this.matterId || ticket.matterId;
    const counters = transferCounters(snap, this.counterId, effectiveMatter);
    const zones = [...snap.zones].sort((a, b) => a.sortOrder - b.sortOrder);
    const lang = i18n.lang.get();
    return html`<dialog aria-labelledby="transfer-title" data-testid="transfer-dialog" @cancel=${this.cancel}>
      <form method="dialog" @submit=${this.submit} novalidate>
        <h2 id="transfer-title">${t('transfer.title', { number: ticket.number })}</h2>
        <p class="muted">${t('transfer.from', { matter: ticket.matterName })}</p>
        <div class="field">
          <label for="to-matter">${t('transfer.matter')}</label>
          <select id="to-matter" @change=${this.onMatter}>
            <option value="" ?selected=${!this.matterId}>${t('transfer.keepMatter')}</option>
            ${zones.map(
              (z) => html`<optgroup label=${z.name}>
                ${snap.matters
                  .filter((m) => m.zoneId === z.id && m.id !== ticket.matterId)
                  .map((m) => html`<option value=${m.id} ?selected=${m.id === this.matterId}>${m.name}</option>`)}
              </optgroup>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="to-counter">${t('transfer.counter')}</label>
          <select id="to-counter" @change=${(e: Event) => (this.toCounterId = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.toCounterId}>${t('transfer.anyCounter')}</option>
            ${counters.map(
              (c) => html`<option value=${c.id} ?selected=${c.id === this.toCounterId}>${t('transfer.counterOption', { number: c.number, name: c.name })}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="transfer-reason">${t('transfer.reason')}</label>
          <div class="choices quick" role="group" aria-label=${t('transfer.quick')}>
            ${TRANSFER_PRESETS.map(
              (p) => html`<button type="button" class="btn" @click=${() => this.useReason(transferPresetText(lang, p))}>${transferPresetText(lang, p)}</button>`,
            )}
          </div>
          <textarea id="transfer-reason" maxlength=${TRANSFER_REASON_MAX} .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        ${this.problem ? html`<p class="problem" role="alert">${t(`transfer.problem.${this.problem}`)}</p>` : nothing}
        ${this.error ? html`<p class="problem" role="alert">${this.error}</p>` : nothing}
        <div class="buttons">
          <button type="button" class="btn" @click=${this.cancel}>${t('dialog.cancel')}</button>
          <button type="submit" class="btn primary">${t('transfer.submit')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private onMatter(e: Event) {
    this.matterId = (e.target as HTMLSelectElement).value;
    // A counter chosen before may not serve the new matter.
    const ticket = this.ticket!;
    const ok = transferCounters(this.snapshot, this.counterId, this.matterId || ticket.matterId).some((c) => c.id === this.toCounterId);
    if (!ok) this.toCounterId = '';
  }

  private useReason(text: string) {
    this.reason = text;
    this.problem = null;
  }

  private cancel(e: Event) {
    e.preventDefault();
    app.desk.closeDialog();
  }

  private async submit(e: Event) {
    e.preventDefault();
    const input = normaliseTransfer({ toMatterId: this.matterId || null, toCounterId: this.toCounterId || null, reason: this.reason }, this.ticket!.matterId);
    this.problem = transferProblem(input);
    if (this.problem) return;
    await app.desk.transfer(input);
  }
}

customElements.define('yc-transfer-dialog', YcTransferDialog);
