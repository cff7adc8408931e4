/**
 * The paper the counter hands over for a case outcome: 受理回执 (case number, matter, date, promised
 * date, how to follow progress, how the result is delivered), 一次性告知书 (every item, counter,
 * deadline, contact), 不予受理通知书, 容缺承诺, 办结 / 领取凭证. Printed on the workstation's printer.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { CaseAtCounter, CaseView } from '../../../server/protocol/cases';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { ct, deliveryText } from '../i18n/case-messages';
import type { CaseDeskState } from '../stores/case-desk';

export class YcCaseSlip extends LitElement {
  static override properties = { kind: {}, current: { attribute: false }, caseView: { attribute: false }, hallName: {}, timeZone: {} };
  declare kind: NonNullable<CaseDeskState['slip']>;
  declare current: CaseAtCounter | null;
  declare caseView: CaseView | null;
  declare hallName: string;
  declare timeZone: string;

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .slip {
        border: 1px dashed var(--yc-border, #d5dbe3);
        border-radius: 8px;
        padding: 12px 16px;
        background: #fffdf7;
        font-size: 0.95rem;
        line-height: 1.5;
      }
      h3 {
        margin: 0 0 4px;
        text-align: center;
        font-size: 1.1rem;
      }
      .hall {
        text-align: center;
        color: var(--yc-muted, #5b6675);
      }
      ol {
        margin: 4px 0;
        padding-left: 1.4em;
      }
      p {
        margin: 2px 0;
      }
    `,
  ];

  override render() {
    const c = this.caseView ?? this.current?.case;
    if (!c || !this.kind) return nothing;
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: this.timeZone || 'Asia/Shanghai' }).format(new Date(c.closedAt ?? c.acceptedAt ?? c.openedAt));
    const n = c.notice;
    return html`<div class="slip" data-slip=${this.kind}>
      <h3>${ct(`slip_${this.kind}`)}</h3>
      <div class="hall">${ct('slipHall', { hall: this.hallName })}</div>
      <p>${ct('slipCase', { number: c.number })}</p>
      <p>${ct('slipMatter', { matter: c.matterName })}</p>
      <p>${ct('slipDate', { date })}</p>
      ${this.kind === 'receipt' || this.kind === 'tolerated' ? html`<p>${ct('slipDue', { date: c.dueDate ?? '' })}</p><p>${ct('slipDelivery', { how: deliveryText(c.delivery) })}</p><p>${ct('slipFollow')}</p>` : nothing}
      ${this.kind === 'notice' && n
        ? html`<p>${ct('slipItems')}</p>
            <ol>${n.items.map((i) => html`<li>${i}</li>`)}</ol>
            <p>${ct('slipDeadline', { date: n.deadline ?? '', counter: n.counterNumber ?? '' })}</p>`
        : nothing}
      ${this.kind === 'tolerated' && n ? html`<p>${ct('slipPromise', { date: n.deadline ?? '' })}</p><ol>${n.items.map((i) => html`<li>${i}</li>`)}</ol>` : nothing}
      ${this.kind === 'not_accepted' && n ? html`<p>${ct('slipReason', { reason: n.reason ?? '' })}</p>` : nothing}
      ${n?.contact ? html`<p>${ct('slipContact', { contact: n.contact })}</p>` : nothing}
    </div>`;
  }

  /** Prints the slip alone through a hidden frame; the text is also kept on window.__ycPrinted for checks. */
  print(): void {
    const slip = this.renderRoot.querySelector('.slip');
    if (!slip) return;
    const text = (slip as HTMLElement).innerText;
    const w = window as unknown as { __ycPrinted?: string[] };
    (w.__ycPrinted ??= []).push(text);
    if (navigator.webdriver) return; // automated browsers have no printer dialog to answer
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0';
    document.body.append(frame);
    const doc = frame.contentDocument!;
    doc.open();
    doc.write(`<!doctype html><meta charset="utf-8"><style>body{font:14px 'Noto Sans CJK SC',sans-serif;margin:12mm}h3{text-align:center}</style>${slip.innerHTML}`);
    doc.close();
    frame.contentWindow!.print();
    setTimeout(() => frame.remove(), 1000);
  }
}

customElements.define('yc-case-slip', YcCaseSlip);
