/** Confirm leaving the counter (it closes and calls no more tickets). */
import { LitElement, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { ModalController } from '../controllers/modal-controller';
import { i18n, t } from '../i18n/messages';
import { dialogStyles } from '../styles/dialog.css';
import { shared } from '../styles/shared.css';

export class YcReleaseDialog extends LitElement {
  static override properties = { open: { type: Boolean }, error: {} };
  declare open: boolean;
  declare error: string;

  static override styles = [tokens, shared, dialogStyles];

  constructor() {
    super();
    this.open = false;
    this.error = '';
    new StoreController(this, i18n.lang);
    new ModalController(this, () => this.open);
  }

  override render() {
    return html`<dialog aria-labelledby="release-title" data-testid="release-dialog" @cancel=${this.cancel}>
      <form method="dialog" @submit=${this.submit}>
        <h2 id="release-title">${t('release.title')}</h2>
        <p>${t('release.text')}</p>
        ${this.error ? html`<p class="problem" role="alert">${this.error}</p>` : nothing}
        <div class="buttons">
          <button type="button" class="btn" autofocus @click=${this.cancel}>${t('dialog.cancel')}</button>
          <button type="submit" class="btn primary">${t('release.submit')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private cancel(e: Event) {
    e.preventDefault();
    app.desk.closeDialog();
  }

  private async submit(e: Event) {
    e.preventDefault();
    await app.desk.release();
  }
}

customElements.define('yc-release-dialog', YcReleaseDialog);
