/** The workstation of the held counter: current ticket, actions, queue, parked and missed tickets. */
import { LitElement, css, html, nothing } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { describe } from '../i18n/describe';
import { i18n, t } from '../i18n/messages';
import type { DeskView, ListKind } from '../stores/counter-desk';
import { displayPauseReason } from '../stores/dialog-forms';
import { shortcutLabel, type ActionId } from '../stores/shortcuts';
import { shared } from '../styles/shared.css';
import './yc-action-bar';
import './yc-case-panel';
import './yc-current-ticket';
import './yc-notice-bar';
import './yc-pause-dialog';
import './yc-release-dialog';
import './yc-staff-tools';
import './yc-ticket-list';
import './yc-transfer-dialog';

export class YcCounterDesk extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      :host {
        flex: 1;
        display: flex;
        flex-direction: column;
        gap: var(--yc-space-3);
        min-height: 0;
      }
      .grid {
        flex: 1;
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(360px, 2fr);
        gap: var(--yc-space-3);
        min-height: 0;
      }
      .left,
      .right {
        display: flex;
        flex-direction: column;
        gap: var(--yc-space-3);
        min-height: 0;
      }
      .right yc-ticket-list[kind='waiting'] {
        flex: 1;
        min-height: 240px;
      }
      .held {
        flex: 1;
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: var(--yc-space-3);
        min-height: 120px;
      }
      .paused {
        display: flex;
        align-items: center;
        gap: var(--yc-space-3);
        padding: 12px 16px;
        border-radius: var(--yc-radius);
        background: var(--yc-warn-bg);
        border: 1px solid #efd3a3;
        color: #6b4100;
      }
      .paused strong {
        font-size: 1.1rem;
      }
      .paused .grow {
        flex: 1;
      }
      /* The dialogs live in the top layer: they must not take a place (and gaps) in this column. */
      yc-pause-dialog,
      yc-transfer-dialog,
      yc-release-dialog {
        display: contents;
      }
      @media (max-width: 1000px) {
        .grid {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  constructor() {
    super();
    for (const store of [i18n.lang, app.snapshot, app.counterId, app.online, app.busy, app.ticker.now, app.desk.selection, app.desk.notice, app.desk.dialog]) {
      new StoreController<unknown>(this, store);
    }
  }

  override willUpdate() {
    // The ticket being transferred left this counter (e.g. a manager moved it): nothing to transfer.
    if (app.desk.dialog.get() === 'transfer' && !app.desk.view().current && app.busy.get() === null) app.desk.closeDialog();
  }

  override render() {
    const v = app.desk.view();
    const snap = app.snapshot.get();
    const now = app.ticker.now.get();
    const dialog = app.desk.dialog.get();
    const notice = app.desk.notice.get();
    const error = notice?.kind === 'error' ? describe(notice.error) : '';
    const tz = snap?.hall.timeZone ?? 'Asia/Shanghai';
    return html`
      ${this.renderPaused(v)}
      ${notice && !dialog
        ? html`<yc-notice-bar .kind=${notice.kind} .text=${notice.kind === 'error' ? error : t(notice.key, { number: notice.number, ...notice.params })} @dismiss=${() => app.desk.dismissNotice()}></yc-notice-bar>`
        : nothing}
      <div class="grid" @ticket-select=${this.onSelect} @desk-action=${this.onAction}>
        <div class="left">
          <yc-current-ticket .ticket=${v.current} .now=${now} .targetMinutes=${snap?.hall.settings.counterHandlingTargetMinutes ?? 20}></yc-current-ticket>
          <yc-action-bar .view=${v} .busyAction=${app.busy.get()}></yc-action-bar>
          <yc-case-panel .ticket=${v.current}></yc-case-panel>
          <div class="held">
            <yc-ticket-list kind="parked" .tickets=${v.parked} .now=${now} .selectedId=${v.parkedTarget?.id ?? null} .timeZone=${tz}></yc-ticket-list>
            <yc-ticket-list kind="missed" .tickets=${v.missed} .now=${now} .selectedId=${v.missedTarget?.id ?? null} .timeZone=${tz}></yc-ticket-list>
          </div>
        </div>
        <div class="right">
          <yc-staff-tools></yc-staff-tools>
          <yc-ticket-list kind="waiting" .tickets=${v.waiting} .now=${now} .selectedId=${v.selectedWaiting?.id ?? null} .timeZone=${tz}></yc-ticket-list>
        </div>
      </div>
      <yc-pause-dialog ?open=${dialog === 'pause'} .error=${dialog === 'pause' ? error : ''}></yc-pause-dialog>
      <yc-transfer-dialog
        ?open=${dialog === 'transfer'}
        .error=${dialog === 'transfer' ? error : ''}
        .ticket=${v.current}
        .snapshot=${snap}
        .counterId=${v.counter?.id ?? ''}
      ></yc-transfer-dialog>
      <yc-release-dialog ?open=${dialog === 'release'} .error=${dialog === 'release' ? error : ''}></yc-release-dialog>
    `;
  }

  private renderPaused(v: DeskView) {
    if (v.counter?.status !== 'paused') return nothing;
    const reason = displayPauseReason(i18n.lang.get(), v.counter.pauseReason);
    return html`<div class="paused" role="status" data-testid="paused-banner">
      <strong>${t('paused.banner')}</strong>
      ${reason ? html`<span>${t('paused.reason', { reason })}</span>` : nothing}
      <span class="grow"></span>
      <span>${t('paused.hint', { key: shortcutLabel('pause-resume') })}</span>
    </div>`;
  }

  private onSelect(e: CustomEvent<{ list: ListKind; ticketId: string }>) {
    app.desk.select(e.detail.list, e.detail.ticketId);
  }

  private onAction(e: CustomEvent<ActionId>) {
    void app.desk.trigger(e.detail);
  }
}

customElements.define('yc-counter-desk', YcCounterDesk);
