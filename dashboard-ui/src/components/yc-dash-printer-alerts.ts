/**
 * One line per kiosk whose printer needs someone, on every view of one hall: paper out, cover open,
 * offline or an error (red: no tickets print) and paper near its end (amber: still printing), e.g.
 * "1号取号机 纸将用尽，请更换纸卷" (docs/printing.md "Paper and cover").
 */
import { LitElement, css, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { i18n, t } from '../i18n/messages';

export class YcDashPrinterAlerts extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0 0 var(--yc-space-2);
        padding: 0;
        display: grid;
        gap: var(--yc-space-1, 4px);
      }
      li {
        font-weight: 700;
        padding: var(--yc-space-2) var(--yc-space-3);
        border-radius: var(--yc-radius);
        border: 2px solid var(--yc-bad);
        background: #fdecea;
        color: var(--yc-bad);
      }
      li.warn {
        border-color: var(--yc-warn);
        background: #fff4e0;
        color: #7a4a00;
      }
      .at {
        font-weight: 400;
        margin-left: 0.5em;
      }
    `,
  ];
  private readonly st = new StoreController(this, app.printers.state);
  private readonly halls = new StoreController(this, app.halls);

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override render() {
    const { alerts, hallId } = this.st.value;
    if (alerts.length === 0) return nothing;
    const timeZone = this.halls.value.find((h) => h.id === hallId)?.timeZone ?? 'Asia/Shanghai';
    const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
    return html`<ul role="alert" data-testid="printer-alerts">
      ${alerts.map(
        (a) => html`<li class=${a.severity} data-testid="printer-alert" data-condition=${a.condition} data-device=${a.deviceId}>
          ${t(`printerAlert.${a.condition}`, { name: a.deviceName })}<span class="at">${t('printerAlert.at', { time: time(a.reportedAt) })}</span>
        </li>`,
      )}
    </ul>`;
  }
}

customElements.define('yc-dash-printer-alerts', YcDashPrinterAlerts);
