/** Staff accounts, and the working-day calendar. */
import { html, nothing } from 'lit';
import { z } from 'zod';
import type { AdminStaffView } from '../../../server/protocol/admin';
import { staffUpdate } from '../../../server/protocol/admin';
import type { DepartmentView } from '../../../server/protocol/departments';
import { calendarOverrideInput } from '../../../server/protocol/appointments';
import { schemas } from '../../../server/protocol';
import { prepare, type CallBody, type CallResult } from '../../../ui-shared/src/api-client';
import { app } from '../app-instance';
import { t } from '../i18n/messages';
import { yearWithoutDataWarning } from '../stores/calendar-warning';
import { CrudPage, type Column } from './crud-page';
import type { FieldSpec } from './yc-admin-form';

const ROLES = ['admin', 'manager', 'staff', 'reviewer'] as const;

export class YcAdminStaff extends CrudPage<AdminStaffView> {
  protected readonly titleKey = 'nav.staff' as const;
  /** Departments of every hall the console lists, for reviewers. */
  private departments: (DepartmentView & { hallName: string })[] = [];
  protected listCall() {
    return prepare('listStaff');
  }
  protected override async loadMore() {
    const halls = app.halls.get();
    const lists = await Promise.all(halls.map((h) => app.api.call('listDepartments', { params: { hallId: h.id } })));
    this.departments = lists.flatMap((r, i) => (r.ok ? r.data.map((d) => ({ ...d, hallName: halls[i]!.name })) : []));
  }
  protected columns(): Column<AdminStaffView>[] {
    const hallName = (id: string) => app.halls.get().find((h) => h.id === id)?.name ?? id.slice(0, 8);
    return [
      { label: t('staff.username'), cell: (s) => s.username },
      { label: t('staff.displayName'), cell: (s) => s.displayName },
      { label: t('staff.role'), cell: (s) => t(`role.${s.role}`) },
      { label: t('staff.halls'), cell: (s) => s.hallIds.map(hallName).join('、') || t('common.none'), cls: 'wrap' },
      { label: t('nav.departments'), cell: (s) => s.departmentIds.map((id) => this.departments.find((d) => d.id === id)?.name ?? id.slice(0, 8)).join('、') || t('common.none'), cls: 'wrap' },
      {
        label: t('staff.active'),
        cell: (s) => html`${s.active ? t('common.enabled') : html`<span class="bad">${t('common.disabled')}</span>`}
        ${s.lockedUntil ? html`<span class="warn">${t('staff.locked', { t: new Date(s.lockedUntil).toLocaleTimeString() })}</span>` : nothing}`,
      },
    ];
  }
  protected fields(mode: 'new' | 'edit'): FieldSpec[] {
    return [
      ...(mode === 'new' ? [{ name: 'username', label: t('staff.username'), kind: 'text' } as FieldSpec] : []),
      { name: 'displayName', label: t('staff.displayName'), kind: 'text' },
      { name: 'role', label: t('staff.role'), kind: 'select', options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })) },
      { name: 'password', label: mode === 'new' ? t('staff.password') : t('staff.newPassword'), kind: 'password' },
      ...(mode === 'edit' ? [{ name: 'active', label: t('staff.active'), kind: 'checkbox' } as FieldSpec] : []),
      { name: 'hallIds', label: t('staff.halls'), kind: 'checks' },
      { name: 'departmentIds', label: t('staff.departments'), kind: 'checks' },
    ];
  }
  protected override choices() {
    return {
      hallIds: app.halls.get().map((h) => ({ value: h.id, label: h.name })),
      departmentIds: this.departments.filter((d) => d.active).map((d) => ({ value: d.id, label: `${d.name}（${d.hallName}）` })),
    };
  }
  protected override newValues() {
    return { role: 'staff', hallIds: app.hallId.get() ? [app.hallId.get()] : [] };
  }
  protected override extraActions(s: AdminStaffView) {
    return s.lockedUntil ? html`<button class="btn" data-testid="unlock" @click=${() => void this.act(prepare('updateStaff', { params: { staffId: s.id }, body: { unlock: true } }))}>${t('staff.unlock')}</button>` : nothing;
  }
  protected createSchema() {
    return schemas.staffCreate;
  }
  protected updateSchema() {
    return staffUpdate;
  }
  protected createCall(body: CallBody<'createStaff'>) {
    return prepare('createStaff', { body });
  }
  protected updateCall(s: AdminStaffView, body: CallBody<'updateStaff'>) {
    return prepare('updateStaff', { params: { staffId: s.id }, body });
  }
}

