/**
 * The booking page shell: header, the current step, nothing else. Reads the flow store through a
 * StoreController; no business rules here (the flow checks input, the server decides).
 */
import { css, html, LitElement, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { errorText, type BookingI18n } from '../i18n/messages';
import { canGoBack, type BookingFlow, type BookingState } from '../stores/booking-flow';
import { bookingTheme } from '../styles/booking-styles';
import './booking-receipt';
import './booking-slot-picker';

export class BookingApp extends LitElement {
  private readonly stateCtl: StoreController<BookingState>;
  private readonly langCtl: StoreController<string>;

  constructor(
    private readonly flow: BookingFlow,
    private readonly i18n: BookingI18n,
  ) {
    super();
    this.stateCtl = new StoreController(this, flow.state);
    this.langCtl = new StoreController(this, i18n.lang);
  }

  static override styles = [
    tokens,
    bookingTheme,
    css`
      :host {
        display: block;
        max-width: 560px;
        margin: 0 auto;
        padding: var(--yc-space-3, 16px);
        padding-bottom: calc(var(--yc-space-5, 40px) + env(safe-area-inset-bottom));
        background: var(--yc-bg, #f4f6f8);
      }
      .search {
        width: 100%;
        box-sizing: border-box;
        font: inherit;
        padding: 10px 12px;
        margin-bottom: var(--yc-space-3, 16px);
        border: 1px solid var(--yc-border, #d5dbe3);
        border-radius: 8px;
      }
      .matter-row {
        display: grid;
      }
      .guide {
        justify-self: end;
        font-size: 0.9rem;
        padding: 4px 0 8px;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--yc-space-2, 8px);
      }
      h1 {
        font-size: 1.4rem;
        margin: 0;
      }
      h2 {
        font-size: 1.1rem;
        margin: var(--yc-space-4, 24px) 0 var(--yc-space-2, 8px);
      }
      .list {
        display: grid;
        gap: var(--yc-space-2, 8px);
      }
      .list button {
        text-align: left;
        padding: var(--yc-space-2, 8px) var(--yc-space-3, 16px);
      }
      .zone {
        margin: var(--yc-space-3, 16px) 0 var(--yc-space-1, 4px);
        font-weight: 600;
      }
      label {
        display: block;
        margin-top: var(--yc-space-3, 16px);
        font-weight: 600;
      }
      input {
        box-sizing: border-box;
        width: 100%;
        min-height: 48px;
        font: inherit;
        font-size: 1.1rem;
        padding: 0 12px;
        margin-top: var(--yc-space-1, 4px);
        border: 1px solid var(--yc-border, #d5dbe3);
        border-radius: var(--b-radius);
      }
      .row {
        display: flex;
        gap: var(--yc-space-2, 8px);
        margin-top: var(--yc-space-4, 24px);
      }
      .code-row {
        display: flex;
        gap: var(--yc-space-2, 8px);
        align-items: flex-end;
      }
      .code-row input {
        flex: 1;
        min-width: 0;
      }
      .code-row button {
        flex: none;
        white-space: nowrap;
      }
      .banner {
        margin-top: var(--yc-space-3, 16px);
        padding: var(--yc-space-2, 8px) var(--yc-space-3, 16px);
        border-radius: var(--b-radius);
        background: #fdecea;
        color: var(--yc-bad, #c62828);
      }
      .nav {
        display: flex;
        gap: var(--yc-space-2, 8px);
        margin-top: var(--yc-space-3, 16px);
        flex-wrap: wrap;
      }
    `,
  ];

  private t = (key: Parameters<BookingI18n['t']>[0], params?: Record<string, string | number>) => this.i18n.t(key, params);

  override render() {
    const s = this.stateCtl.value;
    void this.langCtl.value;
    return html`
      <header>
        <h1>${this.t('app_title')}</h1>
        <button @click=${() => this.i18n.setLang(this.i18n.lang.get() === 'zh-CN' ? 'en' : 'zh-CN')}>${this.t('lang_toggle')}</button>
      </header>
      ${s.hall ? html`<div class="muted">${s.hall.name}</div>` : nothing}
      <div class="nav">
        ${s.step !== 'manage' ? html`<button @click=${() => this.flow.openManage()}>${this.t('manage')}</button>` : html`<button @click=${() => this.flow.restart()}>${this.t('new_booking')}</button>`}
        ${canGoBack(s) ? html`<button data-testid="back" @click=${() => this.flow.back()}>${this.t('back')}</button>` : nothing}
      </div>
      ${s.error && s.step !== 'load_error' ? html`<div class="banner" role="alert">${errorText(this.i18n, s.error)}</div>` : nothing}
      ${this.step(s)}
    `;
  }

  private step(s: BookingState) {
    switch (s.step) {
      case 'loading':
        return html`<p>${this.t('loading')}</p>`;
      case 'load_error':
        return html`<p class="error">${this.t('load_error')}</p><button class="primary" @click=${() => void this.flow.start()}>${this.t('retry')}</button>`;
      case 'hall':
        return html`<h2>${this.t('step_hall')}</h2>
          <div class="list">${s.halls.map((h) => html`<button @click=${() => void this.flow.chooseHall(h.id)}>${h.name}</button>`)}</div>`;
      case 'matter':
        return this.matters(s);
      case 'slot':
        return html`<h2>${this.t('step_slot')}</h2>
          <div class="muted">${s.matter?.name}</div>
          <booking-slot-picker
            .calendar=${s.calendar}
            .date=${s.date}
            .i18n=${this.i18n}
            .suggestion=${s.suggestion}
            @day-chosen=${(e: CustomEvent<string>) => this.flow.chooseDay(e.detail)}
            @slot-chosen=${(e: CustomEvent<string>) => this.flow.chooseSlot(e.detail)}
          ></booking-slot-picker>`;
      case 'details':
      case 'submitting':
        return this.details(s);
      case 'done':
        return html`<h2>${this.t('done_title')}</h2>
          <booking-receipt .receipt=${s.receipt} .i18n=${this.i18n}></booking-receipt>
          <div class="row"><button class="primary" @click=${() => this.flow.restart()}>${this.t('new_booking')}</button></div>`;
      case 'manage':
        return this.manage(s);
    }
  }

  /** The matter search (名称或部门); 27 matters are too many to scroll through on a phone. */
  private query = '';

  private matters(s: BookingState) {
    if (s.matters.length === 0) return html`<p class="muted">${this.t('no_matters')}</p>`;
    const q = this.query.trim().toLowerCase();
    const shown = q ? s.matters.filter((m) => `${m.name} ${m.department} ${m.zoneName}`.toLowerCase().includes(q)) : s.matters;
    const zones = [...new Set(shown.map((m) => m.zoneName))];
    return html`<h2>${this.t('step_matter')}</h2>
      <input
        type="search"
        class="search"
        data-testid="matter-search"
        aria-label=${this.t('matter_search')}
        placeholder=${this.t('matter_search')}
        .value=${this.query}
        @input=${(e: Event) => {
          this.query = (e.target as HTMLInputElement).value;
          this.requestUpdate();
        }}
      />
      ${shown.length === 0 ? html`<p class="muted" data-testid="matter-none">${this.t('matter_search_none')}</p>` : ''}
      ${zones.map(
        (z) => html`<div class="zone">${z}</div>
          <div class="list">
            ${shown
              .filter((m) => m.zoneName === z)
              .map(
                (m) => html`<div class="matter-row">
                  <button data-matter=${m.name} @click=${() => void this.flow.chooseMatter(m.id)}>
                    <div>${m.name}</div>
                    <div class="muted">${this.t('matter_meta', { zone: m.zoneName, dept: m.department, slot: m.slotMinutes })}</div>
                  </button>
                  <a class="guide" data-testid="matter-guide" href=${`/g/${encodeURIComponent(m.id)}`} target="_blank" rel="noopener">${this.t('matter_guide')}</a>
                </div>`,
              )}
          </div>`,
      )}`;
  }

  private resendTimer: ReturnType<typeof setTimeout> | null = null;

  private details(s: BookingState) {
    const r = s.hall?.rules;
    const wait = s.resendAt - Date.now();
    // Re-enable "send again" when the minute is over, without waiting for the next keystroke.
    if (wait > 0 && !this.resendTimer) this.resendTimer = setTimeout(() => ((this.resendTimer = null), this.requestUpdate()), wait + 50);
    const busy = s.step === 'submitting';
    return html`<h2>${this.t('step_details')}</h2>
      <div class="card">
        <div>${s.matter?.name}</div>
        <div class="muted">${s.date} ${s.slot?.start}–${s.slot?.end}</div>
      </div>
      <label for="id">${this.t('id_label')}</label>
      <input id="id" inputmode="text" autocomplete="off" maxlength="18" placeholder=${this.t('id_placeholder')} .value=${s.idNumber}
        @input=${(e: Event) => this.flow.setIdNumber((e.target as HTMLInputElement).value)} />
      ${s.fieldErrors.idNumber ? html`<div class="error">${s.fieldErrors.idNumber}</div>` : nothing}
      <label for="phone">${this.t('phone_label')}</label>
      <input id="phone" type="tel" inputmode="tel" autocomplete="tel" maxlength="20" placeholder=${this.t('phone_placeholder')} .value=${s.phone}
        @input=${(e: Event) => this.flow.setPhone((e.target as HTMLInputElement).value)} />
      ${s.fieldErrors.phone ? html`<div class="error">${s.fieldErrors.phone}</div>` : nothing}
      <label for="phone-code">${this.t('code_sms_label')}</label>
      <div class="code-row">
        <input id="phone-code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" placeholder=${this.t('code_sms_placeholder')} .value=${s.phoneCode}
          @input=${(e: Event) => this.flow.setPhoneCode((e.target as HTMLInputElement).value)} />
        <button id="send-code" ?disabled=${s.busy || Date.now() < s.resendAt} @click=${() => void this.flow.requestCode()}>
          ${s.codeSentTo ? this.t('code_sms_resend') : this.t('code_sms_send')}
        </button>
      </div>
      ${s.codeSentTo ? html`<div class="muted">${this.t('code_sms_sent', { phone: s.codeSentTo })}</div>` : nothing}
      ${s.fieldErrors.phoneCode ? html`<div class="error">${s.fieldErrors.phoneCode}</div>` : nothing}
      <p class="muted">${this.t('privacy')}</p>
      ${r
        ? html`<p class="muted">${this.t('rules', { min: r.minDaysAhead, max: r.maxWorkingDaysAhead, per: r.perPersonPerDay, cutoff: r.cancelCutoffMinutes, n: r.noShowBanThreshold, win: r.noShowWindowDays, ban: r.noShowBanDays })}</p>`
        : nothing}
      <div class="row"><button class="primary" ?disabled=${busy} @click=${() => void this.flow.submit()}>${busy ? this.t('submitting') : this.t('confirm')}</button></div>`;
  }

  private manage(s: BookingState) {
    const a = s.managed?.appointment;
    return html`<h2>${this.t('manage')}</h2>
      <label for="code">${this.t('manage_code')}</label>
      <input id="code" autocomplete="off" maxlength="8" .value=${s.manageCode} @input=${(e: Event) => this.flow.setManage((e.target as HTMLInputElement).value, s.manageId)} />
      <label for="mid">${this.t('manage_id')}</label>
      <input id="mid" autocomplete="off" maxlength="18" .value=${s.manageId} @input=${(e: Event) => this.flow.setManage(s.manageCode, (e.target as HTMLInputElement).value)} />
      <div class="row"><button class="primary" ?disabled=${s.busy} @click=${() => void this.flow.lookup()}>${this.t('lookup')}</button></div>
      ${s.managed ? html`<h2></h2><booking-receipt .receipt=${s.managed} .i18n=${this.i18n}></booking-receipt>` : nothing}
      ${s.cancelled ? html`<p>${this.t('cancelled')}</p>` : nothing}
      ${a?.status === 'booked' ? html`<div class="row"><button ?disabled=${s.busy} @click=${() => void this.flow.cancel()}>${this.t('cancel')}</button></div>` : nothing}`;
  }
}

customElements.define('booking-app', BookingApp);
