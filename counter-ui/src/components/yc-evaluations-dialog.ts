/**
 * 我的评价: the staff member's own ratings (level, matter, reasons; never who rated) and, on a bad
 * review of their service, its handling state and 申诉 with a required note; a manager decides.
 */
import { LitElement, css, html, nothing } from 'lit';
import { LEVEL_NAMES, REASON_NAMES, STATE_NAMES, type BadReviewReason, type StaffEvaluationView } from '../../../server/protocol/evaluations';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { ModalController } from '../controllers/modal-controller';
import { describe } from '../i18n/describe';
import { i18n } from '../i18n/messages';
import { st } from '../i18n/staff-tool-messages';
import { dialogStyles } from '../styles/dialog.css';
import { staffToolStyles } from '../styles/staff-tools.css';
import { shared } from '../styles/shared.css';

export class YcEvaluationsDialog extends LitElement {
  static override properties = { open: { type: Boolean }, appealing: { state: true }, note: { state: true } };
  declare open: boolean;
  /** The bad review whose appeal form is shown, or null. */
  declare appealing: string | null;
  declare note: string;

  static override styles = [
    tokens,
    shared,
    dialogStyles,
    staffToolStyles,
    css`
      .nowrap {
        white-space: nowrap;
      }
      tr.appeal textarea {
        width: 100%;
        box-sizing: border-box;
      }
    `,
  ];

  constructor() {
    super();
    this.open = false;
    this.appealing = null;
    this.note = '';
    for (const store of [i18n.lang, app.tools.evaluations, app.tools.error, app.tools.busy, app.tools.result]) new StoreController<unknown>(this, store);
    new ModalController(this, () => this.open);
  }

  private review(e: StaffEvaluationView) {
    const lang = i18n.lang.get();
    const r = e.badReview;
    if (!r) return nothing;
    const decision = r.steps.filter((s) => s.action === 'decide_appeal').at(-1);
    return html`${STATE_NAMES[r.state][lang]}
      ${decision ? html`<div class="muted">${st('decision', { note: decision.note })}</div>` : nothing}
      ${r.actions.includes('appeal') && this.appealing !== r.id
        ? html`<div><button type="button" class="btn" data-appeal=${r.id} @click=${() => ((this.appealing = r.id), (this.note = ''))}>${st('appeal')}</button></div>`
        : nothing}`;
  }

  /** The appeal form, in its own full-width row under the review, so the table keeps its columns. */
  private appealForm(e: StaffEvaluationView) {
    const r = e.badReview;
    if (!r || this.appealing !== r.id) return nothing;
    const error = app.tools.error.get();
    return html`<tr class="appeal" data-appeal-form=${r.id}>
      <td colspan="5">
        ${error ? html`<p class="problem" role="alert">${error.message === 'appeal_note_required' ? st('appealNoteRequired') : describe(error)}</p>` : nothing}
        <label>${st('appealNote')}<textarea data-testid="appeal-note" .value=${this.note} @input=${(ev: Event) => ((this.note = (ev.target as HTMLTextAreaElement).value), app.tools.error.set(null))}></textarea></label>
        <div class="buttons">
          <button type="button" class="btn" @click=${() => (this.appealing = null)}>${st('cancel')}</button>
          <button type="button" class="btn primary" data-testid="appeal-submit" ?disabled=${app.tools.busy.get()} @click=${() => void this.sendAppeal(r.id)}>${st('appealSubmit')}</button>
        </div>
      </td>
    </tr>`;
  }

  private async sendAppeal(reviewId: string) {
    if (await app.tools.appeal(reviewId, this.note)) this.appealing = null;
  }

  override render() {
    const lang = i18n.lang.get();
    const list = app.tools.evaluations.get();
    const error = app.tools.error.get();
    const appealed = app.tools.result.get()?.kind === 'appealed';
    const reason = (x: string) => REASON_NAMES[x as BadReviewReason]?.[lang] ?? x;
    return html`<dialog class="wide" aria-labelledby="evaluations-title" data-testid="evaluations-dialog" @cancel=${this.close}>
      <form method="dialog" @submit=${this.close}>
        <h2 id="evaluations-title">${st('evaluationsTitle')}</h2>
        <p class="muted">${st('evaluationsHint')}</p>
        ${error && !this.appealing ? html`<p class="problem" role="alert">${describe(error)}</p>` : nothing}
        ${appealed ? html`<p class="ok" role="status">${st('appealed')}</p>` : nothing}
        ${list === null
          ? html`<p class="muted">${st('appointmentsLoading')}</p>`
          : list.length === 0
            ? html`<p class="muted" data-testid="evaluations-empty">${st('evaluationsEmpty')}</p>`
            : html`<div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>${st('colDate')}</th>
                      <th>${st('colLevel')}</th>
                      <th>${st('colMatter')}</th>
                      <th>${st('colReason')}</th>
                      <th>${st('colReview')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${list.map(
                      (e) => html`<tr data-evaluation=${e.id} data-level=${e.level}>
                        <td class="nowrap">${e.serviceDate}</td>
                        <td class="nowrap">${e.level} ${LEVEL_NAMES[e.level][lang]}</td>
                        <td>${e.matterName}</td>
                        <td>${[...e.reasons.map(reason), e.reasonText].filter(Boolean).join(lang === 'en' ? '; ' : '；') || '—'}</td>
                        <td>${this.review(e)}</td>
                      </tr>
                      ${this.appealForm(e)}`,
                    )}
                  </tbody>
                </table>
              </div>`}
        <div class="buttons">
          <button type="button" class="btn" @click=${() => void app.tools.loadEvaluations()}>${st('reload')}</button>
          <button type="submit" class="btn primary" autofocus>${st('close')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private close(e: Event) {
    e.preventDefault();
    this.appealing = null;
    app.tools.close();
  }
}

customElements.define('yc-evaluations-dialog', YcEvaluationsDialog);
