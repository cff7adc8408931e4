/** Matters (with their guide fields and ticket prefix, unique per hall), departments, counters. */
import { html, nothing, type TemplateResult } from 'lit';
import { z } from 'zod';
import type { MatterGuideView } from '../../../server/protocol/cases';
import type { PrinterTestResult } from '../../../server/protocol/admin';
import { departmentCreate, departmentUpdate, type DepartmentView } from '../../../server/protocol/departments';
import type { CounterPrinterView, CounterView, MatterView, ZoneView } from '../../../server/protocol/views';
import { schemas } from '../../../server/protocol';
import { prepare, type CallBody } from '../../../ui-shared/src/api-client';
import { app } from '../app-instance';
import { t } from '../i18n/messages';
import { CrudPage, type Column } from './crud-page';
import { printerForm, readPrinterForm } from './printer-form';
import type { FieldSpec, Option } from './yc-admin-form';

const DELIVERY = ['pickup', 'post', 'electronic'] as const;
const COUNTER_TYPES = ['comprehensive', 'professional', 'consultation', 'pickup', 'assisted', 'complaint', 'cross_region', 'after_hours'] as const;

abstract class HallPage<R extends { id: string }> extends CrudPage<R> {
  protected zones: ZoneView[] = [];
  protected matters: MatterView[] = [];
  protected departments: DepartmentView[] = [];
  protected hall() {
    return app.hallId.get();
  }
  protected override async loadMore() {
    const id = this.hall();
    if (!id) return;
    const [z, m, d] = await Promise.all([
      app.api.call('listZones', { params: { hallId: id } }),
      app.api.call('listMatters', { params: { hallId: id } }),
      app.api.call('listDepartments', { params: { hallId: id } }),
    ]);
    this.zones = z.ok ? z.data : [];
    this.matters = m.ok ? m.data : [];
    this.departments = d.ok ? d.data : [];
  }
  protected zoneName(id: string | null) {
    return this.zones.find((z) => z.id === id)?.name ?? t('counter.noZone');
  }
  protected zoneOptions(): Option[] {
    return this.zones.map((z) => ({ value: z.id, label: z.name }));
  }
}

