/** Base of every kiosk screen: the state to show, the flow to act on, and the words. Not a tag itself. */
import { LitElement, html, type TemplateResult } from 'lit';
import type { I18n } from '../../../ui-shared/src/i18n';
import type { KioskMessageKey } from '../i18n/messages';
import type { KioskFlow } from '../stores/kiosk-flow';
import type { KioskState } from '../stores/kiosk-state';

export type KioskI18n = I18n<KioskMessageKey>;

export class KioskScreen extends LitElement {
  static override properties = {
    view: { attribute: false },
    flow: { attribute: false },
    i18n: { attribute: false },
    locale: { attribute: false },
  };

  declare view: KioskState;
  declare flow: KioskFlow;
  declare i18n: KioskI18n;
  /** Passed only so a language switch re-renders the screen. */
  declare locale: string;

  protected t(key: KioskMessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key, params);
  }

  /** A step screen's head (styles: kioskScreenHead): ‹ back, then the title. */
  /** The screen's head: 返回, the title, and at the right an optional control (else a spacer). */
  protected renderHead(title: string, end?: TemplateResult): TemplateResult {
    return html`<div class="head">
      <button id="back" @click=${() => this.flow.back()}>‹ ${this.t('back')}</button>
      <h2>${title}</h2>
      ${end ?? html`<span class="spacer"></span>`}
    </div>`;
  }
}
