/** The hall as the kiosk needs it: public snapshot (zones, waiting counts, rules) plus its matters. */
import type { Ack } from '../../../server/protocol/errors';
import type { MatterView, ZoneView } from '../../../server/protocol/views';
import { countWaiting } from '../../../ui-shared/src/waiting-counts';
import type { KioskApi } from './kiosk-api';
import type { KioskHall } from './kiosk-state';

export interface LoadedHall {
  hall: KioskHall;
  zones: ZoneView[];
  matters: MatterView[];
  waitingByZone: Record<string, number>;
  /** Waiting tickets per matter (the matter list shows it beside each matter). */
  waitingByMatter: Record<string, number>;
}

const DEFAULT_ELDERLY_AGE = 60;

export async function loadHall(
  api: Pick<KioskApi, 'publicSnapshot' | 'matters'>,
  hallId: string,
  onlyZoneId: string | null = null,
): Promise<Ack<LoadedHall>> {
  const [snap, matters] = await Promise.all([api.publicSnapshot(hallId), api.matters(hallId)]);
  if (!snap.ok) return snap;
  if (!matters.ok) return matters;
  const h = snap.data.hall;
  const active = matters.data.filter((m) => m.active && (!onlyZoneId || m.zoneId === onlyZoneId));
  const zones = [...snap.data.zones]
    .filter((z) => active.some((m) => m.zoneId === z.id)) // a zone with nothing to take is not offered
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  return {
    ok: true,
    data: {
      hall: { id: h.id, name: h.name, timeZone: h.timeZone, missedNumberRule: h.missedNumberRule ?? null, missedNumberRuleEn: h.missedNumberRuleEn ?? null, elderlyAge: h.elderlyAge ?? DEFAULT_ELDERLY_AGE, publicBaseUrl: h.publicBaseUrl ?? null },
      zones,
      matters: active,
      waitingByZone: snap.data.waitingByZone,
      waitingByMatter: countWaiting(snap.data.tickets, 'matterId'),
    },
  };
}
