/**
 * Devices of the hall: kiosks, wall displays, counter screens and evaluator pads: create (the token
 * is shown once, with the device's address), rename, rotate the token, revoke; a pad is paired with a
 * counter when it is created, and can be re-paired (edit) or unpaired;
 * a kiosk's printer profile with a test print and its live printing status.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DeviceView, DeviceWithToken, PrinterTestResult } from '../../../server/protocol/admin';
import { deviceUpdate } from '../../../server/protocol/admin';
import { padCreateBody } from '../../../server/protocol/evaluations';
import { z } from 'zod';
import { schemas } from '../../../server/protocol';
import type { CounterView, KioskPrinterStatusView, ZoneView } from '../../../server/protocol/views';
import { prepare, type CallBody, type PreparedCall } from '../../../ui-shared/src/api-client';
import { app } from '../app-instance';
import { t } from '../i18n/messages';
import { CrudPage, type Column } from './crud-page';
import { printerForm, readPrinterForm } from './printer-form';
import { printerConditions, stopsPrinting } from '../../../ui-shared/src/printer-sensor';
import type { FieldSpec } from './yc-admin-form';

const KINDS = ['kiosk', 'display', 'counter_display', 'evaluator_pad'] as const;
/**
 * A pad is created through its own endpoint (it must be paired with a counter, whose zone it takes:
 * the form's zone is not sent); the others as devices.
 */
const createAnyDevice = z.discriminatedUnion('kind', [
  schemas.deviceCreate,
  padCreateBody.extend({ kind: z.literal('evaluator_pad'), zoneId: schemas.deviceCreate.shape.zoneId }),
]);
const APP_OF: Record<string, string> = { kiosk: 'kiosk', display: 'display', counter_display: 'display', evaluator_pad: 'evaluation' };

export class YcAdminDevices extends CrudPage<DeviceView> {
  protected readonly titleKey = 'nav.devices' as const;
  private zones: ZoneView[] = [];
  private counters: CounterView[] = [];
  private printers: KioskPrinterStatusView[] = [];
  private printerFor: string | null = null;
  private printerErrors: Record<string, string> = {};
  private testResult: PrinterTestResult | null = null;

