/**
 * The phone page is a list of sections, each a small component given the progress view. Another
 * feature adds its own section (e.g. the evaluation form) by appending to this list; the shell
 * renders every section whose `visible` says so, in order. No section knows about another.
 */
import { html, type TemplateResult } from 'lit';
import type { ProgressView } from '../../../server/protocol/progress';
import type { ProgressI18n } from '../i18n/messages';
import './progress-queue';
import './progress-case';
import './progress-evaluation';

export interface ProgressSection {
  id: string;
  visible(view: ProgressView): boolean;
  render(view: ProgressView, i18n: ProgressI18n, token: string): TemplateResult;
}

export const progressSections: ProgressSection[] = [
  {
    id: 'queue',
    visible: () => true,
    render: (view, i18n) => html`<progress-queue .view=${view} .i18n=${i18n}></progress-queue>`,
  },
  {
    id: 'case',
    visible: (view) => view.case !== null,
    render: (view, i18n) => html`<progress-case .progress=${view.case} .i18n=${i18n} .timeZone=${view.timeZone}></progress-case>`,
  },
  {
    // 好差评: once the counter has finished the service, rate it here (or see 已评价).
    id: 'evaluation',
    visible: (view) => view.ticket.status === 'done',
    render: (_view, i18n, token) => html`<progress-evaluation .token=${token} .i18n=${i18n}></progress-evaluation>`,
  },
];
