/**
 * The ticket on screen — the visitor's copy whether or not paper comes out: big number, matter,
 * people ahead, estimated wait, time, "当日有效", the missed-number rule, the progress QR, the
 * printing state and the countdown back to the home screen.
 */
import { css, html } from 'lit';
import type { PriorityReason } from '../../../server/protocol/views';
import type { KioskMessageKey } from '../i18n/messages';
import type { PrintState } from '../stores/print-watch';
import { kioskBase } from '../styles/kiosk-styles';
import './kiosk-qr';
import { KioskScreen } from './kiosk-screen';
import { missedRuleFor } from '../stores/missed-rule';

const REASON_KEYS: Record<PriorityReason, KioskMessageKey> = {
  elderly: 'reason_elderly',
  disabled: 'reason_disabled',
  military: 'reason_military',
  pregnant: 'reason_pregnant',
  staff_granted: 'reason_staff_granted',
};

const PRINT_KEYS: Record<PrintState, KioskMessageKey> = {
  printing: 'print_printing',
  printed: 'print_printed',
  failed: 'print_failed',
  none: 'print_none',
};

export class KioskTicket extends KioskScreen {
  static override styles = [
    kioskBase,
    css`
      :host {
        display: flex;
        flex-direction: column;
        justify-content: center;
      }
      .ticket {
        width: 100%;
        max-width: 1100px;
        margin: 0 auto;
        display: grid;
        grid-template-columns: 1fr;
        gap: var(--k-gap);
        text-align: center;
        border-top: 12px solid var(--k-primary);
      }
      .main,
      .side {
        display: flex;
        flex-direction: column;
        gap: var(--k-gap);
        align-items: stretch;
        min-width: 0;
      }
      @media (orientation: landscape) {
        .ticket {
          max-width: 1500px;
          grid-template-columns: 1.1fr 1fr;
          column-gap: calc(var(--k-pad) * 2);
          align-items: center;
        }
        .head {
          grid-column: 1 / -1;
        }
        .side .facts {
          border-top: none;
          padding-top: 0;
        }
        .side {
          border-left: 2px dashed var(--k-line);
          padding-left: calc(var(--k-pad) * 2);
        }
        /* Side by side the matter has half the width: one size down keeps a long name to two lines,
           so the ticket and its 完成 button fit the 1280×1024 desk kiosk in large type without scrolling. */
        .main .matter {
          font-size: var(--k-font-lg);
        }
        .main {
          gap: calc(var(--k-gap) / 2);
        }
        .main .number {
          font-size: clamp(120px, min(26vw, 13vh), 320px);
        }
      }
      .label {
        font-size: var(--k-font-lg);
        /* The number's line-height is 1 but its font's content area is taller: without this the
           number's text box reaches over the label (in large type) and takes its touches. */
        position: relative;
        z-index: 1;
      }
      .number {
        font-size: clamp(140px, min(26vw, 15vh), 320px);
        line-height: 1;
        font-weight: 800;
        color: var(--k-primary);
        letter-spacing: 0.04em;
        font-variant-numeric: tabular-nums;
      }
      .matter {
        font-size: var(--k-font-xl);
        font-weight: 700;
      }
      .priority {
        justify-self: center;
        background: var(--k-ok);
        color: #fff;
        padding: 6px 20px;
        border-radius: 999px;
        font-weight: 700;
      }
      .notice {
        font-weight: 700;
        color: #7a4500;
      }
      .ahead {
        font-size: var(--k-font-lg);
        font-weight: 700;
      }
      .facts {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: var(--k-pad);
        align-items: center;
        text-align: left;
        border-top: 2px dashed var(--k-line);
        padding-top: var(--k-gap);
      }
      .facts p {
        margin: 6px 0;
      }
      .valid {
        font-weight: 700;
        color: var(--k-primary);
      }
      kiosk-qr {
        width: 220px;
        height: 220px;
      }
      .qr {
        text-align: center;
        font-size: var(--k-font-sm);
      }
      .print {
        font-size: var(--k-font-lg);
        font-weight: 700;
        padding: 12px;
        border-radius: var(--k-radius);
      }
      .print.printed {
        background: #e5f4ea;
        color: var(--k-ok);
      }
      .print.failed,
      .print.none {
        background: #fdf0e0;
        color: #7a4500;
        font-size: var(--k-font);
      }
      .print.printing {
        background: #e8f0fa;
        color: var(--k-accent);
      }
      .bottom {
        display: flex;
        align-items: center;
        justify-content: center;
        gap: var(--k-pad);
        margin-top: var(--k-gap);
      }
      #done {
        min-width: 280px;
      }
    `,
  ];

  private time(iso: string): string {
    const tz = this.view.hall?.timeZone ?? 'Asia/Shanghai';
    return new Intl.DateTimeFormat(this.locale, { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
  }

  override render() {
    const v = this.view;
    const issued = v.issued;
    if (!issued) return '';
    const t = issued.ticket;
    const reason = t.priority > 0 && t.priorityReason ? this.t(REASON_KEYS[t.priorityReason]) : null;
    const minutes = issued.estimatedWaitMinutes;
    const wait = minutes === null ? this.t('ticket_wait_unknown') : minutes > 0 ? this.t('ticket_wait', { n: minutes }) : '';
    const rule = missedRuleFor(v.hall, this.i18n.lang.get(), this.t('ticket_rule_default'));
    return html`<div class="card ticket" id="ticket">
      <p class="muted head">${issued.hallName} · ${this.t('ticket_title')}</p>
      <div class="main">
        <p class="label">${this.t('ticket_number')}</p>
        <div class="number" id="ticket-number">${t.number}</div>
        <div class="matter" id="ticket-matter">${t.matterName}</div>
        ${reason ? html`<div class="priority" id="ticket-priority">${this.t('ticket_priority', { reason })}</div>` : ''}
        ${t.source === 'appointment' ? html`<div class="priority">${this.t('ticket_appointment')}</div>` : ''}
        ${v.ticketNotice ? html`<p class="notice" id="ticket-notice">${v.ticketNotice}</p>` : ''}
        <p class="ahead" id="ticket-ahead">${issued.peopleAhead > 0 ? this.t('ticket_ahead', { n: issued.peopleAhead }) : this.t('ticket_ahead_none')}</p>
        ${wait ? html`<p id="ticket-wait">${wait}</p>` : ''}
      </div>
      <div class="side">
        <div class="facts">
          <div>
            <p id="ticket-time">${this.t('ticket_time', { time: this.time(t.issuedAt) })}</p>
            <p class="valid">${this.t('ticket_valid')}</p>
            ${rule ? html`<p id="ticket-rule">${rule}</p>` : ''}
          </div>
          <div class="qr">
            <kiosk-qr .text=${issued.progressUrl} label=${this.t('ticket_qr')}></kiosk-qr>
            <p>${this.t('ticket_qr')}</p>
          </div>
        </div>
        <p class="print ${v.print}" id="print-status" role="status">${this.t(PRINT_KEYS[v.print])}</p>
      </div>
    </div>
    <div class="bottom">
      <span class="muted" id="countdown">${this.t('idle_countdown', { n: v.idleLeft })}</span>
      <button id="done" class="primary big" @click=${() => this.flow.endSession()}>${this.t('done')}</button>
    </div>`;
  }
}

customElements.define('kiosk-ticket', KioskTicket);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-ticket': KioskTicket;
  }
}
