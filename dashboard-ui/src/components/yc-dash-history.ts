/**
 * Why is this ticket late? Its events in order, with who acted, where, and why. No personal data.
 * And a reprint of its paper ticket (补打), which asks first when the last print may have come out.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { TicketHistoryView } from '../../../server/protocol/dashboard';
import type { TicketView } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { eventWord, printWord, timeOf } from '../i18n/format';
import { describe, i18n, t } from '../i18n/messages';
import { dash } from '../styles/dash.css';

export class YcDashHistory extends LitElement {
  static override properties = { ticket: { attribute: false }, timeZone: { attribute: false }, view: { state: true }, error: { state: true }, reprint: { state: true } };
  declare ticket: TicketView;
  declare timeZone: string;
  declare view: TicketHistoryView | null;
  declare error: string;
  /** idle · busy · confirm (the last print may have come out) · sent · or an error message. */
  declare reprint: 'idle' | 'busy' | 'confirm' | 'sent' | { error: string };

  static override styles = [
    tokens,
    dash,
    css`
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 6px;
      }
      li {
        display: grid;
        grid-template-columns: 56px 1fr;
        gap: 8px;
      }
      .what {
        font-weight: 600;
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, i18n.lang);
    this.view = null;
    this.error = '';
    this.reprint = 'idle';
  }

  override connectedCallback() {
    super.connectedCallback();
    void app.history(this.ticket.id).then((r) => (r.ok ? (this.view = r.data) : (this.error = describe(r.error))));
  }

  override render() {
    const v = this.view;
    const waited = Math.floor((Date.parse(v?.ticket.firstCalledAt ?? new Date(app.now.get()).toISOString()) - Date.parse(this.ticket.waitStartAt)) / 60_000);
    return html`<h2>${t('history.title', { number: this.ticket.number })}</h2>
      <p class="muted">${this.ticket.matterName} · ${t('history.waited', { n: Math.max(0, waited), t: this.ticket.waitTargetMinutes })}</p>
      ${this.error ? html`<p class="problem">${this.error}</p>` : nothing}
      ${!v && !this.error ? html`<p class="muted">${t('loading')}</p>` : nothing}
      ${v && v.events.length === 0 ? html`<p class="muted">${t('history.empty')}</p>` : nothing}
      ${v
        ? html`<ol data-testid="history">
            ${v.events.map(
              (e) => html`<li>
                <span class="muted">${timeOf(e.at, this.timeZone)}</span>
                <span>
                  <span class="what" data-type=${e.type}>${e.print ? printWord(e.print) : eventWord(e.type)}</span>
                  ${e.counterNumber !== null ? html` · ${t('counter.number', { n: e.counterNumber })}` : nothing}
                  ${e.matterName ? html` · ${e.matterName}` : nothing}
                  <span class="muted"> · ${t('history.by', { name: e.actor.name ?? t('history.system') })}</span>
                  ${e.fromMatterName ? html`<br /><span class="muted">${t('history.from', { matter: e.fromMatterName })}</span>` : nothing}
                  ${e.reason ? html`<br /><span>${t('history.reason', { reason: e.reason })}</span>` : nothing}
                  ${e.alert ? html`<br /><span class="warn">${t('risk.waited', { n: Math.floor(e.alert.elapsedMinutes), t: e.alert.targetMinutes })}</span>` : nothing}
                </span>
              </li>`,
            )}
          </ol>`
        : nothing}
      ${this.renderReprint()}`;
  }

  private renderReprint() {
    const r = this.reprint;
    if (r === 'confirm')
      return html`<div class="reprint-confirm" role="alertdialog" data-testid="reprint-confirm">
        <p class="warn">${t('reprint.confirm')}</p>
        <button class="btn primary" data-testid="reprint-confirmed" @click=${() => this.sendReprint(true)}>${t('reprint.confirmAction')}</button>
        <button class="btn" @click=${() => (this.reprint = 'idle')}>${t('reprint.cancel')}</button>
      </div>`;
    return html`<p>
      <button class="btn" data-testid="reprint" ?disabled=${r === 'busy'} @click=${() => this.sendReprint(false)}>${t('reprint.action')}</button>
      ${r === 'sent' ? html`<span class="muted" data-testid="reprint-sent">${t('reprint.sent')}</span>` : nothing}
      ${typeof r === 'object' ? html`<span class="problem">${r.error}</span>` : nothing}
    </p>`;
  }

  private async sendReprint(confirmed: boolean): Promise<void> {
    this.reprint = 'busy';
    const answer = await app.reprint(this.ticket.id, confirmed);
    if (answer.ok) this.reprint = 'sent';
    else if (answer.error.code === 'reprint_unconfirmed' && !confirmed) this.reprint = 'confirm';
    else this.reprint = { error: describe(answer.error) };
  }
}

customElements.define('yc-dash-history', YcDashHistory);
