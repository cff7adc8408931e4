/**
 * One form for every entity: renders fields from a spec, reads them back into the request shape
 * (dotted names nest: settings.starvationGuard), validates with the server's own zod schema and shows
 * a message under each field. Emits `yc-submit` with the parsed value; the page sends it.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { z } from 'zod';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { i18n, t } from '../i18n/messages';
import { validate } from '../stores/form-errors';
import { adminBase, adminForms } from '../styles/admin.css';
import { StoreController } from '../../../ui-shared/src/store-controller';
import type { OpeningSession } from '../../../server/protocol/views';
import type { YcSessionsEditor } from './yc-sessions-editor';
import './yc-sessions-editor';

export type Option = { value: string; label: string };
export type FieldSpec =
  | { name: string; label: string; kind: 'text' | 'password' | 'number'; nullable?: boolean; wide?: boolean; hint?: string }
  | { name: string; label: string; kind: 'select'; options: Option[]; nullable?: boolean }
  | { name: string; label: string; kind: 'checkbox' }
  | { name: string; label: string; kind: 'checks' | 'lines' | 'sessions' }
  | { name: string; label: string; kind: 'group'; fields: FieldSpec[] };

/** Reads a spec's options from the host's `options` map for kinds that need them (checks). */
export class YcAdminForm extends LitElement {
  static override properties = {
    fields: { attribute: false },
    values: { attribute: false },
    schema: { attribute: false },
    choices: { attribute: false },
    serverFields: { attribute: false },
    errors: { state: true },
    submitLabel: { type: String },
  };
  declare fields: FieldSpec[];
  declare values: Record<string, unknown>;
  declare schema: z.ZodType | null;
  declare choices: Record<string, Option[]>;
  declare serverFields: Record<string, string> | null;
  declare errors: Record<string, string>;
  declare submitLabel: string;

  static override styles = [tokens, adminBase, adminForms];

  constructor() {
    super();
    this.fields = [];
    this.values = {};
    this.schema = null;
    this.choices = {};
    this.serverFields = null;
    this.errors = {};
    this.submitLabel = '';
    new StoreController(this, i18n.lang);
  }

  override render() {
    const errs = { ...this.serverFields, ...this.errors };
    return html`<form @submit=${this.submit} novalidate>
      <div class="grid">${this.fields.map((f) => this.field(f, errs))}</div>
      ${Object.keys(errs).length ? html`<p class="problem" role="alert">${errs._ ?? t('common.fixErrors')}</p>` : nothing}
      <div class="actions">
        <button class="btn primary" type="submit" data-testid="save">${this.submitLabel || t('common.save')}</button>
        <button class="btn" type="button" @click=${() => this.dispatchEvent(new CustomEvent('yc-cancel', { bubbles: true, composed: true }))}>${t('common.cancel')}</button>
      </div>
    </form>`;
  }

