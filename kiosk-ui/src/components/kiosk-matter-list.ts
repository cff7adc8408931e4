/** Step 2: the matters of the chosen area, with a search by name or pinyin initials. */
import { css, html } from 'lit';
import { filterMatters } from '../stores/matter-search';
import { mattersOfZone } from '../stores/kiosk-state';
import { kioskBase, kioskScreenHead } from '../styles/kiosk-styles';
import type { PadKeyDef } from './kiosk-keypad';
import './kiosk-keypad';
import { KioskScreen } from './kiosk-screen';

const INITIALS = 'ABCDEFGHJKLMNOPQRSTWXYZ'; // no pinyin syllable starts with I, U or V

export class KioskMatterList extends KioskScreen {
  static override properties = { ...KioskScreen.properties, letters: { state: true } };
  declare letters: boolean;

  constructor() {
    super();
    this.letters = false;
  }

  static override styles = [
    kioskBase,
    kioskScreenHead,
    css`
      .search {
        display: flex;
        gap: var(--k-gap);
        margin-bottom: var(--k-gap);
      }
      input {
        flex: 1;
        min-width: 0;
        min-height: var(--k-touch);
        font: inherit;
        padding: 0 20px;
        border: var(--k-border);
        border-radius: var(--k-radius);
        background: var(--k-surface);
      }
      kiosk-keypad {
        margin-bottom: var(--k-gap);
      }
      .list {
        display: grid;
        grid-template-columns: 1fr;
        gap: var(--k-gap);
      }
      @media (orientation: landscape) {
        .list {
          grid-template-columns: repeat(2, 1fr);
        }
      }
      .matter {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        justify-content: center;
        text-align: left;
        min-height: calc(var(--k-touch) * 1.6);
        padding: 12px 24px;
        border-left: 10px solid var(--k-accent);
      }
      .matter strong {
        font-size: var(--k-font-lg);
      }
      .matter span {
        font-size: var(--k-font-sm);
      }
      .hint {
        margin-bottom: 12px;
      }
      .none {
        text-align: center;
        padding: var(--k-pad);
      }
    `,
  ];

  private letterKeys(): PadKeyDef[] {
    return [...[...INITIALS].map((k) => ({ key: k, label: k })), { key: 'back', label: this.t('key_back'), span: 1 }];
  }

  private onKey(e: CustomEvent<string>): void {
    const q = this.view.search;
    this.flow.setSearch(e.detail === 'back' ? q.slice(0, -1) : /^[A-Z]+$/.test(q) || q === '' ? q + e.detail : e.detail);
  }

  override render() {
    const v = this.view;
    const found = filterMatters(mattersOfZone(v), v.search);
    const zone = v.zones.find((z) => z.id === v.zoneId);
    return html`${this.renderHead(zone?.name ?? this.t('matter_title'))}
      <div class="search">
        <input
          id="search"
          type="search"
          autocomplete="off"
          .value=${v.search}
          placeholder=${this.t('matter_search')}
          aria-label=${this.t('matter_search')}
          @input=${(e: Event) => this.flow.setSearch((e.target as HTMLInputElement).value)}
        />
        <button id="letters" aria-pressed=${this.letters ? 'true' : 'false'} @click=${() => (this.letters = !this.letters)}>ABC</button>
        ${v.search ? html`<button id="clear-search" @click=${() => this.flow.setSearch('')}>${this.t('matter_search_clear')}</button>` : ''}
      </div>
      ${this.letters ? html`<kiosk-keypad .keys=${this.letterKeys()} columns="8" @kiosk-key=${this.onKey}></kiosk-keypad>` : ''}
      <p class="muted hint">${this.t('matter_title')}</p>
      <div class="list">
        ${found.map(
          (m) => html`<button class="matter" data-matter=${m.name} @click=${() => this.flow.chooseMatter(m.id)}>
            <strong>${m.name}</strong>
            <span class="muted">${m.department} · <span class="waiting">${this.t('waiting_count', { n: v.waitingByMatter[m.id] ?? 0 })}</span></span>
          </button>`,
        )}
      </div>
      ${found.length === 0 ? html`<p class="none muted">${this.t('matter_none')}</p>` : ''}`;
  }
}

customElements.define('kiosk-matter-list', KioskMatterList);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-matter-list': KioskMatterList;
  }
}
