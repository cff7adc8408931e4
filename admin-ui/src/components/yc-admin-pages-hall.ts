/** Halls (with targets, appointment settings, hierarchy) and their zones. */
import { html } from 'lit';
import type { HallView, ZoneView } from '../../../server/protocol/views';
import { schemas } from '../../../server/protocol';
import { prepare, type CallBody } from '../../../ui-shared/src/api-client';
import { app } from '../app-instance';
import { i18n, t } from '../i18n/messages';
import { sessionsLabel } from '../stores/weekdays';
import { CrudPage, type Column } from './crud-page';
import type { FieldSpec } from './yc-admin-form';

const LEVELS = ['district_centre', 'street_centre', 'service_point'] as const;

export class YcAdminHalls extends CrudPage<HallView> {
  protected readonly titleKey = 'nav.halls' as const;
  protected listCall() {
    return prepare('listHalls');
  }
  protected columns(): Column<HallView>[] {
    const name = (id: string | null) => app.halls.get().find((h) => h.id === id)?.name ?? t('common.none');
    return [
      { label: t('hall.code'), cell: (h) => h.code },
      { label: t('hall.name'), cell: (h) => h.name },
      { label: t('hall.level'), cell: (h) => t(`hall.level.${h.level}`) },
      { label: t('hall.parent'), cell: (h) => name(h.parentHallId) },
      { label: t('hall.timeZone'), cell: (h) => h.timeZone },
      { label: t('hall.sessions'), cell: (h) => sessionsLabel(h.sessions, i18n.lang.get()), cls: 'wrap' },
    ];
  }
  protected fields(): FieldSpec[] {
    const halls = app.halls.get().map((h) => ({ value: h.id, label: `${h.name}（${t(`hall.level.${h.level}`)}）` }));
    const n = (name: string, label: Parameters<typeof t>[0]): FieldSpec => ({ name: `settings.${name}`, label: t(label), kind: 'number' });
    return [
      { name: 'code', label: t('hall.code'), kind: 'text' },
      { name: 'name', label: t('hall.name'), kind: 'text' },
      { name: 'timeZone', label: t('hall.timeZone'), kind: 'text' },
      { name: 'level', label: t('hall.level'), kind: 'select', options: LEVELS.map((l) => ({ value: l, label: t(`hall.level.${l}`) })) },
      { name: 'parentHallId', label: t('hall.parent'), kind: 'select', options: halls, nullable: true },
      { name: 'sessions', label: t('hall.sessions'), kind: 'sessions' },
      {
        name: 'hours', label: t('hall.hours'), kind: 'group',
        fields: [n('lastTicketMinutes', 'hall.lastTicket'),
          { name: 'settings.kioskIssuing', label: t('hall.kioskIssuing'), kind: 'select', options: [{ value: 'sessions', label: t('hall.issuing.sessions') }, { value: 'always', label: t('hall.issuing.always') }] },
          { name: 'settings.openOnRestDays', label: t('hall.openOnRestDays'), kind: 'checkbox' }],
      },
      {
        name: 'targets', label: t('hall.targets'), kind: 'group',
        fields: [n('generalWaitTargetMinutes', 'hall.general'), n('complexWaitTargetMinutes', 'hall.complex'), n('counterHandlingTargetMinutes', 'hall.handling'),
          n('starvationGuard', 'hall.starvation'), n('announcementRepeat', 'hall.repeat'), n('elderlyAge', 'hall.elderlyAge'),
          { name: 'settings.missedNumberRule', label: t('hall.missedRule'), kind: 'text' },
          { name: 'settings.missedNumberRuleEn', label: t('hall.missedRuleEn'), kind: 'text' }],
      },
      {
        name: 'appointments', label: t('hall.appointments'), kind: 'group',
        fields: [{ name: 'settings.bookingPublished', label: t('hall.bookingPublished'), kind: 'checkbox' }, n('appointmentSlotMinutes', 'hall.slotMinutes'), n('appointmentSlotCapacity', 'hall.slotCapacity'), n('bookingMinDaysAhead', 'hall.minDays'),
          n('bookingMaxWorkingDaysAhead', 'hall.maxDays'), n('appointmentGraceMinutes', 'hall.grace'), n('earlyAppointmentMinutes', 'hall.earlyAppointment'), n('bookingCancelCutoffMinutes', 'hall.cancelCutoff'),
          n('noShowBanThreshold', 'hall.banThreshold'), n('noShowWindowDays', 'hall.banWindow'), n('noShowBanDays', 'hall.banDays')],
      },
      {
        // 好差评 (docs/evaluations.md): the pad's prompt window and the "1、3、1" days of each stage.
        name: 'evaluations', label: t('hall.evaluations'), kind: 'group',
        fields: [n('evaluationPromptMinutes', 'hall.promptMinutes'), n('badReviewContactDays', 'hall.contactDays'), n('badReviewReplyDays', 'hall.replyDays'), n('badReviewCloseDays', 'hall.closeDays')],
      },
    ];
  }
  protected override header() {
    return html`<p class="muted">${t('hall.publicUrlNote', { url: location.origin })}</p>`;
  }
  protected override newValues() {
    return {
      timeZone: 'Asia/Shanghai',
      level: 'district_centre',
      sessions: [{ start: '09:00', end: '12:00', days: [1, 2, 3, 4, 5] }, { start: '13:30', end: '17:00', days: [1, 2, 3, 4, 5] }],
      settings: { kioskIssuing: 'sessions', openOnRestDays: false, bookingPublished: false },
    };
  }
  protected createSchema() {
    return schemas.hallCreate;
  }
  protected updateSchema() {
    return schemas.hallUpdate;
  }
  protected createCall(body: CallBody<'createHall'>) {
    return prepare('createHall', { body });
  }
  protected updateCall(h: HallView, body: CallBody<'updateHall'>) {
    return prepare('updateHall', { params: { hallId: h.id }, body });
  }
  protected override updateBody(row: HallView, value: Record<string, unknown>) {
    const body = super.updateBody(row, value);
    // Only the settings that changed: the server keeps the others.
    if (body.settings) {
      const before = row.settings as unknown as Record<string, unknown>;
      body.settings = Object.fromEntries(Object.entries(body.settings as Record<string, unknown>).filter(([k, v]) => before[k] !== v));
    }
    return body;
  }
  protected override async afterSave() {
    await app.loadHalls();
  }
}

