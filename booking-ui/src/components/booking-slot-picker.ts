/** Days as chips, then the chosen day's slots with seats left. Emits `day-chosen` and `slot-chosen` (detail: string). */
import type { SlotSuggestion } from '../stores/nearest-slot';
import { css, html, LitElement, nothing } from 'lit';
import type { BookingCalendarView } from '../../../server/protocol/appointments';
import { tokens } from '../../../ui-shared/src/tokens.css';
import type { BookingI18n } from '../i18n/messages';
import { bookingTheme } from '../styles/booking-styles';

export class BookingSlotPicker extends LitElement {
  static override properties = { calendar: { attribute: false }, date: {}, i18n: { attribute: false }, suggestion: { attribute: false } };
  declare calendar: BookingCalendarView | null;
  declare suggestion: SlotSuggestion | null;
  declare date: string | null;
  declare i18n: BookingI18n;

  constructor() {
    super();
    this.calendar = null;
    this.date = null;
  }

  static override styles = [
    tokens,
    bookingTheme,
    css`
      .days {
        display: flex;
        gap: var(--yc-space-2, 8px);
        overflow-x: auto;
        padding-bottom: var(--yc-space-2, 8px);
      }
      .days button {
        flex: 0 0 auto;
        display: flex;
        flex-direction: column;
        justify-content: center;
        line-height: 1.2;
      }
      .days button[aria-pressed='true'] {
        border-color: var(--yc-primary, #b71c1c);
        box-shadow: inset 0 0 0 2px var(--yc-primary, #b71c1c);
      }
      .slots {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(132px, 1fr));
        gap: var(--yc-space-2, 8px);
        margin-top: var(--yc-space-3, 16px);
      }
      .slots button {
        display: flex;
        justify-content: space-between;
        align-items: center;
      }
      small {
        color: var(--yc-muted, #5b6675);
      }
    `,
  ];

  private emit(name: 'day-chosen' | 'slot-chosen', detail: string) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private dayLabel(date: string): string {
    const d = new Date(`${date}T00:00:00Z`);
    return new Intl.DateTimeFormat(this.i18n.lang.get(), { timeZone: 'UTC', month: 'numeric', day: 'numeric', weekday: 'short' }).format(d);
  }

  override render() {
    const cal = this.calendar;
    if (!cal) return nothing;
    const day = cal.days.find((d) => d.date === this.date);
    const near = this.suggestion;
    return html`
      ${near
        ? html`<p><button class="primary" data-testid="nearest-slot" @click=${() => (this.emit('day-chosen', near.date), this.emit('slot-chosen', near.start))}>
            ${this.i18n.t('nearest_free', { date: this.dayLabel(near.date), time: `${near.start}–${near.end}` })}
          </button></p>`
        : nothing}
      ${cal.days.length === 0 ? html`<p class="muted">${this.i18n.t('no_days')}</p>` : nothing}
      <div class="days" role="group">
        ${cal.days.map(
          (d) =>
            html`<button aria-pressed=${String(d.date === this.date)} @click=${() => this.emit('day-chosen', d.date)}>
              <span>${this.dayLabel(d.date)}</span>${d.note ? html`<small>${d.note}</small>` : nothing}
            </button>`,
        )}
      </div>
      ${cal.calendarUnknownFrom ? html`<p class="muted">${this.i18n.t('calendar_unknown', { date: cal.calendarUnknownFrom })}</p>` : nothing}
      ${day
        ? html`<div class="slots">
            ${day.slots.map(
              (s) =>
                html`<button ?disabled=${s.remaining <= 0} @click=${() => this.emit('slot-chosen', s.start)}>
                  <span>${s.start}–${s.end}</span>
                  <small>${s.remaining > 0 ? this.i18n.t('seats_left', { n: s.remaining }) : this.i18n.t('full')}</small>
                </button>`,
            )}
          </div>`
        : nothing}
    `;
  }
}

customElements.define('booking-slot-picker', BookingSlotPicker);