  private field(f: FieldSpec, errs: Record<string, string>): TemplateResult {
    if (f.kind === 'group') return html`<fieldset><legend>${f.label}</legend><div class="grid">${f.fields.map((g) => this.field(g, errs))}</div></fieldset>`;
    const v = readPath(this.values, f.name);
    const err = errs[f.name];
    const id = `f-${f.name.replace(/\./g, '-')}`;
    const cls = `field ${err ? 'invalid' : ''} ${'wide' in f && f.wide ? 'wide' : ''} ${f.kind === 'checks' || f.kind === 'lines' || f.kind === 'sessions' ? 'wide' : ''}`;
    let input: TemplateResult;
    switch (f.kind) {
      case 'checkbox':
        return html`<div class=${cls}><label class="inline"><input type="checkbox" id=${id} name=${f.name} ?checked=${v === true} />${f.label}</label>${err ? html`<div class="err">${err}</div>` : nothing}</div>`;
      case 'select':
        input = html`<select id=${id} name=${f.name}>
          ${f.nullable ? html`<option value="" ?selected=${v == null}>${t('common.none')}</option>` : nothing}
          ${f.options.map((o) => html`<option value=${o.value} ?selected=${v === o.value}>${o.label}</option>`)}
        </select>`;
        break;
      case 'checks': {
        const selected = new Set((v as string[] | undefined) ?? []);
        input = html`<div class="checks" id=${id} data-name=${f.name}>
          ${(this.choices[f.name] ?? []).map((o) => html`<label><input type="checkbox" value=${o.value} ?checked=${selected.has(o.value)} />${o.label}</label>`)}
        </div>`;
        break;
      }
      case 'lines':
        input = html`<textarea id=${id} name=${f.name} rows="4">${((v as string[] | undefined) ?? []).join('\n')}</textarea>`;
        break;
      case 'sessions': {
        // Each session's own problems (sessions.start …) and the week's (overlap) show under the editor.
        const sessionErr = err ?? Object.entries(errs).find(([k]) => k.startsWith(`${f.name}.`))?.[1];
        return html`<div class="field wide ${sessionErr ? 'invalid' : ''}"><label for=${id}>${f.label}</label>
          <yc-sessions-editor id=${id} data-name=${f.name} .sessions=${v as OpeningSession[] | undefined}></yc-sessions-editor>
          ${sessionErr ? html`<div class="err" data-testid="err-${f.name}">${sessionErr}</div>` : nothing}</div>`;
      }
      default:
        input = html`<input
          id=${id}
          name=${f.name}
          type=${f.kind === 'number' ? 'number' : f.kind}
          .value=${v == null ? '' : String(v)}
          placeholder=${f.kind === 'number' && f.name.startsWith('settings.') ? t('common.default') : ''}
          autocomplete=${f.kind === 'password' ? 'new-password' : 'off'}
        />`;
    }
    return html`<div class=${cls}><label for=${id}>${f.label}</label>${input}${err ? html`<div class="err" data-testid="err-${f.name}">${err}</div>` : nothing}</div>`;
  }

  /** The form's current value in the request shape. */
  read(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const root = this.renderRoot as ShadowRoot;
    const walk = (specs: FieldSpec[]) => {
      for (const f of specs) {
        if (f.kind === 'group') {
          walk(f.fields);
          continue;
        }
        const el = root.querySelector<HTMLInputElement>(`[name="${f.name}"], [data-name="${f.name}"]`);
        if (!el) continue;
        let value: unknown;
        if (f.kind === 'checkbox') value = el.checked;
        else if (f.kind === 'checks') value = [...el.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
        else if (f.kind === 'lines') value = el.value.split('\n').map((l) => l.trim()).filter(Boolean);
        else if (f.kind === 'sessions') value = (el as unknown as YcSessionsEditor).value;
        else if (f.kind === 'number') value = el.value.trim() === '' ? ('nullable' in f && f.nullable ? null : undefined) : Number(el.value);
        else if (f.kind === 'select') value = el.value === '' ? ('nullable' in f && f.nullable ? null : undefined) : el.value;
        else value = el.value.trim() === '' ? ('nullable' in f && f.nullable ? null : undefined) : el.value;
        writePath(out, f.name, value);
      }
    };
    walk(this.fields);
    return out;
  }

  private submit(e: Event) {
    e.preventDefault();
    const value = this.read();
    this.serverFields = null;
    if (this.schema) {
      const r = validate(this.schema, value, i18n.lang.get());
      if (!r.ok) {
        this.errors = r.fields;
        return;
      }
    }
    this.errors = {};
    this.dispatchEvent(new CustomEvent('yc-submit', { detail: value, bubbles: true, composed: true }));
  }
}

function readPath(o: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);
}

function writePath(o: Record<string, unknown>, path: string, value: unknown): void {
  if (value === undefined) return;
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  cur[keys.at(-1)!] = value;
}

customElements.define('yc-admin-form', YcAdminForm);
