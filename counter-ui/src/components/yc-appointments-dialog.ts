/** 今日预约: today's appointments of the hall (masked visitor data), by slot. */
import { LitElement, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { ModalController } from '../controllers/modal-controller';
import { describe } from '../i18n/describe';
import { i18n } from '../i18n/messages';
import { appointmentStatusText, st } from '../i18n/staff-tool-messages';
import { dialogStyles } from '../styles/dialog.css';
import { staffToolStyles } from '../styles/staff-tools.css';
import { shared } from '../styles/shared.css';

export class YcAppointmentsDialog extends LitElement {
  static override properties = { open: { type: Boolean } };
  declare open: boolean;

  static override styles = [tokens, shared, dialogStyles, staffToolStyles];

  constructor() {
    super();
    this.open = false;
    for (const store of [i18n.lang, app.snapshot, app.tools.appointments, app.tools.error]) new StoreController<unknown>(this, store);
    new ModalController(this, () => this.open);
  }

  override render() {
    const list = app.tools.appointments.get();
    const error = app.tools.error.get();
    const date = app.snapshot.get()?.serviceDate ?? '';
    return html`<dialog class="wide" aria-labelledby="appointments-title" data-testid="appointments-dialog" @cancel=${this.close}>
      <form method="dialog" @submit=${this.close}>
        <h2 id="appointments-title">${st('appointmentsTitle', { date })}</h2>
        ${error ? html`<p class="problem" role="alert">${describe(error)}</p>` : nothing}
        ${list === null
          ? html`<p class="muted">${st('appointmentsLoading')}</p>`
          : list.length === 0
            ? html`<p class="muted" data-testid="appointments-empty">${st('appointmentsEmpty')}</p>`
            : html`<div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>${st('colSlot')}</th>
                      <th>${st('colMatter')}</th>
                      <th>${st('colCode')}</th>
                      <th>${st('colVisitor')}</th>
                      <th>${st('colStatus')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${list.map(
                      (a) => html`<tr data-code=${a.code} data-status=${a.status}>
                        <td>${a.slotLabel}</td>
                        <td>${a.matterName}</td>
                        <td class="code">${a.code}</td>
                        <td>${a.idMasked} · ${a.phoneMasked}</td>
                        <td>${appointmentStatusText(a.status)}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`}
        <div class="buttons">
          <button type="button" class="btn" @click=${() => void app.tools.loadAppointments()}>${st('reload')}</button>
          <button type="submit" class="btn primary" autofocus>${st('close')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private close(e: Event) {
    e.preventDefault();
    app.tools.close();
  }
}

customElements.define('yc-appointments-dialog', YcAppointmentsDialog);
