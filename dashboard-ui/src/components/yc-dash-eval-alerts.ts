/** A strip on every view of one hall when bad reviews are at risk (80 % of a stage) or overdue; a click opens 好差评. */
import { LitElement, css, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { et } from '../i18n/evaluation-messages';
import { i18n } from '../i18n/messages';

export class YcDashEvalAlerts extends LitElement {
  static override styles = [
    tokens,
    css`
      button {
        font: inherit;
        font-weight: 700;
        width: 100%;
        text-align: left;
        padding: var(--yc-space-2) var(--yc-space-3);
        border-radius: var(--yc-radius);
        border: 2px solid var(--yc-bad);
        background: #fdecea;
        color: var(--yc-bad);
        cursor: pointer;
      }
    `,
  ];
  private readonly st = new StoreController(this, app.evaluations.state);

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override render() {
    const a = this.st.value.today?.alerts;
    if (!a || a.atRisk + a.overdue === 0) return nothing;
    return html`<button data-testid="eval-alert-strip" role="status" @click=${() => app.view.set('evaluations')}>${et('alerts', { risk: a.atRisk, over: a.overdue })}</button>`;
  }
}

customElements.define('yc-dash-eval-alerts', YcDashEvalAlerts);