export class YcAdminMatters extends HallPage<MatterView> {
  protected readonly titleKey = 'nav.matters' as const;
  protected listCall() {
    const hallId = this.hall();
    return hallId ? prepare('listMatters', { params: { hallId } }) : null;
  }
  protected columns(): Column<MatterView>[] {
    return [
      { label: t('matter.code'), cell: (m) => m.code },
      { label: t('matter.name'), cell: (m) => m.name, cls: 'wrap' },
      { label: t('matter.zone'), cell: (m) => this.zoneName(m.zoneId) },
      { label: t('matter.department'), cell: (m) => m.department },
      { label: t('matter.prefix'), cell: (m) => html`<code>${m.ticketPrefix}</code>` },
      { label: t('matter.complexity'), cell: (m) => t(`matter.${m.complexity}`) },
      { label: t('matter.active'), cell: (m) => (m.active ? t('common.enabled') : html`<span class="bad">${t('common.disabled')}</span>`) },
    ];
  }
  protected fields(): FieldSpec[] {
    return [
      { name: 'code', label: t('matter.code'), kind: 'text' },
      { name: 'name', label: t('matter.name'), kind: 'text' },
      { name: 'zoneId', label: t('matter.zone'), kind: 'select', options: this.zoneOptions() },
      { name: 'complexity', label: t('matter.complexity'), kind: 'select', options: [{ value: 'general', label: t('matter.general') }, { value: 'complex', label: t('matter.complex') }] },
      { name: 'ticketPrefix', label: t('matter.prefix'), kind: 'text' },
      { name: 'waitTargetMinutes', label: t('matter.waitTarget'), kind: 'number', nullable: true },
      { name: 'legalLimitDays', label: t('matter.legal'), kind: 'number', nullable: true },
      { name: 'promisedLimitDays', label: t('matter.promised'), kind: 'number', nullable: true },
      { name: 'materials', label: t('matter.materials'), kind: 'lines' },
      { name: 'flags.zeroMaterial', label: t('matter.zeroMaterial'), kind: 'checkbox' },
      { name: 'flags.fullyOnline', label: t('matter.fullyOnline'), kind: 'checkbox' },
      { name: 'flags.onTheSpot', label: t('matter.onTheSpot'), kind: 'checkbox' },
      { name: 'active', label: t('matter.active'), kind: 'checkbox' },
      {
        name: 'guide', label: t('guide.title'), kind: 'group',
        fields: [
          { name: 'guide.departmentId', label: t('matter.department'), kind: 'select', options: this.departments.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name })) },
          { name: 'guide.resultName', label: t('guide.result'), kind: 'text' },
          { name: 'guide.fee', label: t('guide.fee'), kind: 'text' },
          { name: 'guide.noticeDays', label: t('guide.noticeDays'), kind: 'number' },
          { name: 'guide.deliveryMethods', label: t('guide.delivery'), kind: 'checks' },
          { name: 'guide.conditions', label: t('guide.conditions'), kind: 'text', wide: true },
          { name: 'guide.basis', label: t('guide.basis'), kind: 'text', wide: true },
        ],
      },
    ];
  }
  protected override choices() {
    return { 'guide.deliveryMethods': DELIVERY.map((v) => ({ value: v, label: t(`delivery.${v}`) })) };
  }
  protected override header() {
    return this.departments.some((d) => d.active) ? html`` : html`<p class="note" data-testid="no-departments">${t('matter.noDepartments')}</p>`;
  }
  private guides: MatterGuideView[] = [];
  protected override async loadMore() {
    await super.loadMore();
    const id = this.hall();
    const g = id ? await app.api.call('listMatterGuides', { params: { hallId: id } }) : null;
    this.guides = g?.ok ? g.data : [];
  }
  protected override formValues(m: MatterView): Record<string, unknown> {
    const g = this.guides.find((x) => x.matterId === m.id);
    return { ...m, ...(g && { guide: { departmentId: g.departmentId, resultName: g.resultName, fee: g.fee, noticeDays: g.noticeDays, deliveryMethods: g.deliveryMethods, conditions: g.conditions, basis: g.basis } }) };
  }
  protected override newValues() {
    return { zoneId: this.zones[0]?.id, complexity: 'general', active: true, materials: [], guide: { fee: '不收费', noticeDays: 10, deliveryMethods: ['pickup'] } };
  }
  /** The matter's department name is its guide department's: filled in before the server's schema checks it. */
  private withDepartment = (v: unknown): unknown => {
    const value = v as Record<string, unknown> & { guide?: { departmentId?: string } };
    const dept = this.departments.find((d) => d.id === value.guide?.departmentId);
    return dept ? { ...value, department: dept.name } : value;
  };
  protected override createBody(v: Record<string, unknown>) {
    return this.withDepartment(v) as Record<string, unknown>;
  }
  protected override updateBody(row: MatterView, v: Record<string, unknown>) {
    const body = super.updateBody(row, v);
    // The guide is one PUT-like whole: sent complete when any of its fields changed.
    return body.guide ? (this.withDepartment({ ...body, guide: v.guide }) as Record<string, unknown>) : body;
  }
  /** The hall's other matters already using the prefix (prefixes are unique per hall). */
  private prefixClash(prefix: unknown, self: string | null): MatterView | undefined {
    return this.matters.find((m) => m.ticketPrefix === prefix && m.id !== self);
  }
  protected createSchema() {
    const withGuide = schemas.matterCreate.extend({ guide: schemas.matterCreate.shape.guide.unwrap() });
    return z.preprocess(this.withDepartment, withGuide.superRefine((v, ctx) => this.checkPrefix(v.ticketPrefix, null, ctx)));
  }
  protected updateSchema() {
    const self = this.editing && this.editing !== 'new' ? this.editing.id : null;
    return z.preprocess(
      this.withDepartment,
      schemas.matterUpdate.superRefine((v, ctx) => {
        if (v.ticketPrefix !== undefined) this.checkPrefix(v.ticketPrefix, self, ctx);
      }),
    );
  }
  private checkPrefix(prefix: string, self: string | null, ctx: { addIssue(i: { code: 'custom'; message: string; path: string[] }): void }) {
    const clash = this.prefixClash(prefix, self);
    if (clash) ctx.addIssue({ code: 'custom', path: ['ticketPrefix'], message: t('matter.prefixTaken', { prefix, name: clash.name }) });
  }
  protected createCall(body: CallBody<'createMatter'>) {
    return prepare('createMatter', { params: { hallId: this.hall() ?? '' }, body });
  }
  protected updateCall(m: MatterView, body: CallBody<'updateMatter'>) {
    return prepare('updateMatter', { params: { hallId: m.hallId, matterId: m.id }, body });
  }
}

