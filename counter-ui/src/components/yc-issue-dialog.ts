/** 代取号: a ticket for a visitor without a phone or an identity number (staff issue; by exception outside ticket hours). */
import { LitElement, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { ModalController } from '../controllers/modal-controller';
import { describe } from '../i18n/describe';
import { i18n } from '../i18n/messages';
import { st, type StaffToolKey } from '../i18n/staff-tool-messages';
import type { GreenChannel } from '../stores/staff-tools';
import { dialogStyles } from '../styles/dialog.css';
import { staffToolStyles } from '../styles/staff-tools.css';
import { shared } from '../styles/shared.css';

const CHANNELS: ReadonlyArray<{ value: GreenChannel | null; key: StaffToolKey }> = [
  { value: null, key: 'greenNone' },
  { value: 'disabled', key: 'greenDisabled' },
  { value: 'military', key: 'greenMilitary' },
  { value: 'pregnant', key: 'greenPregnant' },
];

export class YcIssueDialog extends LitElement {
  static override properties = { open: { type: Boolean }, matterId: { state: true }, channel: { state: true } };
  declare open: boolean;
  declare matterId: string;
  declare channel: GreenChannel | null;

  static override styles = [tokens, shared, dialogStyles, staffToolStyles];

  constructor() {
    super();
    this.open = false;
    this.matterId = '';
    this.channel = null;
    for (const store of [i18n.lang, app.snapshot, app.tools.busy, app.tools.error, app.tools.result]) new StoreController<unknown>(this, store);
    new ModalController(this, () => this.open);
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('open') && this.open) {
      // Start from the matters this counter serves; the first one is preselected.
      const mine = this.matters();
      this.matterId = mine[0]?.id ?? '';
      this.channel = null;
    }
  }

  /** Active matters of the hall, this counter's first. */
  private matters() {
    const snap = app.snapshot.get();
    const counter = app.counter();
    const all = (snap?.matters ?? []).filter((m) => m.active);
    const served = new Set(counter?.matterIds ?? []);
    return [...all.filter((m) => served.has(m.id)), ...all.filter((m) => !served.has(m.id))];
  }

  override render() {
    const result = app.tools.result.get();
    const error = app.tools.error.get();
    const issued = result?.kind === 'issued' ? result.issued : null;
    const message = error ? (error.message === 'matter_required' ? st('matterRequired') : describe(error)) : '';
    return html`<dialog aria-labelledby="issue-title" data-testid="issue-dialog" @cancel=${this.cancel}>
      <form method="dialog" @submit=${this.submit}>
        <h2 id="issue-title">${st('issueTitle')}</h2>
        <p class="muted">${st('issueHint')}</p>
        <div class="field">
          <label for="issue-matter">${st('matter')}</label>
          <select id="issue-matter" .value=${this.matterId} @change=${(e: Event) => (this.matterId = (e.target as HTMLSelectElement).value)} autofocus>
            <option value="">${st('matterPick')}</option>
            ${this.matters().map((m) => html`<option value=${m.id} ?selected=${m.id === this.matterId}>${m.name}</option>`)}
          </select>
        </div>
        <div class="field">
          <span id="issue-green">${st('green')}</span>
          <div class="choices" role="group" aria-labelledby="issue-green">
            ${CHANNELS.map(
              (c) => html`<button type="button" class="btn" data-channel=${c.value ?? 'none'} aria-pressed=${this.channel === c.value ? 'true' : 'false'} @click=${() => (this.channel = c.value)}>
                ${st(c.key)}
              </button>`,
            )}
          </div>
        </div>
        ${message ? html`<p class="problem" role="alert">${message}</p>` : nothing}
        ${issued
          ? html`<p class="ok" role="status" data-testid="issued" data-number=${issued.ticket.number}>
              ${st('issued', { number: issued.ticket.number, matter: issued.ticket.matterName, ahead: issued.peopleAhead })}
              ${issued.print ? st('issuedPrinted') : ''}
            </p>`
          : nothing}
        <div class="buttons">
          <button type="button" class="btn" @click=${this.cancel}>${issued ? st('close') : st('cancel')}</button>
          <button type="submit" class="btn primary" ?disabled=${app.tools.busy.get()}>${st('issueSubmit')}</button>
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
    await app.tools.issue(this.matterId, this.channel);
  }
}

customElements.define('yc-issue-dialog', YcIssueDialog);
