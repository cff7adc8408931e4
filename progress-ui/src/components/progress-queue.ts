/** The ticket: big number and where the visitor stands — people ahead, or "请到 5 号窗口". */
import { css, html, LitElement, nothing } from 'lit';
import type { ProgressView } from '../../../server/protocol/progress';
import { tokens } from '../../../ui-shared/src/tokens.css';
import type { ProgressI18n } from '../i18n/messages';
import { progressTheme } from './progress-styles';

export class ProgressQueue extends LitElement {
  static override properties = { view: { attribute: false }, i18n: { attribute: false }, lang: { attribute: false } };
  declare view: ProgressView;
  declare i18n: ProgressI18n;
  /** The language shown; set by the shell so a switch re-renders. */
  declare lang: string;

  static override styles = [
    tokens,
    progressTheme,
    css`
      .number {
        font-size: 3.2rem;
        font-weight: 700;
        letter-spacing: 0.05em;
        /* The CJK font's own height is about 1.45 em: below 1.25 the number's text box reaches over the label above. */
        line-height: 1.25;
        color: var(--yc-primary, #b71c1c);
      }
      .status {
        font-size: 1.5rem;
        font-weight: 700;
        margin-top: var(--yc-space-2, 8px);
      }
      .status.go {
        color: var(--yc-ok, #1b7f3b);
      }
    `,
  ];

  override render() {
    const { view, i18n } = this;
    if (!view || !i18n) return nothing;
    const t = view.ticket;
    return html`<section class="card" aria-live="polite">
      <div class="muted">${i18n.t('ticket_label')} · ${t.matterName}</div>
      <div class="number">${t.number}</div>
      ${this.status()}
      <div class="muted">${i18n.t('service_date', { date: view.serviceDate })}</div>
    </section>`;
  }

  private status() {
    const { view, i18n } = this;
    const t = view.ticket;
    const n = t.counterNumber ?? '';
    switch (t.status) {
      case 'waiting':
        return html`<div class="status">${i18n.t('q_waiting', { n: view.peopleAhead ?? 0 })}</div>
          <div>${view.estimatedWaitMinutes != null ? i18n.t('q_estimate', { m: view.estimatedWaitMinutes }) : i18n.t('q_no_estimate')}</div>`;
      case 'called':
        return html`<div class="status go">${t.recallCount > 0 ? i18n.t('q_recalled', { n }) : i18n.t('q_called', { n })}</div>`;
      case 'serving':
        return html`<div class="status">${i18n.t('q_serving', { n })}</div>`;
      case 'parked':
        return html`<div class="status">${i18n.t('q_parked')}</div>`;
      case 'no_show':
        return html`<div class="status">${i18n.t('q_no_show')}</div>`;
      case 'done':
        return html`<div class="status">${i18n.t('q_done')}</div>`;
      case 'cancelled':
        return html`<div class="status">${i18n.t('q_cancelled')}</div>`;
    }
  }
}

customElements.define('progress-queue', ProgressQueue);
