/**
 * The phone page's evaluation section (一次一评), shown once the service is finished: the shared
 * <yc-rating-form>, then thanks; a service already rated (on the counter's pad or here) shows 已评价.
 */
import { css, html, LitElement, nothing } from 'lit';
import { LEVEL_NAMES } from '../../../server/protocol/evaluations';
import { createApiClient } from '../../../ui-shared/src/api-client';
import { request } from '../../../ui-shared/src/http';
import { describeError, type Lang } from '../../../ui-shared/src/i18n';
import '../../../ui-shared/src/rating-form';
import type { RatingSubmit } from '../../../ui-shared/src/rating-form';
import { StoreController } from '../../../ui-shared/src/store-controller';
import type { ProgressI18n } from '../i18n/messages';
import { createQrEvaluationStore, type QrEvaluationStore, type QrEvaluationView } from '../stores/qr-evaluation';
import { progressTheme } from './progress-styles';

const WORDS: Record<Lang, Record<'title' | 'thanks' | 'evaluated' | 'your_rating' | 'served_by' | 'not_finished', string>> = {
  'zh-CN': {
    title: '服务评价',
    thanks: '感谢您的评价！',
    evaluated: '已评价',
    your_rating: '本次服务的评价：{level}',
    served_by: '{counter} 号窗口 · {name}（工号 {no}）',
    not_finished: '服务办结后即可在此评价',
  },
  en: {
    title: 'Rate the service',
    thanks: 'Thank you for your rating!',
    evaluated: 'Already rated',
    your_rating: 'This service was rated: {level}',
    served_by: 'Counter {counter} · {name} (staff no. {no})',
    not_finished: 'You can rate the service here once it is finished',
  },
};

export class ProgressEvaluation extends LitElement {
  static override properties = { token: { type: String }, i18n: { attribute: false } };
  declare token: string;
  declare i18n: ProgressI18n;
  private store: QrEvaluationStore | null = null;
  private ctl: StoreController<QrEvaluationView> | null = null;
  private langCtl: StoreController<Lang> | null = null;

  static override styles = [
    progressTheme,
    css`
      .done {
        font-size: 1.3rem;
        font-weight: 700;
        color: #0d5c2e;
        margin: 0;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.store) {
      const api = createApiClient(request);
      this.store = createQrEvaluationStore(this.token, {
        fetchState: (tk) => api.call('qrEvaluationState', { params: { token: tk } }),
        submit: (tk, body) => api.call('qrEvaluate', { params: { token: tk }, body }),
        newId: () => crypto.randomUUID(),
      });
      this.ctl = new StoreController(this, this.store.view);
      this.langCtl = new StoreController(this, this.i18n.lang);
      void this.store.load();
    }
  }

  override render() {
    const v = this.ctl?.value;
    const lang = (this.langCtl?.value ?? 'zh-CN') as Lang;
    if (!v || v.phase === 'loading') return nothing;
    const w = WORDS[lang];
    const s = v.state;
    const fill = (text: string, p: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));
    return html`<section class="card" data-evaluation=${v.phase}>
      <h2>${w.title}</h2>
      ${s?.staff && s.counterNumber !== null ? html`<p class="muted">${fill(w.served_by, { counter: s.counterNumber, name: s.staff.displayName, no: s.staff.staffNo })}</p>` : nothing}
      ${v.phase === 'not_finished' ? html`<p class="muted">${w.not_finished}</p>` : nothing}
      ${v.phase === 'open'
        ? html`<yc-rating-form
            variant="phone"
            .language=${lang}
            .busy=${v.busy}
            .error=${v.error ? describeError(lang, v.error) : ''}
            @rating-submit=${(e: CustomEvent<RatingSubmit>) => void this.store?.submit(e.detail)}
          ></yc-rating-form>`
        : nothing}
      ${v.phase === 'thanks' ? html`<p class="done" role="status">${w.thanks}</p>` : nothing}
      ${v.phase === 'evaluated'
        ? html`<p class="done" role="status">${w.evaluated}</p>
            ${s?.evaluation ? html`<p class="muted">${fill(w.your_rating, { level: LEVEL_NAMES[s.evaluation.level][lang] })}</p>` : nothing}`
        : nothing}
      ${v.phase === 'error' && v.error ? html`<p class="muted" role="alert">${describeError(lang, v.error)}</p>` : nothing}
    </section>`;
  }
}

if (!customElements.get('progress-evaluation')) customElements.define('progress-evaluation', ProgressEvaluation);