type CalendarView = CallResult<'calendar'>;
type OverrideRow = CalendarView['overrides'][number] & { id: string };

export class YcAdminCalendar extends CrudPage<OverrideRow> {
  protected readonly titleKey = 'nav.calendar' as const;
  private cal: CalendarView | null = null;
  /** No list endpoint: reload() below reads the calendar and shows its overrides as rows. */
  protected listCall() {
    return null;
  }
  protected override get creatable() {
    return true;
  }
  override async reload() {
    const r = await app.api.call('calendar');
    if (!r.ok) {
      this.problem = r.error;
      this.rows = [];
      return;
    }
    this.cal = r.data;
    this.rows = r.data.overrides.map((o) => ({ ...o, id: o.date }));
  }
  protected override header() {
    const cal = this.cal;
    if (!cal) return nothing;
    const withData = [...cal.coveredYears, ...cal.declaredYears];
    const warn = yearWithoutDataWarning(new Date().toISOString().slice(0, 10), withData);
    return html`<div class="panel">
        <p>${t('cal.years')}：<strong data-testid="years">${cal.coveredYears.join('、') || t('common.none')}</strong></p>
        <p>${t('cal.declared')}：${cal.declaredYears.join('、') || t('common.none')}　${t('cal.pending')}：${cal.pendingYears.join('、') || t('common.none')}</p>
      </div>
      ${warn
        ? html`<p class="note" role="alert" data-testid="year-warning">${t('cal.warning', { year: warn.year, days: warn.days })}
            ${this.editable ? html`<button class="btn" @click=${() => void this.act(prepare('declareCalendarYear', { params: { year: String(warn.year) } }))}>${t('cal.declare', { year: warn.year })}</button>` : nothing}</p>`
        : nothing}`;
  }
  protected columns(): Column<OverrideRow>[] {
    return [
      { label: t('cal.date'), cell: (o) => o.date },
      { label: t('cal.working'), cell: (o) => (o.working ? t('cal.workday') : t('cal.holiday')) },
      { label: t('cal.note'), cell: (o) => o.note ?? t('common.none'), cls: 'wrap' },
    ];
  }
  protected fields(mode: 'new' | 'edit'): FieldSpec[] {
    return [
      ...(mode === 'new' ? [{ name: 'date', label: t('cal.date'), kind: 'text' } as FieldSpec] : []),
      { name: 'working', label: t('cal.workday'), kind: 'checkbox' },
      { name: 'note', label: t('cal.note'), kind: 'text', wide: true },
    ];
  }
  protected override extraActions(o: OverrideRow) {
    return html`<button class="btn" @click=${() => void this.act(prepare('deleteCalendarOverride', { params: { date: o.date } }))}>${t('common.delete')}</button>`;
  }
  protected createSchema() {
    return calendarOverrideInput.extend({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD') });
  }
  protected updateSchema() {
    return calendarOverrideInput;
  }
  protected override createBody(v: Record<string, unknown>) {
    const { date: _date, ...body } = v;
    return body;
  }
  protected override updateBody(_row: OverrideRow, v: Record<string, unknown>) {
    return v;
  }
  private pendingDate = '';
  // An override is a PUT per date, new or changed.
  protected createCall(body: CallBody<'setCalendarOverride'>) {
    return prepare('setCalendarOverride', { params: { date: this.pendingDate }, body });
  }
  protected updateCall(o: OverrideRow, body: CallBody<'setCalendarOverride'>) {
    return prepare('setCalendarOverride', { params: { date: o.date }, body });
  }
  protected override async save(value: Record<string, unknown>) {
    this.pendingDate = String(value.date ?? '');
    const body = this.createBody(value) as CallBody<'setCalendarOverride'>; // checked by the form's schema
    const r = await app.api.send(this.editing === 'new' ? this.createCall(body) : this.updateCall(this.editing as OverrideRow, body));
    if (!r.ok) return this.refused(r.error);
    await this.saved();
  }
}

customElements.define('yc-admin-staff', YcAdminStaff);
customElements.define('yc-admin-calendar', YcAdminCalendar);
