/** The case (办件): number, due date, the one-time notice, the steps with dates, pickup instructions. */
import { css, html, LitElement, nothing } from 'lit';
import type { CaseProgressView } from '../../../server/protocol/cases';
import { tokens } from '../../../ui-shared/src/tokens.css';
import type { ProgressI18n } from '../i18n/messages';
import { hallDateTime, progressTheme } from './progress-styles';

export class ProgressCase extends LitElement {
  static override properties = { progress: { attribute: false }, i18n: { attribute: false }, timeZone: {}, lang: { attribute: false } };
  /** The language shown; set by the shell so a switch re-renders. */
  declare lang: string;
  declare progress: CaseProgressView | null;
  declare i18n: ProgressI18n;
  declare timeZone: string;

  constructor() {
    super();
    this.timeZone = 'Asia/Shanghai';
  }

  static override styles = [
    tokens,
    progressTheme,
    css`
      .badge {
        display: inline-block;
        padding: 2px 10px;
        border-radius: 999px;
        background: #e8f0fb;
        color: var(--yc-accent, #0b5cad);
        font-weight: 600;
      }
      .notice {
        border-color: var(--yc-warn, #b86e00);
        background: #fff8ec;
      }
      .notice.bad {
        border-color: var(--yc-bad, #c62828);
        background: #fdecea;
      }
      .ready {
        border-color: var(--yc-ok, #1b7f3b);
        background: #eef8f1;
      }
      ol.items {
        margin: var(--yc-space-2, 8px) 0;
        padding-left: 1.4em;
        font-size: 1.05rem;
      }
      ol.steps {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ol.steps li {
        border-left: 3px solid var(--yc-border, #d5dbe3);
        padding: 0 0 var(--yc-space-2, 8px) var(--yc-space-3, 16px);
        position: relative;
      }
      ol.steps li::before {
        content: '';
        position: absolute;
        left: -8px;
        top: 4px;
        width: 13px;
        height: 13px;
        border-radius: 50%;
        background: var(--yc-accent, #0b5cad);
      }
      ol.steps li:last-child {
        border-left-color: transparent;
      }
      .when {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  override render() {
    const c = this.progress;
    const i18n = this.i18n;
    if (!c || !i18n) return nothing;
    const tz = this.timeZone;
    return html`
      ${this.noticeCard(c)} ${this.pickupCard(c)}
      <section class="card case">
        <h2>${i18n.t('case_title')} <span class="badge">${i18n.status(c.status)}</span></h2>
        <dl>
          <dt>${i18n.t('case_number')}</dt>
          <dd class="case-number">${c.number}</dd>
          <dt>${i18n.t('case_matter')}</dt>
          <dd>${c.matterName}</dd>
          <dt>${i18n.t('case_department')}</dt>
          <dd>${c.departmentName}</dd>
          ${c.acceptedAt ? html`<dt>${i18n.t('case_accepted_at')}</dt><dd>${hallDateTime(c.acceptedAt, tz)}</dd>` : nothing}
          ${c.onTheSpot
            ? html`<dt>${i18n.t('case_due')}</dt><dd>${i18n.t('case_on_the_spot')}</dd>`
            : c.dueDate
              ? html`<dt>${i18n.t('case_due')}</dt><dd>${c.dueDate}</dd>`
              : c.status === 'supplement'
                ? html`<dt>${i18n.t('case_due')}</dt><dd>${i18n.t('case_due_paused')}</dd>`
                : nothing}
          <dt>${i18n.t('case_result')}</dt>
          <dd>${c.resultName}</dd>
          <dt>${i18n.t('case_delivery')}</dt>
          <dd>${i18n.delivery(c.delivery)}</dd>
          ${c.visitorIdMasked ? html`<dt>${i18n.t('case_id')}</dt><dd>${c.visitorIdMasked}</dd>` : nothing}
        </dl>
      </section>
      <section class="card">
        <h2>${i18n.t('steps_title')}</h2>
        <ol class="steps">
          ${c.steps.map(
            (s) => html`<li>
              <div><strong>${i18n.status(s.status)}</strong>${s.counterNumber ? html` · ${s.counterNumber} 号窗口` : nothing}</div>
              <div class="muted when">${hallDateTime(s.at, tz)}</div>
              ${s.note ? html`<div class="muted">${s.note}</div>` : nothing}
            </li>`,
          )}
        </ol>
      </section>
    `;
  }

  private noticeCard(c: CaseProgressView) {
    const n = c.notice;
    const i18n = this.i18n;
    // A notice to supply is history once the visitor has come back; it shows only while it is open.
    if (!n || (n.kind === 'notice' && c.status !== 'notice')) return nothing;
    if (n.kind === 'not_accepted') {
      return html`<section class="card notice bad" role="status">
        <h2>${i18n.t('not_accepted_title')}</h2>
        <div>${i18n.t('not_accepted_reason', { r: n.reason ?? '' })}</div>
      </section>`;
    }
    const title = n.kind === 'notice' ? i18n.t('notice_title') : i18n.t('tolerated_title');
    return html`<section class="card notice" role="status">
      <h2>${title}</h2>
      <ol class="items">
        ${n.items.map((item) => html`<li>${item}</li>`)}
      </ol>
      ${n.deadline
        ? html`<div>${n.kind === 'notice' ? i18n.t('notice_deadline', { date: n.deadline, number: c.number }) : i18n.t('tolerated_deadline', { date: n.deadline })}</div>`
        : nothing}
      ${n.counterNumber ? html`<div class="muted">${i18n.t('notice_counter', { n: n.counterNumber })}</div>` : nothing}
      ${n.contact ? html`<div class="muted">${i18n.t('notice_contact', { c: n.contact })}</div>` : nothing}
    </section>`;
  }

  private pickupCard(c: CaseProgressView) {
    const i18n = this.i18n;
    if (c.status === 'posted' && c.trackingNumber) {
      return html`<section class="card ready" role="status"><h2>${i18n.t('pickup_title')}</h2><div>${i18n.t('pickup_posted', { t: c.trackingNumber })}</div></section>`;
    }
    if (c.status !== 'ready' || !c.pickup) return nothing;
    const counter = c.pickup.counterNumber ? `${c.pickup.counterNumber} 号${c.pickup.counterName ?? '窗口'}` : (c.pickup.counterName ?? '');
    return html`<section class="card ready" role="status">
      <h2>${i18n.t('pickup_title')}</h2>
      <div>${i18n.t('pickup_ready')}</div>
      <div>${i18n.t('pickup_how', { number: c.number, counter })}</div>
    </section>`;
  }
}

customElements.define('progress-case', ProgressCase);
