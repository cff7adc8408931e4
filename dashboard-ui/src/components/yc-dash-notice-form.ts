/** Broadcast a short notice to the wall display of this hall (≤ 100 characters, some minutes), or take it down. */
import { LitElement, css, html, nothing } from 'lit';
import type { HallNotice } from '../../../server/protocol/events';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { timeOf } from '../i18n/format';
import { describe, i18n, t } from '../i18n/messages';
import { dash } from '../styles/dash.css';

export class YcDashNoticeForm extends LitElement {
  static override properties = {
    hallId: { attribute: false },
    notice: { attribute: false },
    timeZone: { attribute: false },
    message: { state: true },
    busy: { state: true },
  };
  declare hallId: string;
  declare notice: HallNotice | null;
  declare timeZone: string;
  declare message: string;
  declare busy: boolean;

  static override styles = [
    tokens,
    dash,
    css`
      form {
        display: grid;
        gap: var(--yc-space-2);
      }
      textarea {
        width: 100%;
        resize: vertical;
      }
      .row {
        display: flex;
        gap: var(--yc-space-2);
        align-items: end;
        flex-wrap: wrap;
      }
      .current {
        background: var(--dash-warn-bg);
        padding: 6px 10px;
        border-radius: 6px;
        margin: 0 0 var(--yc-space-2);
      }
    `,
  ];

  constructor() {
    super();
    new StoreController(this, i18n.lang);
    this.message = '';
    this.busy = false;
  }

  override render() {
    const n = this.notice;
    return html`<section class="panel">
      <h2>${t('notice.title')}</h2>
      ${n ? html`<p class="current" data-testid="notice-current">${t('notice.current', { until: timeOf(n.until, this.timeZone), text: n.text })}</p>` : html`<p class="muted">${t('notice.none')}</p>`}
      <form @submit=${this.send}>
        <textarea name="text" rows="2" maxlength="100" placeholder=${t('notice.placeholder')} required></textarea>
        <div class="row">
          <div><label for="minutes">${t('notice.minutes')}</label><input id="minutes" name="minutes" type="number" min="1" max="480" value="30" /></div>
          <button class="btn primary" type="submit" ?disabled=${this.busy}>${t('notice.send')}</button>
          ${n ? html`<button class="btn" type="button" ?disabled=${this.busy} @click=${this.clear}>${t('notice.clear')}</button>` : nothing}
          <span role="status">${this.message}</span>
        </div>
      </form>
    </section>`;
  }

  private async send(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    const r = await app.postNotice(this.hallId, String(data.get('text') ?? '').trim(), Number(data.get('minutes') ?? 30));
    this.busy = false;
    this.message = r.ok ? t('notice.sent') : describe(r.error);
    if (r.ok) form.reset();
  }

  private async clear() {
    this.busy = true;
    const r = await app.clearNotice(this.hallId);
    this.busy = false;
    this.message = r.ok ? '' : describe(r.error);
  }
}

customElements.define('yc-dash-notice-form', YcDashNoticeForm);
