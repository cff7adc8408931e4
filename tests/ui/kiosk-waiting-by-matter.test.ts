/**
 * The kiosk's matter list shows how many wait for each matter (ui-shared/src/waiting-counts.ts, as load-hall.ts uses it):
 * counted from the public snapshot's waiting tickets, nothing else counted.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadHall } from '../../kiosk-ui/src/stores/load-hall';
import type { PublicTicketView } from '../../server/protocol/views';
import { HALL_ID, MATTERS, snapshot } from './kiosk-fakes';

const t = suite('kiosk waiting by matter');

const ticket = (n: number, matterIndex: number, status: PublicTicketView['status']): PublicTicketView => ({
  id: `00000000-0000-4000-8000-00000000040${n}`,
  number: `A00${n}`,
  status,
  zoneId: MATTERS[matterIndex]!.zoneId,
  matterId: MATTERS[matterIndex]!.id,
  matterName: MATTERS[matterIndex]!.name,
  counterId: null,
  counterNumber: null,
  calledAt: null,
  recallCount: 0,
});

t('waiting tickets per matter; called, served and parked ones are not waiting; a matter with none has no entry', async () => {
  const snap = { ...snapshot(), tickets: [ticket(1, 0, 'waiting'), ticket(2, 0, 'waiting'), ticket(3, 0, 'called'), ticket(4, 2, 'waiting'), ticket(5, 2, 'parked'), ticket(6, 1, 'done')] };
  const loaded = await loadHall({ publicSnapshot: async () => ({ ok: true, data: snap }), matters: async () => ({ ok: true, data: MATTERS }) }, HALL_ID);
  assert.ok(loaded.ok);
  assert.equal(loaded.data.waitingByMatter, { [MATTERS[0]!.id]: 2, [MATTERS[2]!.id]: 1 });
});

t.run();
