/** One bad review: reasons, "1、3、1" deadlines, the step log (who, when, what) and the next-step form. */
import { LitElement, css, html, nothing } from 'lit';
import { STATE_NAMES, type BadReviewAction, type BadReviewView } from '../../../server/protocol/evaluations';
import type { ErrorBody } from '../../../server/protocol/errors';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { et, type EvalKey } from '../i18n/evaluation-messages';
import { describe, i18n } from '../i18n/messages';
import { dash } from '../styles/dash.css';
import { reasonName } from './yc-dash-evaluations';

const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export class YcDashBadReview extends LitElement {
  static override properties = { review: { attribute: false }, busy: { attribute: false }, error: { attribute: false }, action: { state: true }, note: { state: true }, decision: { state: true } };
  declare review: BadReviewView;
  declare busy: boolean;
  declare error: ErrorBody | null;
  declare action: BadReviewAction | '';
  declare note: string;
  declare decision: 'upheld' | 'rejected';

  constructor() {
    super();
    // Re-render on a language switch: the parent passes the same review object, so Lit would not.
    new StoreController(this, i18n.lang);
    this.action = '';
    this.note = '';
    this.decision = 'rejected';
  }

  static override styles = [
    tokens,
    dash,
    css`
      :host {
        display: block;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px 12px;
        margin: 0 0 var(--yc-space-3);
      }
      dt {
        color: var(--yc-muted);
      }
      dd {
        margin: 0;
      }
      td.note {
        white-space: normal;
      }
      form {
        display: grid;
        gap: var(--yc-space-2);
        margin-top: var(--yc-space-3);
      }
      form label {
        display: grid;
        gap: 4px;
        max-width: 640px;
      }
      select,
      textarea {
        font: inherit;
        padding: 6px;
      }
      textarea {
        min-height: 72px;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('review') && !this.review.actions.includes(this.action as BadReviewAction)) this.action = this.review.actions[0] ?? '';
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.action) return;
    const sent = this.note;
    const done = await app.evaluations.takeStep(this.review.id, this.action, sent, this.action === 'decide_appeal' ? this.decision : undefined);
    // The step log may already show the new step (a fact refreshed the list first) and the manager may
    // have started the next note: clear only the note that was sent.
    if (done && this.note === sent) this.note = '';
  }

  override render() {
    const r = this.review;
    const lang = i18n.lang.get();
    return html`<section class="panel" data-testid="bad-review-detail">
      <h2>${et('detail_title')} · ${r.ticketNumber} · ${STATE_NAMES[r.state][lang]}</h2>
      <dl>
        <dt>${et('reasons')}</dt>
        <dd>${[...r.reasons.map((x) => reasonName(x, lang)), r.reasonText].filter(Boolean).join(lang === 'en' ? '; ' : '；')}</dd>
        <dt>${et('col_evaluator')}</dt>
        <dd>${r.evaluatorMasked ?? et('anonymous')}</dd>
        <dt>${et('deadlines')}</dt>
        <dd>
          ${r.deadlines
            ? (['contact', 'reply', 'close'] as const).map((s) => html`${et(`stage_${s}` as EvalKey)} ${r.deadlines!.dueDates[s]}${s !== 'close' ? ' · ' : ''}`)
            : html`<span class="bad">${et('deadline_problem', { year: r.deadlineProblem?.year ?? '?' })}</span>`}
        </dd>
      </dl>
      <h2>${et('steps')}</h2>
      <table data-testid="bad-review-steps">
        <thead>
          <tr><th>${et('step_at')}</th><th>${et('step_who')}</th><th>${et('step_what')}</th><th>${et('step_note')}</th></tr>
        </thead>
        <tbody>
          ${r.steps.map(
            (s) => html`<tr>
              <td>${time(s.at)}</td>
              <td>${s.actorName ?? et('system')}</td>
              <td>${et(`a_${s.action}` as EvalKey)}${s.decision ? `（${et(s.decision)}）` : ''} → ${STATE_NAMES[s.toState][lang]}</td>
              <td class="note">${s.note}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${r.realName && !r.calledBack ? html`<p class="warn">${et('real_name_rule')}</p>` : nothing}
      ${r.actions.length === 0
        ? html`<p class="muted">${et('no_actions')}</p>`
        : html`<form @submit=${(e: Event) => void this.submit(e)}>
            <label>${et('action')}
              <select data-testid="step-action" @change=${(e: Event) => (this.action = (e.target as HTMLSelectElement).value as BadReviewAction)}>
                ${r.actions.map((a) => html`<option value=${a} ?selected=${a === this.action}>${et(`a_${a}` as EvalKey)}</option>`)}
              </select>
            </label>
            ${this.action === 'decide_appeal'
              ? html`<label>${et('decision')}
                  <select @change=${(e: Event) => (this.decision = (e.target as HTMLSelectElement).value as 'upheld' | 'rejected')}>
                    <option value="rejected" ?selected=${this.decision === 'rejected'}>${et('rejected')}</option>
                    <option value="upheld" ?selected=${this.decision === 'upheld'}>${et('upheld')}</option>
                  </select>
                </label>`
              : nothing}
            <label>${et('note')}
              <textarea data-testid="step-note" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
            </label>
            ${this.error ? html`<p class="bad" role="alert" data-testid="step-error">${describe(this.error)}</p>` : nothing}
            <button class="btn" type="submit" data-testid="step-submit" ?disabled=${this.busy}>${et('submit')}</button>
          </form>`}
    </section>`;
  }
}

customElements.define('yc-dash-bad-review', YcDashBadReview);
