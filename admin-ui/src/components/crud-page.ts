/**
 * What every list-and-form page shares: load rows, show a table, open the form to create or edit a
 * row, send POST (everything) or PATCH (only the fields that changed), show the server's refusal
 * (with its field messages) and reload. Subclasses describe columns, fields, schemas and the
 * endpoints (as prepared calls of the typed client) that list, create and update rows.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { z } from 'zod';
import type { ErrorBody } from '../../../server/protocol/errors';
import type { PreparedCall } from '../../../ui-shared/src/api-client';
import { StoreController } from '../../../ui-shared/src/store-controller';
import { tokens } from '../../../ui-shared/src/tokens.css';
import { app } from '../app-instance';
import { describe, i18n, t } from '../i18n/messages';
import { changedFields } from '../stores/form-errors';
import { PAGE_ACTIONS, type PageId } from '../stores/admin-app';
import { adminBase, adminForms } from '../styles/admin.css';
import type { FieldSpec, Option } from './yc-admin-form';
import './yc-admin-form';

export interface Column<R> {
  label: string;
  cell: (row: R) => unknown;
  cls?: string;
}

export abstract class CrudPage<R extends { id: string }> extends LitElement {
  static override properties = {
    rows: { state: true },
    editing: { state: true },
    problem: { state: true },
    serverFields: { state: true },
    notice: { state: true },
  };
  declare rows: R[] | null;
  /** null: no form; 'new'; or the row being edited. */
  declare editing: R | 'new' | null;
  declare problem: ErrorBody | null;
  declare serverFields: Record<string, string> | null;
  declare notice: TemplateResult | string | null;

  static override styles = [tokens, adminBase, adminForms];

  protected abstract readonly titleKey: Parameters<typeof t>[0];
  /** The call that lists the rows (null: nothing to list yet, e.g. no hall chosen). */
  protected abstract listCall(): PreparedCall<R[]> | null;
  protected abstract columns(): Column<R>[];
  protected abstract fields(mode: 'new' | 'edit'): FieldSpec[];
  protected abstract createSchema(): z.ZodType;
  protected abstract updateSchema(): z.ZodType;
  /** The create call for a form's body (the form has checked it against createSchema()). */
  protected abstract createCall(body: Record<string, unknown>): PreparedCall<unknown>;
  /** The update call for a row and the changed fields (checked against updateSchema()). */
  protected abstract updateCall(row: R, body: Record<string, unknown>): PreparedCall<unknown>;
  /** The row as form values (what PATCH diffs against). */
  protected formValues(row: R): Record<string, unknown> {
    return row as unknown as Record<string, unknown>;
  }
  protected choices(): Record<string, Option[]> {
    return {};
  }
  protected extraActions(_row: R): TemplateResult | typeof nothing {
    return nothing;
  }
  protected header(): TemplateResult | typeof nothing {
    return nothing;
  }
  /** The page's forms and actions: when the policy table lets the role write what the page shows. */
  protected get editable(): boolean {
    const page = this.titleKey.slice('nav.'.length) as PageId;
    return page in PAGE_ACTIONS && app.may(PAGE_ACTIONS[page].write);
  }
  /** Whether the page offers "new": when it has something to list into. */
  protected get creatable(): boolean {
    return this.listCall() !== null;
  }
  /** Hook: the page may load more (zones for a matter form …) before rendering rows. */
  protected async loadMore(): Promise<void> {}
  protected async afterSave(_saved: unknown): Promise<void> {}

  constructor() {
    super();
    this.rows = null;
    this.editing = null;
    this.problem = null;
    this.serverFields = null;
    this.notice = null;
    new StoreController(this, i18n.lang);
  }

  private offHall: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.notice = null; // "saved" (or a device token shown once) belongs to the visit that made it
    this.offHall = app.hallId.subscribe(() => void this.reload());
    void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.offHall?.();
  }

  async reload(): Promise<void> {
    const list = this.listCall();
    await this.loadMore();
    if (!list) {
      this.rows = [];
      return;
    }
    const r = await app.api.send(list);
    this.rows = r.ok ? r.data : [];
    if (!r.ok) this.problem = r.error;
  }

  override render() {
    const rows = this.rows;
    return html`<section class="stack">
      <div class="page-head">
        <h1>${t(this.titleKey)}</h1>
        ${this.editable && this.creatable ? html`<button class="btn primary" data-testid="new" @click=${() => this.open('new')}>${t('common.new')}</button>` : nothing}
      </div>
      ${this.header()}
      ${!this.editable ? html`<p class="note">${t('common.readOnly')}</p>` : nothing}
      ${this.notice ? html`<div class="okbox" role="status" data-testid="notice">${this.notice}</div>` : nothing}
      ${this.problem && !this.editing ? html`<p class="problem" role="alert" data-testid="problem">${this.problemText(this.problem)}</p>` : nothing}
      ${this.editing ? this.form() : nothing}
      ${rows === null
        ? html`<p class="muted">${t('common.loading')}</p>`
        : html`<div class="panel"><table>
            <thead><tr>${this.columns().map((c) => html`<th class=${c.cls ?? ''}>${c.label}</th>`)}${this.editable ? html`<th></th>` : nothing}</tr></thead>
            <tbody>
              ${rows.map(
                (row) => html`<tr data-id=${row.id}>
                  ${this.columns().map((c) => html`<td class=${c.cls ?? ''}>${c.cell(row)}</td>`)}
                  ${this.editable ? html`<td><div class="row-actions"><button class="btn" data-testid="edit" @click=${() => this.open(row)}>${t('common.edit')}</button>${this.extraActions(row)}</div></td>` : nothing}
                </tr>`,
              )}
            </tbody>
          </table></div>`}
    </section>`;
  }

  protected problemText(p: ErrorBody): string {
    // The server's field messages are in Chinese for refusals (in_use); show them with the code's text.
    const detail = p.fields ? Object.values(p.fields).join('；') : '';
    return i18n.lang.get() === 'zh-CN' && detail ? `${describe(p)}：${detail}` : `${describe(p)}${p.code === 'in_use' || p.code === 'last_admin' || p.code === 'conflict' ? ` — ${p.message}` : ''}`;
  }

  private form(): TemplateResult {
    const mode = this.editing === 'new' ? 'new' : 'edit';
    const values = this.editing === 'new' ? this.newValues() : this.formValues(this.editing as R);
    return html`<div class="panel" data-testid="form">
      ${this.problem ? html`<p class="problem" role="alert" data-testid="problem">${this.problemText(this.problem)}</p>` : nothing}
      <yc-admin-form
        .fields=${this.fields(mode)}
        .values=${values}
        .schema=${mode === 'new' ? this.createSchema() : this.updateSchema()}
        .choices=${this.choices()}
        .serverFields=${this.serverFields}
        @yc-submit=${(e: CustomEvent) => void this.save(e.detail as Record<string, unknown>)}
        @yc-cancel=${() => this.close()}
      ></yc-admin-form>
    </div>`;
  }

  protected newValues(): Record<string, unknown> {
    return {};
  }

  protected open(row: R | 'new'): void {
    this.editing = row;
    this.problem = null;
    this.serverFields = null;
    this.notice = null;
  }

  protected close(): void {
    this.editing = null;
    this.problem = null;
    this.serverFields = null;
  }

  /** The request body for a new row (subclasses may add fixed fields). */
  protected createBody(value: Record<string, unknown>): Record<string, unknown> {
    return value;
  }

  protected updateBody(row: R, value: Record<string, unknown>): Record<string, unknown> {
    return changedFields(this.formValues(row), value);
  }

  protected async save(value: Record<string, unknown>): Promise<void> {
    const editing = this.editing;
    if (!editing) return;
    const r =
      editing === 'new'
        ? await app.api.send(this.createCall(this.createBody(value)))
        : await app.api.send(this.updateCall(editing, this.updateBody(editing, value)));
    if (!r.ok) return this.refused(r.error);
    await this.saved(r.data);
  }

  /** The form stays open with the server's refusal and its field messages. */
  protected refused(error: ErrorBody): void {
    this.problem = error;
    this.serverFields = error.fields ?? null;
  }

  /** The form closes, "saved" shows, the page reloads. */
  protected async saved(data?: unknown): Promise<void> {
    this.close();
    this.notice = t('common.saved');
    await this.afterSave(data);
    await this.reload();
  }

  /** For pages: run an action and show its refusal. */
  protected async act(call: PreparedCall<unknown>): Promise<boolean> {
    const r = await app.api.send(call);
    if (!r.ok) {
      this.problem = r.error;
      return false;
    }
    this.problem = null;
    await this.reload();
    return true;
  }
}
