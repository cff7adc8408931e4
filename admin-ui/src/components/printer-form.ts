/**
 * The ESC/POS printer form of the admin console: a kiosk's printer (devices page, with a test print)
 * and a counter's receipt printer (counters page, with "detach"). Host, port, command set, paper
 * width; checked against the same schema as the server (printerProfileSchema) before it is sent.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PrinterProfileView } from '../../../server/protocol/views';
import { printerProfileSchema } from '../../../server/protocol/printing';
import { i18n, t } from '../i18n/messages';
import { validate } from '../stores/form-errors';

export interface PrinterFormOptions {
  title: string;
  profile: PrinterProfileView | null | undefined;
  errors: Record<string, string>;
  onSubmit(ev: Event): void;
  onCancel(): void;
  /** Further buttons (test print, detach) and their result, after save. */
  extra?: TemplateResult | typeof nothing;
}

export function printerForm(o: PrinterFormOptions): TemplateResult {
  const e = o.errors;
  const p = o.profile;
  const f = (name: string, label: string, value: unknown, type = 'text') =>
    html`<div class="field ${e[name] ? 'invalid' : ''}"><label for="p-${name}">${label}</label><input id="p-${name}" name=${name} type=${type} .value=${String(value ?? '')} />${e[name] ? html`<div class="err">${e[name]}</div>` : nothing}</div>`;
  return html`<div class="panel" data-testid="printer-form">
    <h2>${o.title}</h2>
    <form class="grid" @submit=${(ev: Event) => o.onSubmit(ev)}>
      ${f('host', t('device.printerHost'), p?.host)} ${f('port', t('device.printerPort'), p?.port ?? 9100, 'number')}
      <div class="field"><label for="p-type">${t('device.printerType')}</label><select id="p-type" name="type">${['epson', 'star'].map((v) => html`<option ?selected=${p?.type === v}>${v}</option>`)}</select></div>
      <div class="field"><label for="p-paper">${t('device.paper')}</label><select id="p-paper" name="paperWidth">${[80, 58].map((v) => html`<option ?selected=${p?.paperWidth === v}>${v}</option>`)}</select></div>
      <div class="actions field wide">
        <button class="btn primary" type="submit" data-testid="save-printer">${t('device.savePrinter')}</button>
        ${o.extra ?? nothing}
        <button class="btn" type="button" @click=${() => o.onCancel()}>${t('common.cancel')}</button>
      </div>
    </form>
  </div>`;
}

/** The submitted form, validated: the profile to send, or the fields to mark. */
export function readPrinterForm(ev: Event) {
  ev.preventDefault();
  const data = new FormData(ev.target as HTMLFormElement);
  const body = { host: String(data.get('host') ?? '').trim(), port: Number(data.get('port')), type: String(data.get('type')), paperWidth: Number(data.get('paperWidth')) };
  return validate(printerProfileSchema, body, i18n.lang.get());
}
