/** The public 办事指南 of one matter, phone-first: what to bring, limits, fee, result, delivery, basis. */
import { css, html, LitElement, nothing } from 'lit';
import type { MatterGuideView } from '../../../server/protocol/cases';
import { tokens } from '../../../ui-shared/src/tokens.css';
import type { ProgressI18n } from '../i18n/messages';
import { progressTheme } from './progress-styles';

const FORM = { 'zh-CN': { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' }, en: { original: 'original', copy: 'copy', original_and_copy: 'original + copy' } } as const;

export class ProgressGuide extends LitElement {
  static override properties = { guide: { attribute: false }, i18n: { attribute: false } };
  declare guide: MatterGuideView | null;
  declare i18n: ProgressI18n;

  static override styles = [
    tokens,
    progressTheme,
    css`
      ol {
        margin: 0;
        padding-left: 1.3em;
        display: grid;
        gap: 8px;
      }
      .tag {
        font-size: 0.8rem;
        padding: 1px 6px;
        border-radius: 4px;
        margin-left: 4px;
        background: #eef1f4;
        color: var(--yc-muted, #5b6675);
      }
      .tag.req {
        background: #fbe7e7;
        color: var(--yc-bad, #c62828);
      }
      .tag.tol {
        background: #fdf1dc;
        color: #6b4100;
      }
      h1 {
        font-size: 1.3rem;
        margin: var(--yc-space-3, 16px) 0 0;
      }
    `,
  ];

  override render() {
    const g = this.guide;
    const i18n = this.i18n;
    if (!g || !i18n) return nothing;
    const lang = i18n.lang.get();
    const t = i18n.t;
    const days = (n: number | null) => (n === null ? '—' : t('guide_days', { n }));
    return html`<h1>${g.matterName}</h1>
      <div class="muted">${g.hallName} · ${g.zoneName} · ${g.departmentName}</div>
      <section class="card">
        <h2>${t('guide_materials')}</h2>
        ${g.materials.length === 0
          ? html`<div>${t('guide_no_materials')}</div>`
          : html`<ol>
              ${g.materials.map(
                (m) => html`<li>
                  ${m.name}<span class="tag ${m.required ? 'req' : ''}">${m.required ? t('guide_required') : t('guide_optional')}</span>${m.tolerable ? html`<span class="tag tol">${t('guide_tolerable')}</span>` : nothing}
                  <div class="muted">${FORM[lang][m.form]} ${m.copies} ${t('guide_copies')}${m.note ? ` · ${m.note}` : ''}</div>
                </li>`,
              )}
            </ol>`}
      </section>
      <section class="card">
        <dl>
          <dt>${t('guide_conditions')}</dt><dd>${g.conditions}</dd>
          <dt>${t('guide_legal')}</dt><dd>${days(g.legalLimitDays)}</dd>
          <dt>${t('guide_promised')}</dt><dd>${g.onTheSpot ? t('case_on_the_spot') : days(g.promisedLimitDays)}</dd>
          <dt>${t('guide_fee')}</dt><dd>${g.fee}</dd>
          <dt>${t('case_result')}</dt><dd>${g.resultName}</dd>
          <dt>${t('case_delivery')}</dt><dd>${g.deliveryMethods.map((d) => i18n.delivery(d)).join('、')}</dd>
          <dt>${t('guide_basis')}</dt><dd>${g.basis}</dd>
          ${g.contact ? html`<dt>${t('guide_contact')}</dt><dd>${g.contact}</dd>` : nothing}
        </dl>
      </section>`;
  }
}

customElements.define('progress-guide', ProgressGuide);
