/** Pause the counter with a reason: 休息 / 会议 / 业务学习 / 其他, plus free text. */
import { LitElement, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { ModalController } from '../controllers/modal-controller';
import { i18n, t } from '../i18n/messages';
import { PAUSE_PRESETS, PAUSE_REASON_MAX, pauseLabel, pauseReason, type PausePreset, type PauseProblem } from '../stores/dialog-forms';
import { dialogStyles } from '../styles/dialog.css';
import { shared } from '../styles/shared.css';

export class YcPauseDialog extends LitElement {
  static override properties = {
    open: { type: Boolean },
    error: {},
    preset: { state: true },
    detail: { state: true },
    problem: { state: true },
  };
  declare open: boolean;
  declare error: string;
  declare preset: PausePreset | null;
  declare detail: string;
  declare problem: PauseProblem | null;

  static override styles = [tokens, shared, dialogStyles];

  constructor() {
    super();
    this.open = false;
    this.error = '';
    this.reset();
    new StoreController(this, i18n.lang);
    new ModalController(this, () => this.open);
  }

  private reset() {
    this.preset = null;
    this.detail = '';
    this.problem = null;
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('open') && this.open) this.reset();
  }

  override render() {
    const lang = i18n.lang.get();
    return html`<dialog aria-labelledby="pause-title" data-testid="pause-dialog" @cancel=${this.cancel}>
      <form method="dialog" @submit=${this.submit} novalidate>
        <h2 id="pause-title">${t('pause.title')}</h2>
        <div class="field" role="group" aria-labelledby="pause-reason">
          <label id="pause-reason">${t('pause.reason')}</label>
          <div class="choices">
            ${PAUSE_PRESETS.map(
              (p) => html`<button type="button" class="btn" aria-pressed=${this.preset === p ? 'true' : 'false'} data-preset=${p} @click=${() => this.choose(p)}>
                ${pauseLabel(lang, p)}
              </button>`,
            )}
          </div>
        </div>
        <div class="field">
          <label for="pause-detail">${t(this.preset === 'other' ? 'pause.detailRequired' : 'pause.detail')}</label>
          <input id="pause-detail" maxlength=${PAUSE_REASON_MAX} .value=${this.detail} @input=${(e: Event) => (this.detail = (e.target as HTMLInputElement).value)} />
        </div>
        ${this.problem ? html`<p class="problem" role="alert">${t(`pause.problem.${this.problem}`)}</p>` : nothing}
        ${this.error ? html`<p class="problem" role="alert">${this.error}</p>` : nothing}
        <div class="buttons">
          <button type="button" class="btn" @click=${this.cancel}>${t('dialog.cancel')}</button>
          <button type="submit" class="btn primary">${t('pause.submit')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private choose(p: PausePreset) {
    this.preset = p;
    this.problem = null;
    if (p === 'other') this.renderRoot.querySelector<HTMLInputElement>('#pause-detail')?.focus();
  }

  private cancel(e: Event) {
    e.preventDefault();
    app.desk.closeDialog();
  }

  private async submit(e: Event) {
    e.preventDefault();
    const r = pauseReason(this.preset, this.detail);
    if (!r.ok) {
      this.problem = r.problem;
      return;
    }
    this.problem = null;
    await app.desk.pause(r.reason);
  }
}

customElements.define('yc-pause-dialog', YcPauseDialog);
