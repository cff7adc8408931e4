/**
 * Composition of the visitor's phone page (the ticket QR opens /p/<token>): the progress store
 * (the public JSON API), kept live by the visitor socket (progress-live.ts), i18n (zh-CN by
 * default), then the <progress-app> shell.
 */
import { io } from 'socket.io-client';
import { createApiClient } from '../../ui-shared/src/api-client';
import { request } from '../../ui-shared/src/http';
import { followLive, type ProgressSocket } from './stores/progress-live';
import { ProgressApp } from './components/progress-app';
import { createProgressI18n } from './i18n/messages';
import { createProgressStore, tokenFromLocation } from './stores/progress-store';
import { GuidePage, guideFromLocation } from './components/guide-page';

const api = createApiClient(request);
const i18n = createProgressI18n();
const setTitle = () => {
  document.documentElement.lang = i18n.lang.get();
  document.title = `${i18n.t('app_title')} · 一窗`;
};
i18n.lang.subscribe(setTitle);
setTitle();

const guideId = guideFromLocation(location.pathname, location.search);
if (guideId) {
  document.title = `${i18n.t('guide_title')} · 一窗`;
  document.body.append(new GuidePage(guideId, i18n, (id) => api.call('publicGuide', { params: { matterId: id } })));
}
const token = guideId ? null : tokenFromLocation(location.pathname, location.search);
const store = createProgressStore(token, {
  fetchProgress: (tk) => api.call('ticketProgress', { params: { token: tk } }),
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});
if (token) {
  const socket = io('', { auth: { progressToken: token }, transports: ['websocket', 'polling'], reconnectionDelay: 500, reconnectionDelayMax: 5000 });
  followLive(socket as unknown as ProgressSocket, store, { setTimer: (fn, ms) => setTimeout(fn, ms), random: Math.random });
}
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void store.refresh();
});
if (!guideId) document.body.append(new ProgressApp(store, i18n, token ?? ''));