export class YcAdminDepartments extends HallPage<DepartmentView> {
  protected readonly titleKey = 'nav.departments' as const;
  protected listCall() {
    const hallId = this.hall();
    return hallId ? prepare('listDepartments', { params: { hallId } }) : null;
  }
  protected override header() {
    return html`<p class="muted">${t('dept.note')}</p>`;
  }
  protected columns(): Column<DepartmentView>[] {
    return [
      { label: t('dept.name'), cell: (d) => d.name },
      { label: t('dept.contact'), cell: (d) => d.contact ?? t('common.none') },
      { label: t('dept.matters'), cell: (d) => d.matterCount, cls: 'num' },
      { label: t('dept.reviewers'), cell: (d) => d.reviewerCount, cls: 'num' },
      { label: t('dept.active'), cell: (d) => (d.active ? t('common.enabled') : html`<span class="bad">${t('common.disabled')}</span>`) },
    ];
  }
  protected fields(mode: 'new' | 'edit'): FieldSpec[] {
    return [
      { name: 'name', label: t('dept.name'), kind: 'text' },
      { name: 'contact', label: t('dept.contact'), kind: 'text', nullable: true },
      ...(mode === 'edit' ? [{ name: 'active', label: t('dept.active'), kind: 'checkbox' } as FieldSpec] : []),
    ];
  }
  protected createSchema() {
    return departmentCreate;
  }
  protected updateSchema() {
    return departmentUpdate;
  }
  protected createCall(body: CallBody<'createDepartment'>) {
    return prepare('createDepartment', { params: { hallId: this.hall() ?? '' }, body });
  }
  protected updateCall(d: DepartmentView, body: CallBody<'updateDepartment'>) {
    return prepare('updateDepartment', { params: { hallId: d.hallId, departmentId: d.id }, body });
  }
}