export class YcAdminZones extends CrudPage<ZoneView> {
  protected readonly titleKey = 'nav.zones' as const;
  protected listCall() {
    const hallId = app.hallId.get();
    return hallId ? prepare('listZones', { params: { hallId } }) : null;
  }
  protected columns(): Column<ZoneView>[] {
    return [
      { label: t('zone.code'), cell: (z) => z.code },
      { label: t('zone.name'), cell: (z) => z.name },
      { label: t('zone.sortOrder'), cell: (z) => z.sortOrder, cls: 'num' },
    ];
  }
  protected fields(): FieldSpec[] {
    return [
      { name: 'code', label: t('zone.code'), kind: 'text' },
      { name: 'name', label: t('zone.name'), kind: 'text' },
      { name: 'sortOrder', label: t('zone.sortOrder'), kind: 'number' },
    ];
  }
  protected override newValues() {
    return { sortOrder: this.rows?.length ?? 0 };
  }
  protected override extraActions(z: ZoneView) {
    return html`<button class="btn" data-testid="delete" @click=${() => confirm(t('zone.deleteConfirm', { name: z.name })) && void this.act(prepare('deleteZone', { params: { hallId: z.hallId, zoneId: z.id } }))}>${t('common.delete')}</button>`;
  }
  protected createSchema() {
    return schemas.zoneCreate;
  }
  protected updateSchema() {
    return schemas.zoneUpdate;
  }
  protected createCall(body: CallBody<'createZone'>) {
    return prepare('createZone', { params: { hallId: app.hallId.get() ?? '' }, body });
  }
  protected updateCall(z: ZoneView, body: CallBody<'updateZone'>) {
    return prepare('updateZone', { params: { hallId: z.hallId, zoneId: z.id }, body });
  }
}

customElements.define('yc-admin-halls', YcAdminHalls);
customElements.define('yc-admin-zones', YcAdminZones);
