/** The page: header, then sign-in, hall/counter choice or the desk; owns the keyboard shortcuts. */
import { LitElement, css, html } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { KeyboardController } from '../controllers/keyboard-controller';
import { describe } from '../i18n/describe';
import { i18n, t } from '../i18n/messages';
import { isToolAction } from '../stores/shortcuts';
import { shared } from '../styles/shared.css';
import './yc-app-header';
import './yc-counter-desk';
import './yc-counter-picker';
import './yc-hall-picker';
import './yc-sign-in';

export class YcCounterApp extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100vh;
        background: var(--yc-bg);
      }
      main {
        flex: 1;
        display: flex;
        flex-direction: column;
        padding: var(--yc-space-3);
        min-height: 0;
        overflow: auto;
      }
      .loading {
        margin: auto;
        text-align: center;
      }
      .loading p {
        font-size: 1.1rem;
      }
    `,
  ];

  private readonly screen = new StoreController(this, app.screen);
  private readonly hallsError = new StoreController(this, app.hallsError);

  constructor() {
    super();
    new StoreController(this, i18n.lang);
    new KeyboardController(this, {
      enabled: () => app.screen.get() === 'desk',
      dialogOpen: () => app.desk.dialog.get() !== null || app.tools.dialog.get() !== null,
      run: (action) => (isToolAction(action) ? app.tools.open(action === 'issue-ticket' ? 'issue' : action) : void app.desk.trigger(action)),
    });
  }

  override render() {
    return html`
      <yc-app-header></yc-app-header>
      <main>${this.renderScreen()}</main>
    `;
  }

  private renderScreen() {
    switch (this.screen.value) {
      case 'sign-in':
        return html`<yc-sign-in></yc-sign-in>`;
      case 'pick-hall':
        return html`<yc-hall-picker></yc-hall-picker>`;
      case 'pick-counter':
        return html`<yc-counter-picker></yc-counter-picker>`;
      case 'desk':
        return html`<yc-counter-desk></yc-counter-desk>`;
      case 'loading':
        return this.renderLoading();
    }
  }

  private renderLoading() {
    const error = this.hallsError.value;
    return html`<div class="loading" role="status">
      ${error
        ? html`<p class="problem">${describe(error)}</p>
            <button class="btn" @click=${() => void app.reloadHalls()}>${t('loading.retry')}</button>`
        : html`<p class="muted">${t('loading.text')}</p>`}
    </div>`;
  }
}

customElements.define('yc-counter-app', YcCounterApp);
