/** The dashboard shell: sign-in, header (hall, view, language, connection, sign out), live view or reports. */
import { LitElement, css, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { describe, i18n, t } from '../i18n/messages';
import { dash } from '../styles/dash.css';
import './yc-dash-eval-alerts';
import './yc-dash-printer-alerts';
import './yc-dash-evaluations';
import './yc-dash-header';
import './yc-dash-live';
import './yc-dash-reports';
import './yc-dash-rollup';
import './yc-dash-sign-in';

export class YcDashboardApp extends LitElement {
  static override styles = [
    tokens,
    dash,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--yc-bg);
      }
      main {
        padding: var(--yc-space-3);
        display: grid;
        gap: var(--yc-space-3);
      }
      .problem-box {
        margin: 10vh auto;
        max-width: 520px;
        text-align: center;
      }
    `,
  ];

  private readonly session = new StoreController(this, app.session.session);
  private readonly problem = new StoreController(this, app.problem);
  private readonly view = new StoreController(this, app.view);
  private readonly hallId = new StoreController(this, app.hallId);
  private readonly feeds = new StoreController(this, app.feeds);

  constructor() {
    super();
    new StoreController(this, i18n.lang);
    new StoreController(this, app.halls);
  }

  override render() {
    document.title = t('app.title');
    if (!this.session.value) return html`<yc-dash-sign-in></yc-dash-sign-in>`;
    const problem = this.problem.value;
    if (problem) {
      const text = problem === 'managers_only' ? t('problem.managersOnly') : problem === 'no_halls' ? t('problem.noHalls') : describe(problem);
      return html`<div class="panel problem-box" role="alert" data-testid="dash-problem">
        <p>${text}</p>
        <button class="btn" @click=${() => void app.session.signOut()}>${t('nav.signOut')}</button>
      </div>`;
    }
    const hallId = this.hallId.value;
    const feed = hallId ? app.feed(hallId) : undefined;
    const several = this.feeds.value.length > 1;
    // 好差评 alerts are live on every view of a hall, not only on the 好差评 tab.
    if (hallId) app.evaluations.show(hallId);
    // So are the kiosk printers' paper alerts.
    if (hallId) app.printers.show(hallId);
    return html`<yc-dash-header></yc-dash-header>
      <main>
        ${hallId ? html`<yc-dash-printer-alerts></yc-dash-printer-alerts><yc-dash-eval-alerts></yc-dash-eval-alerts>` : nothing}
        ${this.view.value === 'evaluations' && hallId
          ? html`<yc-dash-evaluations></yc-dash-evaluations>`
          : this.view.value === 'reports'
          ? html`<yc-dash-reports></yc-dash-reports>`
          : html`${several && !feed ? html`<yc-dash-rollup></yc-dash-rollup>` : nothing}
            ${feed ? html`<yc-dash-live .feed=${feed}></yc-dash-live>` : nothing}
            ${!feed && !several ? html`<p class="muted">${t('loading')}</p>` : nothing}`}
      </main>`;
  }
}

customElements.define('yc-dashboard-app', YcDashboardApp);
