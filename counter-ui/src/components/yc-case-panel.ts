/**
 * The acceptance panel (办件) under the current ticket: open a case or continue one, tick the guide's
 * checklist (Space on a focused row), choose the outcome, print the slip; at the pickup counter,
 * check the identity number and hand over. Keyboard: Tab through rows and buttons; Alt+1…5 pick an
 * outcome; Alt+P prints.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { TicketView } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { describe } from '../i18n/describe';
import { caseStatusText, ct, deliveryText, formText } from '../i18n/case-messages';
import { i18n } from '../i18n/messages';
import type { CaseDeskState, IntakeOutcome } from '../stores/case-desk';
import type { CasePrintState } from '../stores/case-print';
import { shared } from '../styles/shared.css';
import './yc-case-slip';
import type { YcCaseSlip } from './yc-case-slip';

const OUTCOME_KEYS: IntakeOutcome[] = ['accept', 'tolerate', 'notice', 'not_accept', 'complete'];

export class YcCasePanel extends LitElement {
  static override properties = { ticket: { attribute: false } };
  declare ticket: TicketView | null;
  private readonly stateCtl = new StoreController<CaseDeskState>(this, app.cases.state);

  private readonly printCtl = app.cases.print ? new StoreController<CasePrintState>(this, app.cases.print.state) : null;

  constructor() {
    super();
    new StoreController<unknown>(this, i18n.lang);
    new StoreController<unknown>(this, app.cases.busy);
  }

  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
      }
      .body {
        padding: 0 var(--yc-space-3) var(--yc-space-3);
        display: grid;
        gap: var(--yc-space-2);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--yc-space-2);
        align-items: center;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 20px;
      }
      .facts b {
        font-variant-numeric: tabular-nums;
      }
      ul.check {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 2px;
        max-height: 210px;
        overflow: auto;
      }
      ul.check li label {
        display: grid;
        grid-template-columns: 24px 1fr auto;
        gap: 8px;
        align-items: center;
        padding: 5px 8px;
        border-radius: 6px;
        cursor: pointer;
      }
      ul.check li label:hover {
        background: var(--yc-accent-bg);
      }
      ul.check input {
        width: 20px;
        height: 20px;
      }
      .tag {
        font-size: 0.78rem;
        padding: 1px 6px;
        border-radius: 4px;
        margin-left: 6px;
        background: #eef1f4;
        color: var(--yc-muted);
      }
      .tag.req {
        background: var(--yc-bad-bg);
        color: var(--yc-bad);
      }
      .tag.tol {
        background: var(--yc-warn-bg);
        color: #6b4100;
      }
      .note {
        font-size: 0.82rem;
        color: var(--yc-muted);
      }
      input[type='text'],
      input[type='date'],
      select {
        font: inherit;
        min-height: 40px;
        padding: 0 10px;
        border: 1px solid var(--yc-border);
        border-radius: 8px;
      }
      .error-text {
        color: var(--yc-danger, #b42318);
        font-weight: 600;
      }
      .error {
        color: var(--yc-bad);
      }
      .ok {
        color: var(--yc-ok);
        font-weight: 600;
      }
      .btn.primary {
        background: var(--yc-primary, #b71c1c);
        border-color: var(--yc-primary, #b71c1c);
        color: #fff;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
  }

  override willUpdate() {
    void app.cases.follow(this.ticket?.id ?? null);
  }

  private onKey = (e: KeyboardEvent) => {
    if (!e.altKey || !this.ticket) return;
    const i = Number(e.key) - 1;
    if (OUTCOME_KEYS[i]) {
      e.preventDefault();
      void app.cases.decide(OUTCOME_KEYS[i]);
    } else if (e.key.toLowerCase() === 'p') {
      e.preventDefault();
      void this.printSlip();
    }
  };

  private browserPrint() {
    (this.renderRoot.querySelector('yc-case-slip') as YcCaseSlip | null)?.print();
  }

  /** The counter's printer when it has one (补打), the browser otherwise. */
  private async printSlip() {
    if (this.stateCtl.value.pickup) return this.browserPrint();
    const state = this.printCtl?.value.kind ?? 'browser';
    if (state === 'browser' || !(await app.cases.reprint())) this.browserPrint();
  }

  private printStatus() {
    const p = this.printCtl?.value ?? { kind: 'browser' as const };
    const busy = app.cases.busy.get() !== null;
    const text =
      p.kind === 'printing' ? ct('printing') : p.kind === 'printed' ? ct('printDone') : p.kind === 'failed' ? ct('printFailed', { reason: p.message || '?' }) : p.kind === 'browser' ? ct('noPrinter') : '';
    return html`<div class="row print-status" data-print-state=${p.kind} role="status">
      ${text ? html`<span class=${p.kind === 'failed' ? 'error-text' : 'muted'}>${text}</span>` : nothing}
      ${p.kind === 'browser'
        ? html`<button class="btn" data-case="print" @click=${() => this.browserPrint()}>${ct('browserPrint')} · Alt+P</button>`
        : html`<button class="btn" data-case="print" ?disabled=${busy || p.kind === 'printing'} @click=${() => void this.printSlip()}>${ct('reprint')} · Alt+P</button>
            ${p.kind === 'failed' ? html`<button class="btn" data-case="browser-print" @click=${() => this.browserPrint()}>${ct('browserPrint')}</button>` : nothing}`}
    </div>`;
  }

  override render() {
    if (!this.ticket) return nothing;
    const s = this.stateCtl.value;
    const busy = app.cases.busy.get() !== null;
    return html`<section class="panel" aria-label=${ct('title')}>
      <div class="panel-head"><h2>${s.pickup ? ct('pickupTitle') : ct('title')}</h2>${s.current ? html`<span class="muted">${caseStatusText(s.current.case.status)}</span>` : nothing}</div>
      <div class="body">
        ${s.error ? html`<div class="error" role="alert">${describe(s.error)}</div>` : nothing}
        ${s.pickup ? this.pickup(s, busy) : s.current ? this.caseBody(s, busy) : this.noCase(s, busy)}
        ${s.slip
          ? html`<yc-case-slip .kind=${s.slip} .current=${s.current} .caseView=${s.pickup} .hallName=${app.snapshot.get()?.hall.name ?? ''} .timeZone=${app.snapshot.get()?.hall.timeZone ?? 'Asia/Shanghai'}></yc-case-slip>
              ${s.pickup
                ? html`<div class="row"><button class="btn" data-case="print" @click=${() => this.browserPrint()}>${ct('print')} · Alt+P</button></div>`
                : this.printStatus()}`
          : nothing}
      </div>
    </section>`;
  }

  private noCase(s: CaseDeskState, busy: boolean) {
    return html`<div class="muted">${ct('none')}</div>
      <div class="row"><button class="btn primary" data-case="open" ?disabled=${busy} @click=${() => void app.cases.open()}>${ct('open')}</button></div>
      <div class="row">
        <label class="muted" for="case-q">${ct('continue')}</label>
        <input id="case-q" type="text" maxlength="18" autocomplete="off" placeholder=${ct('queryPlaceholder')} .value=${s.query}
          @input=${(e: Event) => app.cases.setQuery((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && void app.cases.find()} />
        <button class="btn" data-case="find" ?disabled=${busy} @click=${() => void app.cases.find()}>${ct('find')}</button>
      </div>
      ${s.found?.length === 0 ? html`<div class="muted">${ct('noneFound')}</div>` : nothing}
      ${(s.found ?? []).map(
        (c) => html`<div class="row" data-found=${c.number}>
          <b>${c.number}</b><span>${c.matterName}</span><span class="muted">${caseStatusText(c.status)}</span>
          ${c.status === 'notice' || c.status === 'intake' ? html`<button class="btn" data-case="resume" ?disabled=${busy} @click=${() => void app.cases.resume(c.id)}>${ct('resume')}</button>` : nothing}
        </div>`,
      )}`;
  }

  private caseBody(s: CaseDeskState, busy: boolean) {
    const { case: c, guide } = s.current!;
    const intake = c.status === 'intake';
    return html`<div class="facts">
        <span>${ct('number')} <b data-case-number>${c.number}</b></span>
        <span>${guide.matterName} · ${guide.departmentName}</span>
        ${c.dueDate ? html`<span>${ct('due')} <b>${c.dueDate}</b></span>` : nothing}
      </div>
      ${intake
        ? html`<div class="muted">${ct('checklist')}</div>
            <ul class="check">
              ${guide.materials.map(
                (m) => html`<li>
                  <label>
                    <input type="checkbox" data-material=${m.name} .checked=${s.received.includes(m.id)} @change=${() => app.cases.toggle(m.id)} />
                    <span>${m.name}<span class="tag ${m.required ? 'req' : ''}">${m.required ? ct('required') : ct('optional')}</span>${m.tolerable ? html`<span class="tag tol">${ct('tolerable')}</span>` : nothing}
                      ${m.note ? html`<div class="note">${m.note}</div>` : nothing}</span>
                    <span class="muted">${ct('copies', { form: formText(m.form), n: m.copies })}</span>
                  </label>
                </li>`,
              )}
            </ul>
            <div class="row">
              <label class="muted" for="delivery">${ct('delivery')}</label>
              <select id="delivery" @change=${(e: Event) => app.cases.setDelivery((e.target as HTMLSelectElement).value as never)}>
                ${guide.deliveryMethods.map((d) => html`<option value=${d} ?selected=${s.delivery === d}>${deliveryText(d)}</option>`)}
              </select>
              <label class="muted" for="promise">${ct('promiseDate')}</label>
              <input id="promise" type="date" .value=${s.promiseDate} @input=${(e: Event) => app.cases.setPromiseDate((e.target as HTMLInputElement).value)} />
            </div>
            <div class="row">
              <label class="muted" for="reason">${ct('reason')}</label>
              <input id="reason" type="text" maxlength="200" style="flex:1" .value=${s.reason} @input=${(e: Event) => app.cases.setReason((e.target as HTMLInputElement).value)} />
            </div>
            <div class="row">
              ${OUTCOME_KEYS.filter((o) => o !== 'complete' || guide.onTheSpot).map(
                (o) => html`<button class="btn ${o === 'accept' ? 'primary' : ''}" data-outcome=${o} ?disabled=${busy} @click=${() => void app.cases.decide(o)}>
                  ${ct(o === 'not_accept' ? 'notAccept' : o)} · Alt+${OUTCOME_KEYS.indexOf(o) + 1}
                </button>`,
              )}
            </div>`
        : html`<div class="ok" data-case-status=${c.status}>${caseStatusText(c.status)}</div>`}`;
  }

  private pickup(s: CaseDeskState, busy: boolean) {
    const c = s.pickup!;
    if (c.status === 'collected') return html`<div class="ok" data-case-status="collected">${ct('collected')}</div>`;
    return html`<div>${ct('pickupCase', { number: c.number, matter: c.matterName })}</div>
      ${c.visitorIdMasked ? html`<div class="muted">${c.visitorIdMasked}</div>` : nothing}
      <div class="row">
        <label class="muted" for="pickup-id">${ct('pickupId')}</label>
        <input id="pickup-id" type="text" maxlength="18" autocomplete="off" />
        <button class="btn primary" data-case="hand-over" ?disabled=${busy}
          @click=${() => void app.cases.handOver((this.renderRoot.querySelector('#pickup-id') as HTMLInputElement).value)}>${ct('handOver')}</button>
      </div>`;
  }
}

customElements.define('yc-case-panel', YcCasePanel);
