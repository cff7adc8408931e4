/** Every counter action as a button with its shortcut; invalid ones are disabled. */
import { LitElement, css, html } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import type { MessageKey } from '../i18n/messages';
import { i18n, t } from '../i18n/messages';
import type { DeskActionId } from '../stores/available-actions';
import type { DeskView } from '../stores/counter-desk';
import { shortcutLabel, type ActionId } from '../stores/shortcuts';
import { shared } from '../styles/shared.css';

/** The buttons in reading order: the main flow first, then queue handling, then the counter. */
const LAYOUT: ReadonlyArray<{ action: DeskActionId; style?: 'primary' | 'danger' }> = [
  { action: 'call-next', style: 'primary' },
  { action: 'recall' },
  { action: 'start' },
  { action: 'finish' },
  { action: 'no-show', style: 'danger' },
  { action: 'park' },
  { action: 'transfer' },
  { action: 'pause-resume' },
  { action: 'call-selected' },
  { action: 'call-back' },
  { action: 'reactivate' },
  { action: 'release' },
];

export class YcActionBar extends LitElement {
  static override properties = { view: { attribute: false }, busyAction: { attribute: false } };
  declare view: DeskView | null;
  declare busyAction: string | null;

  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
      }
      section {
        padding: var(--yc-space-3);
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: var(--yc-space-2);
      }
      .btn {
        min-height: 56px;
        padding: 0 12px;
        justify-content: space-between;
        font-size: 1rem;
        font-weight: 600;
      }
      kbd {
        flex-shrink: 0;
      }
      .btn[data-action='call-next'] {
        font-size: 1.1rem;
      }
      section[aria-busy='true'] .btn {
        cursor: progress;
      }
      .label {
        text-align: left;
        line-height: 1.2;
      }
    `,
  ];

  constructor() {
    super();
    this.view = null;
    this.busyAction = null;
    new StoreController(this, i18n.lang);
  }

  override render() {
    const v = this.view;
    return html`<section class="panel" aria-label=${t('actions.label')} aria-busy=${this.busyAction !== null ? 'true' : 'false'}>
      <div class="grid">${LAYOUT.map(({ action, style }) => this.renderButton(action, style, v))}</div>
    </section>`;
  }

  private renderButton(action: DeskActionId, style: string | undefined, v: DeskView | null) {
    const enabled = v?.actions[action] ?? false;
    const key = shortcutLabel(action);
    const label = t(labelKey(action, v));
    return html`<button
      class="btn ${style ?? ''}"
      data-action=${action}
      ?disabled=${!enabled}
      aria-keyshortcuts=${key}
      title=${`${label} (${key})`}
      @click=${() => this.dispatchEvent(new CustomEvent('desk-action', { detail: action, bubbles: true, composed: true }))}
    >
      <span class="label">${label}</span><kbd>${key}</kbd>
    </button>`;
  }
}

function labelKey(action: DeskActionId, v: DeskView | null): MessageKey {
  if (action === 'pause-resume') return v?.pauseMode === 'resume' ? 'action.resume' : 'action.pause';
  return `action.${action}`;
}

customElements.define('yc-action-bar', YcActionBar);
