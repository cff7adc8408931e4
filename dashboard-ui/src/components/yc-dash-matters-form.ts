/** 潮汐窗口: open or reassign the matters a counter serves (manager right), with a reason. */
import { LitElement, css, html } from 'lit';
import type { CounterView, HallSnapshot } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { describe, i18n, t } from '../i18n/messages';
import { dash } from '../styles/dash.css';

export class YcDashMattersForm extends LitElement {
  static override properties = { counter: { attribute: false }, snap: { attribute: false }, message: { state: true }, busy: { state: true } };
  declare counter: CounterView;
  declare snap: HallSnapshot;
  declare message: string;
  declare busy: boolean;

  static override styles = [
    tokens,
    dash,
    css`
      form {
        display: grid;
        gap: var(--yc-space-3);
      }
      fieldset {
        border: 1px solid var(--yc-border);
        border-radius: 8px;
        max-height: 46vh;
        overflow: auto;
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 4px 12px;
      }
      legend {
        font-weight: 600;
      }
      .check {
        display: flex;
        gap: 6px;
        align-items: center;
        color: var(--yc-text);
        font-size: 0.9rem;
        margin: 0;
      }
      input[name='reason'] {
        width: 100%;
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
    const zones = this.snap.zones;
    return html`<h2>${t('matters.dialog', { n: this.counter.number })}</h2>
      <form @submit=${this.submit}>
        ${zones.map((z) => {
          const matters = this.snap.matters.filter((m) => m.zoneId === z.id);
          return matters.length
            ? html`<fieldset>
                <legend>${z.name}</legend>
                ${matters.map(
                  (m) => html`<label class="check"><input type="checkbox" name="matter" value=${m.id} ?checked=${this.counter.matterIds.includes(m.id)} />${m.name}</label>`,
                )}
              </fieldset>`
            : '';
        })}
        <div>
          <label for="reason">${t('matters.reason')}</label>
          <input id="reason" name="reason" maxlength="200" />
        </div>
        <button class="btn primary" type="submit" ?disabled=${this.busy}>${t('action.save')}</button>
        <p role="status" class="problem">${this.message}</p>
      </form>`;
  }

  private async submit(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const reason = String(data.get('reason') ?? '').trim();
    if (!reason) {
      this.message = t('matters.reason');
      return;
    }
    this.busy = true;
    const r = await app.setCounterMatters(this.snap.hall.id, this.counter.id, data.getAll('matter').map(String), reason);
    this.busy = false;
    if (!r.ok) {
      this.message = describe(r.error);
      return;
    }
    this.dispatchEvent(new CustomEvent('done', { bubbles: true, composed: true }));
  }
}

customElements.define('yc-dash-matters-form', YcDashMattersForm);
