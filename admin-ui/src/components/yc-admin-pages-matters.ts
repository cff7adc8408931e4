/** Matters (with their guide fields and ticket prefix, unique per hall), departments, counters. */
import { html } from 'lit';
import type { CounterView, MatterView, ZoneView } from '../../../server/protocol/views';
import { schemas } from '../../../server/protocol';
import { app } from '../app-instance';
import { t } from '../i18n/messages';
import { CrudPage, type Column } from './crud-page';
import type { FieldSpec, Option } from './yc-admin-form';

const COUNTER_TYPES = ['comprehensive', 'professional', 'consultation', 'pickup', 'assisted', 'complaint', 'cross_region', 'after_hours'] as const;

abstract class HallPage<R extends { id: string }> extends CrudPage<R> {
  protected zones: ZoneView[] = [];
  protected matters: MatterView[] = [];
  protected hall() {
    return app.hallId.get();
  }
  protected override async loadMore() {
    const id = this.hall();
    if (!id) return;
    const [z, m] = await Promise.all([app.call<ZoneView[]>('GET', `/api/halls/${id}/zones`), app.call<MatterView[]>('GET', `/api/halls/${id}/matters`)]);
    this.zones = z.ok ? z.data : [];
    this.matters = m.ok ? m.data : [];
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
  protected listPath() {
    return this.hall() ? `/api/halls/${this.hall()}/matters` : null;
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
      { name: 'department', label: t('matter.department'), kind: 'text' },
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
    ];
  }
  protected override newValues() {
    return { zoneId: this.zones[0]?.id, complexity: 'general', active: true, materials: [] };
  }
  /** The hall's other matters already using the prefix (prefixes are unique per hall). */
  private prefixClash(prefix: unknown, self: string | null): MatterView | undefined {
    return this.matters.find((m) => m.ticketPrefix === prefix && m.id !== self);
  }
  protected createSchema() {
    return schemas.matterCreate.superRefine((v, ctx) => this.checkPrefix(v.ticketPrefix, null, ctx));
  }
  protected updateSchema() {
    const self = this.editing && this.editing !== 'new' ? this.editing.id : null;
    return schemas.matterUpdate.superRefine((v, ctx) => {
      if (v.ticketPrefix !== undefined) this.checkPrefix(v.ticketPrefix, self, ctx);
    });
  }
  private checkPrefix(prefix: string, self: string | null, ctx: { addIssue(i: { code: 'custom'; message: string; path: string[] }): void }) {
    const clash = this.prefixClash(prefix, self);
    if (clash) ctx.addIssue({ code: 'custom', path: ['ticketPrefix'], message: t('matter.prefixTaken', { prefix, name: clash.name }) });
  }
  protected createPath() {
    return `/api/halls/${this.hall()}/matters`;
  }
  protected updatePath(m: MatterView) {
    return `/api/halls/${m.hallId}/matters/${m.id}`;
  }
}

export class YcAdminDepartments extends HallPage<{ id: string; name: string; matters: string[] }> {
  protected readonly titleKey = 'nav.departments' as const;
  protected override get editable() {
    return false;
  }
  protected listPath() {
    return null;
  }
  override async reload() {
    await this.loadMore();
    const byDept = new Map<string, string[]>();
    for (const m of this.matters) byDept.set(m.department, [...(byDept.get(m.department) ?? []), m.name]);
    this.rows = [...byDept].map(([name, matters]) => ({ id: name, name, matters }));
  }
  protected override header() {
    return html`<p class="muted">${t('dept.note')}</p>`;
  }
  protected columns(): Column<{ id: string; name: string; matters: string[] }>[] {
    return [
      { label: t('matter.department'), cell: (d) => d.name },
      { label: t('dept.matters'), cell: (d) => d.matters.length, cls: 'num' },
      { label: t('nav.matters'), cell: (d) => d.matters.join('、'), cls: 'wrap' },
    ];
  }
  protected fields() {
    return [];
  }
  protected createSchema() {
    return schemas.zoneCreate;
  }
  protected updateSchema() {
    return schemas.zoneUpdate;
  }
  protected createPath() {
    return '';
  }
  protected updatePath() {
    return '';
  }
}

export class YcAdminCounters extends HallPage<CounterView> {
  protected readonly titleKey = 'nav.counters' as const;
  protected listPath() {
    return this.hall() ? `/api/halls/${this.hall()}/counters` : null;
  }
  protected columns(): Column<CounterView>[] {
    return [
      { label: t('counter.number'), cell: (c) => c.number, cls: 'num' },
      { label: t('counter.name'), cell: (c) => c.name },
      { label: t('counter.type'), cell: (c) => t(`type.${c.type}`) },
      { label: t('counter.zone'), cell: (c) => this.zoneName(c.zoneId) },
      { label: t('counter.matters'), cell: (c) => c.matterIds.length, cls: 'num' },
      { label: t('counter.staff'), cell: (c) => c.staffName ?? t('common.none') },
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
    return html`<p class="muted">${t('counter.autoNote')}</p>`;
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
  protected createPath() {
    return `/api/halls/${this.hall()}/counters`;
  }
  protected updatePath(c: CounterView) {
    return `/api/halls/${c.hallId}/counters/${c.id}`;
  }
}

customElements.define('yc-admin-matters', YcAdminMatters);
customElements.define('yc-admin-departments', YcAdminDepartments);
customElements.define('yc-admin-counters', YcAdminCounters);
