/**
 * The hall's week of opening sessions: one row per session with its start, end and the weekdays it
 * runs on (none ticked = every day); rows are added and removed. The form reads `value`.
 */
import { LitElement, css, html } from 'lit';
import type { OpeningSession } from '../../../server/protocol/views';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { i18n, t } from '../i18n/messages';
import { adminBase, adminForms } from '../styles/admin.css';
import { WEEKDAYS, weekdayName } from '../stores/weekdays';

export class YcSessionsEditor extends LitElement {
  static override properties = { rows: { state: true } };
  declare rows: OpeningSession[];
  static override styles = [
    tokens,
    adminBase,
    adminForms,
    css`
      .row { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; padding: 4px 0; border-bottom: 1px dashed var(--yc-border); }
      .row input[type='text'] { width: 5.5em; }
      .days { display: inline-flex; flex-wrap: wrap; gap: 2px 10px; }
    `,
  ];

  constructor() {
    super();
    this.rows = [];
    new StoreController(this, i18n.lang);
  }

  private given = '';
  /**
   * The loaded sessions. Like an input's value binding, the same sessions given again (the page
   * re-rendering the form) keep what the user has typed; other sessions (another hall) replace it.
   */
  set sessions(v: readonly OpeningSession[] | undefined) {
    const json = JSON.stringify(v ?? []);
    if (json === this.given) return;
    this.given = json;
    this.rows = (v ?? []).map((s) => ({ ...s, ...(s.days && { days: [...s.days] }) }));
  }

  /** The sessions as typed: days absent when none is ticked. */
  get value(): OpeningSession[] {
    const root = this.renderRoot as ShadowRoot;
    return [...root.querySelectorAll<HTMLElement>('.row')].map((row) => {
      const text = (name: string) => row.querySelector<HTMLInputElement>(`input[name=${name}]`)!.value.trim();
      const days = [...row.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((c) => Number(c.value));
      return { start: text('start'), end: text('end'), ...(days.length && { days }) };
    });
  }

  override render() {
    const lang = i18n.lang.get();
    return html`${this.rows.map(
        (s, i) => html`<div class="row" data-index=${i}>
          <label class="inline">${t('hall.from')} <input type="text" name="start" inputmode="numeric" placeholder="09:00" .value=${s.start} /></label>
          <label class="inline">${t('hall.to')} <input type="text" name="end" inputmode="numeric" placeholder="12:00" .value=${s.end} /></label>
          <span class="days">${WEEKDAYS.map((d) => html`<label class="inline"><input type="checkbox" value=${d} ?checked=${s.days?.includes(d) ?? false} />${weekdayName(d, lang)}</label>`)}</span>
          <button class="btn" type="button" data-testid="remove-session" @click=${() => this.removeRow(i)}>${t('common.delete')}</button>
        </div>`,
      )}
      <p class="muted">${t('hall.daysNote')}</p>
      <button class="btn" type="button" data-testid="add-session" @click=${this.add}>${t('hall.addSession')}</button>`;
  }

  private add = () => {
    this.rows = [...this.value, { start: '', end: '' }];
  };

  private removeRow(i: number) {
    this.rows = this.value.filter((_, k) => k !== i);
  }
}

customElements.define('yc-sessions-editor', YcSessionsEditor);
