/**
 * The staff tools strip of the desk (代取号 Shift+F1, 补打 Shift+F2, 今日预约 Shift+F3) and their
 * dialogs, and the 我的评价 dialog (Shift+F4, opened from the header). The tools need no ticket in hand and work on a paused counter too.
 */
import { LitElement, css, html } from 'lit';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { i18n } from '../i18n/messages';
import { st, type StaffToolKey } from '../i18n/staff-tool-messages';
import { shortcutLabel, type ToolAction } from '../stores/shortcuts';
import type { ToolDialog } from '../stores/staff-tools';
import { shared } from '../styles/shared.css';
import './yc-appointments-dialog';
import './yc-evaluations-dialog';
import './yc-issue-dialog';
import './yc-reprint-dialog';

const TOOLS: ReadonlyArray<{ action: ToolAction; dialog: Exclude<ToolDialog, null | 'evaluations'>; label: StaffToolKey }> = [
  { action: 'issue-ticket', dialog: 'issue', label: 'issue' },
  { action: 'reprint', dialog: 'reprint', label: 'reprint' },
  { action: 'appointments', dialog: 'appointments', label: 'appointments' },
];

export class YcStaffTools extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
      }
      .strip {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: var(--yc-space-2);
      }
      .btn {
        min-height: 40px;
        padding: 0 10px;
        justify-content: space-between;
        font-size: 0.9rem;
        font-weight: 600;
      }
      .label {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      yc-issue-dialog,
      yc-reprint-dialog,
      yc-appointments-dialog,
      yc-evaluations-dialog {
        display: contents;
      }
    `,
  ];

  constructor() {
    super();
    for (const store of [i18n.lang, app.tools.dialog]) new StoreController<unknown>(this, store);
  }

  override render() {
    const open = app.tools.dialog.get();
    return html`<div class="strip" role="group" aria-label=${st('label')}>
        ${TOOLS.map(({ action, dialog, label }) => {
          const key = shortcutLabel(action);
          return html`<button class="btn" data-tool=${dialog} aria-keyshortcuts=${key} title=${`${st(label)} (${key})`} @click=${() => app.tools.open(dialog)}>
            <span class="label">${st(label)}</span><kbd>${key}</kbd>
          </button>`;
        })}
      </div>
      <yc-issue-dialog ?open=${open === 'issue'}></yc-issue-dialog>
      <yc-reprint-dialog ?open=${open === 'reprint'}></yc-reprint-dialog>
      <yc-appointments-dialog ?open=${open === 'appointments'}></yc-appointments-dialog>
      <yc-evaluations-dialog ?open=${open === 'evaluations'}></yc-evaluations-dialog>`;
  }
}

customElements.define('yc-staff-tools', YcStaffTools);