  protected listCall() {
    const hallId = app.hallId.get();
    return hallId ? prepare('listDevices', { params: { hallId } }) : null;
  }
  protected override async loadMore() {
    const id = app.hallId.get();
    if (!id) return;
    const [z, c, p] = await Promise.all([
      app.api.call('listZones', { params: { hallId: id } }),
      app.api.call('listCounters', { params: { hallId: id } }),
      app.api.call('listHallPrinters', { params: { hallId: id } }),
    ]);
    this.zones = z.ok ? z.data : [];
    this.counters = c.ok ? c.data : [];
    this.printers = p.ok ? p.data : [];
  }
  protected columns(): Column<DeviceView>[] {
    return [
      { label: t('device.kind'), cell: (d) => t(`kind.${d.kind}`) },
      { label: t('device.name'), cell: (d) => d.name },
      { label: t('device.zone'), cell: (d) => this.zones.find((z) => z.id === d.zoneId)?.name ?? t('common.none') },
      { label: t('device.counter'), cell: (d) => this.counters.find((c) => c.id === d.counterId)?.number ?? t('common.none') },
      { label: t('device.active'), cell: (d) => (d.active ? t('common.enabled') : html`<span class="bad">${t('common.disabled')}</span>`) },
      { label: t('device.printerStatus'), cell: (d) => this.printerCell(d) },
    ];
  }
  private printerCell(d: DeviceView): TemplateResult | string {
    if (d.kind !== 'kiosk') return t('common.none');
    const p = this.printers.find((x) => x.deviceId === d.id);
    if (!p) return t('common.none');
    const cls = p.state === 'ok' ? 'ok' : p.state === 'failing' ? 'bad' : 'muted';
    return html`<span class=${cls} data-testid="printer-state">${t(`printer.${p.state}`)}</span>${p.profile ? html` <code>${p.profile.host}:${p.profile.port}</code>` : nothing}${this.sensorLine(p)}`;
  }
  /** The printer's last word on paper and cover (docs/printing.md "Paper and cover"), with when it said it. */
  private sensorLine(p: KioskPrinterStatusView): TemplateResult | typeof nothing {
    if (!p.sensor || p.source === 'none') return nothing;
    const conditions = printerConditions(p.sensor);
    const timeZone = app.halls.get().find((h) => h.id === p.hallId)?.timeZone ?? 'Asia/Shanghai';
    const time = new Date(p.sensor.reportedAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
    const at = t('sensor.at', { time });
    if (conditions.length === 0) return html`<div class="muted" data-testid="printer-sensor" data-conditions="">${t('sensor.paper_ok')} · ${at}</div>`;
    return html`<div data-testid="printer-sensor" data-conditions=${conditions.join(' ')}>
      ${conditions.map((c) => html`<strong class=${stopsPrinting(c) ? 'bad' : 'warn'}>${t(`sensor.${c}`)}</strong> `)}<span class="muted">· ${at}</span>
    </div>`;
  }
  protected fields(mode: 'new' | 'edit'): FieldSpec[] {
    return [
      ...(mode === 'new' ? [{ name: 'kind', label: t('device.kind'), kind: 'select', options: KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })) } as FieldSpec] : []),
      { name: 'name', label: t('device.name'), kind: 'text' },
      { name: 'zoneId', label: t('device.zone'), kind: 'select', options: this.zones.map((z) => ({ value: z.id, label: z.name })), nullable: true },
      { name: 'counterId', label: t('device.counter'), kind: 'select', options: this.counters.map((c) => ({ value: c.id, label: `${c.number} ${c.name}` })), nullable: true },
    ];
  }
  protected override newValues() {
    return { kind: 'kiosk', zoneId: null, counterId: null };
  }
  private creatingPad = false;
  protected override async save(value: Record<string, unknown>) {
    const editing = this.editing;
    this.creatingPad = editing === 'new' && value.kind === 'evaluator_pad';
    if (editing && editing !== 'new' && editing.kind === 'evaluator_pad') return this.savePad(editing, value);
    return super.save(value);
  }
  /** A pad: its name as a device, its counter through pairing (which also moves it to the counter's zone). */
  private async savePad(pad: DeviceView, value: Record<string, unknown>) {
    const params = { deviceId: pad.id };
    const steps: PreparedCall<unknown>[] = [];
    if (value.name !== pad.name) steps.push(prepare('updateDevice', { params, body: { name: String(value.name ?? '') } }));
    const counterId = (value.counterId as string | null | undefined) ?? null;
    if (counterId !== pad.counterId) steps.push(counterId ? prepare('pairPad', { params, body: { counterId } }) : prepare('unpairPad', { params }));
    for (const step of steps) {
      const r = await app.api.send(step);
      if (!r.ok) return this.refused(r.error);
    }
    await this.saved();
  }
  protected override extraActions(d: DeviceView) {
    if (!d.active) return nothing;
    return html`${d.kind === 'evaluator_pad' && d.counterId
        ? html`<button class="btn" data-testid="unpair" @click=${() => void this.act(prepare('unpairPad', { params: { deviceId: d.id } }))}>${t('device.unpair')}</button>`
        : nothing}
      <button class="btn" data-testid="rotate" @click=${() => void this.rotate(d)}>${t('device.rotate')}</button>
      ${d.kind === 'kiosk' ? html`<button class="btn" data-testid="printer" @click=${() => this.openPrinter(d)}>${t('device.printer')}</button>` : nothing}
      <button class="btn" data-testid="revoke" @click=${() => confirm(t('device.revokeConfirm', { name: d.name })) && void this.act(prepare('deactivateDevice', { params: { deviceId: d.id } }))}>${t('device.revoke')}</button>`;
  }
  protected override header() {
    if (!this.printerFor) return nothing;
    const d = this.rows?.find((x) => x.id === this.printerFor);
    return printerForm({
      title: `${t('device.printer')} · ${d?.name ?? ''}`,
      profile: this.printers.find((x) => x.deviceId === this.printerFor)?.profile,
      errors: this.printerErrors,
      onSubmit: (ev) => void this.savePrinter(ev),
      onCancel: () => {
        this.printerFor = null;
        this.requestUpdate();
      },
      extra: html`<button class="btn" type="button" data-testid="test-print" @click=${() => void this.testPrint()}>${t('device.testPrint')}</button>
        ${this.testResult
          ? html`<span class=${this.testResult.ok ? 'ok' : 'bad'} data-testid="test-result">${this.testResult.ok ? t('device.testOk', { ms: this.testResult.ms }) : t('device.testFailed', { why: this.testResult.message })}</span>`
          : nothing}`,
    });
  }
  private openPrinter(d: DeviceView) {
    this.printerFor = d.id;
    this.printerErrors = {};
    this.testResult = null;
    this.requestUpdate();
  }
  private async savePrinter(ev: Event) {
    const v = readPrinterForm(ev);
    this.printerErrors = v.ok ? {} : v.fields;
    if (!v.ok || !this.printerFor) return this.requestUpdate();
    if (await this.act(prepare('setDevicePrinter', { params: { deviceId: this.printerFor }, body: v.data }))) this.notice = t('common.saved');
  }
  private async testPrint() {
    if (!this.printerFor) return;
    const r = await app.api.call('testPrint', { params: { deviceId: this.printerFor } });
    this.testResult = r.ok ? r.data : { ok: false, message: r.error.message, ms: 0 };
    this.requestUpdate();
  }
  private async rotate(d: DeviceView) {
    const r = await app.api.call('rotateDeviceToken', { params: { deviceId: d.id } });
    if (!r.ok) return void (this.problem = r.error);
    this.showToken(r.data);
  }
  private showToken(d: DeviceWithToken) {
    const url = `${location.origin}/${APP_OF[d.kind]}/?token=${d.token}${d.kind === 'counter_display' && d.counterId ? `&counter=${this.counters.find((c) => c.id === d.counterId)?.number ?? ''}` : ''}`;
    this.notice = html`<div>${t('device.token')} <code data-testid="token">${d.token}</code></div><div>${t('device.url')} <code data-testid="device-url">${url}</code></div>`;
  }
  protected override async afterSave(saved: unknown) {
    const d = saved as Partial<DeviceWithToken> | undefined; // a pad's rename or pairing answers nothing to show
    if (d?.token) this.showToken({ ...(d as DeviceWithToken), kind: d.kind ?? 'evaluator_pad' });
  }
  protected override createBody(v: Record<string, unknown>) {
    return this.creatingPad ? { name: v.name, counterId: v.counterId } : v;
  }
  protected createSchema() {
    return createAnyDevice;
  }
  protected updateSchema() {
    return deviceUpdate;
  }
  protected createCall(body: CallBody<'createDevice'> | CallBody<'createPad'>) {
    const params = { hallId: app.hallId.get() ?? '' };
    return this.creatingPad ? prepare('createPad', { params, body: body as CallBody<'createPad'> }) : prepare('createDevice', { params, body: body as CallBody<'createDevice'> });
  }
  protected updateCall(d: DeviceView, body: CallBody<'updateDevice'>) {
    return prepare('updateDevice', { params: { deviceId: d.id }, body });
  }
}

customElements.define('yc-admin-devices', YcAdminDevices);
