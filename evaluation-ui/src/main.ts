/**
 * Composition of the evaluator pad (评价器) at /evaluation/?token=<device token>: the token is kept
 * on the device, the pad store re-reads GET /api/evaluation/pad on every nudge from the server (one
 * socket, content-free 'pad:nudge') and on a slow poll, and <pad-app> renders it.
 */
import { connect } from '../../ui-shared/src/connection';
import { createApiClient } from '../../ui-shared/src/api-client';
import { request } from '../../ui-shared/src/http';
import { PadApp } from './components/pad-app';
import { createPadI18n } from './i18n/messages';
import { createPadStore } from './stores/pad-store';

const KEY = 'yc.pad.token';
const fromUrl = new URLSearchParams(location.search).get('token');
if (fromUrl) {
  localStorage.setItem(KEY, fromUrl);
  history.replaceState(null, '', location.pathname); // keep the token out of the address bar
}
const token = fromUrl ?? localStorage.getItem(KEY) ?? '';

const i18n = createPadI18n();
const setTitle = () => {
  document.documentElement.lang = i18n.lang.get();
  document.title = `${i18n.t('app_title')} · 一窗`;
};
i18n.lang.subscribe(setTitle);
setTitle();

const api = createApiClient(request, () => token);
const store = createPadStore({
  fetchState: () => api.call('padState'),
  submit: (body) => api.call('padEvaluate', { body }),
  newId: () => crypto.randomUUID(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});

if (token) {
  const conn = connect({ token });
  conn.socket.on('pad:nudge', () => void store.refresh());
  conn.onConnected(() => void store.refresh());
}
document.body.append(new PadApp(store, i18n));
