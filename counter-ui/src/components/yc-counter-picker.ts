/** Choose the counter to work at, grouped by zone; the counter last used on this PC is marked. */
import { LitElement, css, html, nothing } from 'lit';
import type { CounterView } from '../../../server/protocol/views';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { errorAction } from '../../../ui-shared/src/error-guidance';
import { describe } from '../i18n/describe';
import { i18n, t } from '../i18n/messages';
import { counterChoices } from '../stores/counter-selectors';
import { shared } from '../styles/shared.css';
import './yc-notice-bar';

type Choice = ReturnType<typeof counterChoices>[number];

export class YcCounterPicker extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
        align-self: center;
        width: 100%;
        max-width: 1180px;
      }
      h1 {
        margin: var(--yc-space-2) 0 var(--yc-space-1);
        font-size: 1.3rem;
      }
      .hint {
        margin: 0 0 var(--yc-space-3);
      }
      yc-notice-bar {
        display: block;
        margin-bottom: var(--yc-space-3);
      }
      h2 {
        margin: var(--yc-space-4) 0 var(--yc-space-2);
        color: var(--yc-muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
        gap: var(--yc-space-3);
      }
      li {
        display: flex;
        flex-direction: column;
        gap: var(--yc-space-2);
        padding: var(--yc-space-3);
      }
      li.last {
        border-color: var(--yc-accent);
        box-shadow: 0 0 0 1px var(--yc-accent);
      }
      .top {
        display: flex;
        align-items: baseline;
        gap: var(--yc-space-2);
      }
      .num {
        font-size: 1.6rem;
        font-weight: 700;
      }
      .name {
        font-weight: 600;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
        font-size: 0.85rem;
      }
      .state-free {
        color: var(--yc-ok);
      }
      .state-taken {
        color: var(--yc-muted);
      }
      .state-mine {
        color: var(--yc-accent);
        font-weight: 600;
      }
      .btn {
        margin-top: auto;
      }
    `,
  ];

  private readonly snapshot = new StoreController(this, app.snapshot);
  private readonly notice = new StoreController(this, app.notice);
  private readonly busy = new StoreController(this, app.busy);
  private readonly online = new StoreController(this, app.online);
  private readonly session = new StoreController(this, app.session.session);

  constructor() {
    super();
    new StoreController(this, i18n.lang);
  }

  override render() {
    const snap = this.snapshot.value;
    const me = this.session.value?.staff.id ?? '';
    const choices = counterChoices(snap, me);
    const zones = [...(snap?.zones ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
    const groups = [
      ...zones.map((z) => ({ id: z.id, name: z.name, items: choices.filter((c) => c.counter.zoneId === z.id) })),
      { id: 'none', name: t('picker.noZone'), items: choices.filter((c) => !c.counter.zoneId || !zones.some((z) => z.id === c.counter.zoneId)) },
    ].filter((g) => g.items.length > 0);
    return html`
      <h1>${t('picker.title')}</h1>
      <p class="hint muted">${t('picker.hint')}</p>
      ${this.renderNotice()}
      ${groups.map(
        (g) => html`<section aria-label=${g.name}>
          <h2>${g.name}</h2>
          <ul>
            ${g.items.map((c) => this.renderChoice(c))}
          </ul>
        </section>`,
      )}
    `;
  }

  private renderNotice() {
    const n = this.notice.value;
    if (!n) return nothing;
    const text = n.kind === 'error' ? describe(n.error) : t(n.key);
    // An error that has a fix offers it: "您仍在 4 号窗口签到" → [释放 4 号窗口], then the counter asked for is taken.
    const action = n.kind === 'error' ? errorAction(n.error) : null;
    const retry = this.lastAttempt;
    return html`<yc-notice-bar
      .kind=${n.kind}
      .text=${text}
      .actionText=${action && retry ? t('picker.releaseOther', { number: action.counterNumber }) : ''}
      @action=${() => action && retry && void app.releaseAndTake(action.counterId, retry)}
      @dismiss=${() => app.notice.set(null)}
    ></yc-notice-bar>`;
  }

  /** The counter the last take was for (the one to take after releasing the other). */
  private lastAttempt: string | null = null;

  private take(counterId: string): void {
    this.lastAttempt = counterId;
    void app.takeCounter(counterId);
  }

  private renderChoice({ counter, mine, takenByOther }: Choice) {
    const last = app.lastCounterId() === counter.id;
    const disabled = takenByOther || !this.online.value || this.busy.value !== null;
    return html`<li class="panel ${last ? 'last' : ''}" data-testid="counter-choice" data-number=${counter.number}>
      <div class="top"><span class="num">${counter.number}</span><span class="name">${counter.name}</span></div>
      <div class="meta">
        <span class="tag">${t(`counterType.${counter.type}`)}</span>
        <span class="muted">${t('picker.matters', { count: counter.matterIds.length })}</span>
        ${last ? html`<span class="tag">${t('picker.last')}</span>` : nothing}
      </div>
      <div class="meta">${this.renderState(counter, mine, takenByOther)}</div>
      <button class="btn ${mine || last ? 'primary' : ''}" ?disabled=${disabled} @click=${() => this.take(counter.id)}>
        ${mine ? t('picker.continue') : t('picker.take')}
      </button>
    </li>`;
  }

  private renderState(counter: CounterView, mine: boolean, takenByOther: boolean) {
    if (mine) return html`<span class="state-mine">${t(`counterStatus.${counter.status}`)}</span>`;
    if (takenByOther) return html`<span class="state-taken">${t('picker.takenBy', { name: counter.staffName ?? '—' })}</span>`;
    return html`<span class="state-free">${t('picker.free')}</span>`;
  }
}

customElements.define('yc-counter-picker', YcCounterPicker);
