/** Outside ticket hours the kiosk shows "not issuing now" with the next opening, and offers no retry. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createStore } from '../../ui-shared/src/store';
import type { Lang } from '../../ui-shared/src/i18n';
import { createKioskFlow } from '../../kiosk-ui/src/stores/kiosk-flow';
import { kioskMessages } from '../../kiosk-ui/src/i18n/messages';
import { fakeApi, fakeTimers, MATTERS, ZONES } from './kiosk-fakes';

const t = suite('kiosk: hall closed');

async function refusedWith(fields: Record<string, string> | undefined) {
  const api = fakeApi();
  api.onIssue = () => ({ ok: false, error: { code: 'hall_closed', message: 'Tickets are not issued now', ...(fields && { fields }) } });
  const flow = createKioskFlow({ api, timers: fakeTimers(), lang: createStore<Lang>('zh-CN'), newCommandId: () => 'cmd-0000-1' });
  await flow.start();
  flow.takeTicket();
  flow.chooseZone(ZONES[0]!.id);
  flow.chooseMatter(MATTERS[0]!.id);
  await flow.issue();
  return flow.state.get();
}

t('hall_closed → the closed message with the next opening time, not retryable', async () => {
  const s = await refusedWith({ reason: 'rest_day', nextOpening: '2026-11-30T01:00:00.000Z', nextOpeningLocal: '2026-11-30 09:00' });
  assert.is(s.screen, 'issue_error');
  assert.equal(s.error, { code: 'hall_closed', message: 'Tickets are not issued now', key: 'err_hall_closed', retryable: false, nextOpening: '2026-11-30 09:00' });
});

t('without a next opening the message says only that tickets are not issued now', async () => {
  const s = await refusedWith(undefined);
  assert.is(s.error?.key, 'err_hall_closed_no_date');
  assert.is(s.error?.nextOpening, undefined);
});

t('both languages name the time and send the visitor to the service desk', () => {
  assert.match(kioskMessages['zh-CN'].err_hall_closed, '{time}');
  assert.match(kioskMessages['zh-CN'].err_hall_closed, '服务台');
  assert.match(kioskMessages.en.err_hall_closed, '{time}');
});

t.run();
