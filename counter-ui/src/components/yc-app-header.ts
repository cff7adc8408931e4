/** Top bar: product, counter, today's break reminder (休息安排), staff member, connection badge, language, sign-out. */
import { LitElement, css, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { i18n, t } from '../i18n/messages';
import { st } from '../i18n/staff-tool-messages';
import { breakReminder, formatClockTime } from '../stores/counter-selectors';
import { shortcutLabel } from '../stores/shortcuts';
import { shared } from '../styles/shared.css';
import './yc-connection-badge';

export class YcAppHeader extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      header {
        display: flex;
        align-items: center;
        gap: var(--yc-space-3);
        padding: 10px var(--yc-space-3);
        background: var(--yc-surface);
        border-bottom: 1px solid var(--yc-border);
        min-height: 60px;
      }
      .brand {
        display: flex;
        align-items: baseline;
        gap: var(--yc-space-2);
        white-space: nowrap;
      }
      .mark {
        font-weight: 800;
        font-size: 1.25rem;
        color: var(--yc-primary);
        letter-spacing: 0.04em;
      }
      .title {
        font-size: 1rem;
        color: var(--yc-muted);
      }
      .counter {
        display: flex;
        align-items: baseline;
        gap: var(--yc-space-2);
        padding-left: var(--yc-space-3);
        border-left: 1px solid var(--yc-border);
        min-width: 0;
      }
      .counter strong {
        font-size: 1.15rem;
      }
      .counter span {
        color: var(--yc-muted);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .spacer {
        flex: 1;
      }
      .breaks {
        display: flex;
        align-items: center;
        gap: 4px 10px;
        padding: 4px 12px;
        border-radius: 8px;
        background: var(--yc-accent-bg);
        color: #0a4a8a;
        font-size: 0.9rem;
        white-space: nowrap;
        overflow: hidden;
        margin: 0;
        min-width: 0;
      }
      .breaks .now {
        font-weight: 600;
      }
      .who {
        font-weight: 600;
        white-space: nowrap;
      }
      .btn {
        min-height: 36px;
        padding: 0 12px;
        font-size: 0.9rem;
      }
    `,
  ];

  private readonly session = new StoreController(this, app.session.session);
  private readonly screen = new StoreController(this, app.screen);

  constructor() {
    super();
    new StoreController(this, i18n.lang);
    new StoreController(this, app.snapshot);
    new StoreController(this, app.counterId);
    new StoreController(this, app.ticker.now);
  }

  /** 休息安排: this counter's breaks scheduled for today (docs/routing.md), the one under way marked. */
  private renderBreaks(counterId: string) {
    const snap = app.snapshot.get();
    const now = formatClockTime(new Date(app.ticker.now.get()).toISOString(), snap?.hall.timeZone ?? 'Asia/Shanghai');
    const times = breakReminder(snap, counterId, now);
    if (times.length === 0) return nothing;
    return html`<p class="breaks" role="note" data-testid="break-reminder">
      <strong>${t('breaks.title')}</strong>${times.map((b) => html`<span class=${b.now ? 'now' : ''}>${b.from}–${b.to}${b.now ? t('breaks.now') : ''}</span>`)}
    </p>`;
  }

  override render() {
    const session = this.session.value;
    const counter = this.screen.value === 'desk' ? app.counter() : null;
    const other = i18n.lang.get() === 'zh-CN' ? 'en' : 'zh-CN';
    return html`<header>
      <div class="brand"><span class="mark">${t('app.brand')}</span><span class="title">${t('app.title')}</span></div>
      ${counter
        ? html`<div class="counter" data-testid="header-counter">
            <strong>${t('header.counter', { number: counter.number })}</strong><span>${counter.name}</span>
          </div>
          ${this.renderBreaks(counter.id)}`
        : nothing}
      <div class="spacer"></div>
      ${session ? html`<yc-connection-badge></yc-connection-badge><span class="who">${session.staff.displayName}</span>` : nothing}
      ${counter
        ? html`<button class="btn" data-tool="evaluations" aria-keyshortcuts=${shortcutLabel('evaluations')} title=${`${st('evaluations')} (${shortcutLabel('evaluations')})`} @click=${() => app.tools.open('evaluations')}>
            ${st('evaluations')}
          </button>`
        : nothing}
      <button class="btn" lang=${other} aria-label=${t('lang.label')} data-testid="lang-toggle" @click=${() => i18n.setLang(other)}>
        ${t('lang.switch')}
      </button>
      ${session
        ? html`<button class="btn" data-testid="sign-out" @click=${() => void app.signOut()}>${t('header.signOut')}</button>`
        : nothing}
    </header>`;
  }
}

customElements.define('yc-app-header', YcAppHeader);