export class YcAdminCounters extends HallPage<CounterView> {
  protected readonly titleKey = 'nav.counters' as const;
  /** Each counter's receipt printer (case receipts and notices), read after the list. */
  private printers = new Map<string, CounterPrinterView>();
  private printerFor: string | null = null;
  private printerErrors: Record<string, string> = {};
  private testResult: PrinterTestResult | null = null;
  protected listCall() {
    const hallId = this.hall();
    return hallId ? prepare('listCounters', { params: { hallId } }) : null;
  }
  override async reload(): Promise<void> {
    await super.reload();
    const answers = await Promise.all((this.rows ?? []).map((c) => app.api.call('getCounterPrinter', { params: { hallId: c.hallId, counterId: c.id } })));
    this.printers = new Map(answers.flatMap((r) => (r.ok ? [[r.data.counterId, r.data] as const] : [])));
    this.requestUpdate();
  }
  private printerCell(c: CounterView): TemplateResult | string {
    const p = this.printers.get(c.id);
    if (!p) return t('common.none');
    if (p.source === 'counter' && p.profile) return html`<code data-testid="counter-printer-state">${p.profile.host}:${p.profile.port}</code>`;
    return html`<span class="muted" data-testid="counter-printer-state">${t(p.source === 'server_default' ? 'counter.printerDefault' : 'counter.printerNone')}</span>`;
  }
  protected override extraActions(c: CounterView) {
    return html`<button class="btn" data-testid="counter-printer" @click=${() => this.openPrinter(c)}>${t('device.printer')}</button>`;
  }
  private openPrinter(c: CounterView) {
    this.printerFor = c.id;
    this.printerErrors = {};
    this.testResult = null;
    this.requestUpdate();
  }
  private async savePrinter(ev: Event, c: CounterView) {
    const v = readPrinterForm(ev);
    this.printerErrors = v.ok ? {} : v.fields;
    if (!v.ok) return this.requestUpdate();
    if (await this.act(prepare('setCounterPrinter', { params: { hallId: c.hallId, counterId: c.id }, body: v.data }))) this.notice = t('common.saved');
  }
  private async testPrint(c: CounterView) {
    const r = await app.api.call('testCounterPrint', { params: { hallId: c.hallId, counterId: c.id } });
    this.testResult = r.ok ? r.data : { ok: false, message: r.error.message, ms: 0 };
    this.requestUpdate();
  }
  private async removePrinter(c: CounterView) {
    if (await this.act(prepare('removeCounterPrinter', { params: { hallId: c.hallId, counterId: c.id } }))) this.notice = t('common.saved');
  }
  private printerPanel() {
    const c = this.rows?.find((x) => x.id === this.printerFor);
    if (!c) return nothing;
    const p = this.printers.get(c.id);
    return printerForm({
      title: `${t('counter.printerTitle', { n: c.number })}`,
      profile: p?.source === 'counter' ? p.profile : null,
      errors: this.printerErrors,
      onSubmit: (ev) => void this.savePrinter(ev, c),
      onCancel: () => {
        this.printerFor = null;
        this.requestUpdate();
      },
      extra: html`${p?.profile ? html`<button class="btn" type="button" data-testid="test-print" @click=${() => void this.testPrint(c)}>${t('device.testPrint')}</button>` : nothing}
        ${p?.source === 'counter' ? html`<button class="btn" type="button" data-testid="remove-printer" @click=${() => void this.removePrinter(c)}>${t('counter.removePrinter')}</button>` : nothing}
        ${this.testResult
          ? html`<span class=${this.testResult.ok ? 'ok' : 'bad'} data-testid="test-result">${this.testResult.ok ? t('device.testOk', { ms: this.testResult.ms }) : t('device.testFailed', { why: this.testResult.message })}</span>`
          : html`<span class="muted">${t('counter.printerNote')}</span>`}`,
    });
  }
  protected columns(): Column<CounterView>[] {
    return [
      { label: t('counter.number'), cell: (c) => c.number, cls: 'num' },
      { label: t('counter.name'), cell: (c) => c.name },
      { label: t('counter.type'), cell: (c) => t(`type.${c.type}`) },
      { label: t('counter.zone'), cell: (c) => this.zoneName(c.zoneId) },
      { label: t('counter.matters'), cell: (c) => c.matterIds.length, cls: 'num' },
      { label: t('counter.staff'), cell: (c) => c.staffName ?? t('common.none') },
      { label: t('device.printer'), cell: (c) => this.printerCell(c) },
      { label: t('counter.active'), cell: (c) => (c.active ? t('common.enabled') : html`<span class="bad">${t('common.disabled')}</span>`) },
    ];
  }
  protected fields(): FieldSpec[] {
    return [
      { name: 'number', label: t('counter.number'), kind: 'number' },
      { name: 'name', label: t('counter.name'), kind: 'text' },
      { name: 'type', label: t('counter.type'), kind: 'select', options: COUNTER_TYPES.map((v) => ({ value: v, label: t(`type.${v}`) })) },
      { name: 'zoneId', label: t('counter.zone'), kind: 'select', options: this.zoneOptions(), nullable: true },
      { name: 'active', label: t('counter.active'), kind: 'checkbox' },
      { name: 'matterIds', label: t('counter.matters'), kind: 'checks' },
      { name: 'preferredMatterIds', label: t('counter.preferred'), kind: 'checks' },
    ];
  }
  protected override choices() {
    const opts = this.matters.map((m) => ({ value: m.id, label: `${m.name}（${this.zoneName(m.zoneId)}）` }));
    return { matterIds: opts, preferredMatterIds: opts };
  }
  protected override header() {
    return html`<p class="muted">${t('counter.autoNote')}</p>
      ${this.printerPanel()}`;
  }
  protected override newValues() {
    const next = Math.max(0, ...(this.rows ?? []).map((c) => c.number)) + 1;
    return { number: next, type: 'comprehensive', zoneId: this.zones[0]?.id ?? null, active: true, matterIds: [], preferredMatterIds: [] };
  }
  protected createSchema() {
    return schemas.counterCreate;
  }
  protected updateSchema() {
    return schemas.counterUpdate;
  }
  protected createCall(body: CallBody<'createCounter'>) {
    return prepare('createCounter', { params: { hallId: this.hall() ?? '' }, body });
  }
  protected updateCall(c: CounterView, body: CallBody<'updateCounter'>) {
    return prepare('updateCounter', { params: { hallId: c.hallId, counterId: c.id }, body });
  }
}

customElements.define('yc-admin-matters', YcAdminMatters);
customElements.define('yc-admin-departments', YcAdminDepartments);
customElements.define('yc-admin-counters', YcAdminCounters);
