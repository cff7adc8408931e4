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
    // .lang: a language switch re-renders the section even when the view has not changed.
    render: (view, i18n) => html`<progress-queue .view=${view} .i18n=${i18n} .lang=${i18n.lang.get()}></progress-queue>`,
  },
  {
    id: 'case',
    visible: (view) => view.case !== null,
    render: (view, i18n) => html`<progress-case .progress=${view.case} .i18n=${i18n} .timeZone=${view.timeZone} .lang=${i18n.lang.get()}></progress-case>`,
  },
  {
    // 好差评: once the counter has finished the service — or, the visitor still at the counter, accepted
    // its case — rate it here (or see 已评价); the server decides (docs/evaluations.md, "One evaluation per service").
    id: 'evaluation',
    visible: (view) => view.ticket.status === 'done' || ((view.ticket.status === 'serving' || view.ticket.status === 'called') && view.case?.acceptedAt != null),
    render: (_view, i18n, token) => html`<progress-evaluation .token=${token} .i18n=${i18n}></progress-evaluation>`,
  },
];
