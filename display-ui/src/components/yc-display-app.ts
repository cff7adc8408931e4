/** Root of the wall display: picks the screen for the connection state and the URL's variant. */
import { LitElement, html } from 'lit';
import type { Lang } from '../../../ui-shared/src/i18n';
import { StoreController } from '../../../ui-shared/src/store-controller';
import type { HallNotice } from '../../../server/protocol/events';
import type { CallView } from '../../../server/protocol/views';
import type { DisplayI18n } from '../i18n/messages';
import type { DisplayConfig } from '../stores/display-config';
import type { DisplaySession } from '../stores/display-session';
import { counterScreenState, findZone, WHOLE_HALL, type Scope } from '../stores/selectors';
import type { Store } from '../../../ui-shared/src/store';
import './yc-display-counter-screen';
import './yc-display-hall';
import './yc-display-message';
import './yc-display-sound-hint';

export class YcDisplayApp extends LitElement {
  static override properties = {
    session: { attribute: false },
    config: { attribute: false },
    i18n: { attribute: false },
    announcing: { attribute: false },
    soundBlocked: { attribute: false },
    notice: { attribute: false },
  };
  declare session: DisplaySession;
  declare config: DisplayConfig;
  declare i18n: DisplayI18n;
  declare announcing: Store<CallView | null>;
  declare soundBlocked: Store<boolean>;
  declare notice: Store<HallNotice | null> | null;

  private stores: StoreController<unknown>[] | null = null;

  override connectedCallback(): void {
    // The stores arrive as properties before the element is attached; subscribe to them from then on.
    this.stores ??= [this.session.connection, this.session.hall, this.session.problem, this.announcing, this.soundBlocked, this.i18n.lang].map(
      (s) => new StoreController<unknown>(this, s as Store<unknown>),
    );
    super.connectedCallback();
  }

  /** Light DOM: the screens position themselves over the whole viewport. */
  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const lang: Lang = this.i18n.lang.get();
    const connection = this.session.connection.get();
    const snap = this.session.hall.get();
    const offlineText = connection === 'online' ? null : this.i18n.t(connection === 'connecting' ? 'status.connecting' : 'status.offline');
    const hint = html`<yc-display-sound-hint .visible=${this.soundBlocked.get()} .text=${this.i18n.t('status.sound')}></yc-display-sound-hint>`;
    const message = (key: Parameters<DisplayI18n['t']>[0], body = '', params?: Record<string, string | number>) =>
      html`<yc-display-message .heading=${this.i18n.t(key, params)} .body=${body} tone="error"></yc-display-message>`;

    if (connection === 'unauthorised') return message('unauthorised.title', this.i18n.t('unauthorised.body'));
    if (this.session.problem.get() === 'no_hall') return message('error.noHall');
    if (!snap) {
      return html`<yc-display-message .heading=${this.i18n.t('loading')} .body=${offlineText ?? ''}></yc-display-message>`;
    }
    let scope: Scope = WHOLE_HALL;
    const zone = this.config.zone ? findZone(snap, this.config.zone) : null;
    if (this.config.zone && !zone) return message('error.zone', '', { zone: this.config.zone });
    if (zone) scope = { zoneId: zone.id };
    const now = () => this.session.now();
    const announcing = this.announcing.get();

    if (this.config.counter !== null) {
      const state = counterScreenState(snap, this.config.counter);
      if (state.kind === 'missing') return message('error.counter', '', { number: state.number });
      return html`<yc-display-counter-screen
          .state=${state}
          .i18n=${this.i18n}
          .lang=${lang}
          .timeZone=${snap.hall.timeZone}
          .now=${now}
          .offlineText=${offlineText}
          .notice=${this.notice}
          ?flash=${announcing?.counterNumber === state.counter.number}
        ></yc-display-counter-screen
        >${hint}`;
    }
    return html`<yc-display-hall
        .snap=${snap}
        .scope=${scope}
        .zone=${zone}
        .i18n=${this.i18n}
        .lang=${lang}
        .now=${now}
        .announcing=${announcing}
        .offlineText=${offlineText}
        .notice=${this.notice}
      ></yc-display-hall
      >${hint}`;
  }
}

customElements.define('yc-display-app', YcDisplayApp);

declare global {
  interface HTMLElementTagNameMap {
    'yc-display-app': YcDisplayApp;
  }
}
