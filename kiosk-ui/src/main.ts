/**
 * Composition: device token and idle times from the address (token kept on the device),
 * HTTP API, the socket for pushed print outcomes, flow store, i18n (zh-CN by default), then the <kiosk-app> shell.
 */
import { connect } from '../../ui-shared/src/connection';
import { request } from '../../ui-shared/src/http';
import { KioskApp } from './components/kiosk-app';
import { createKioskI18n } from './i18n/messages';
import { createKioskApi } from './stores/kiosk-api';
import { readKioskConfig } from './stores/kiosk-config';
import { createKioskFlow } from './stores/kiosk-flow';
import { socketPrintFeed } from './stores/print-feed';
import { browserTimers } from './stores/timers';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const config = readKioskConfig(location.search, storage());
// The token is saved; take it out of the address bar so it is not on show.
const url = new URL(location.href);
if (url.searchParams.has('token')) {
  url.searchParams.delete('token');
  history.replaceState(null, '', url);
}

const i18n = createKioskI18n();
i18n.lang.subscribe((lang) => {
  document.documentElement.lang = lang;
  document.title = i18n.t('app_title');
});
const api = config.token ? createKioskApi(request, config.token, browserTimers) : null;
// The socket only carries the pushed print outcome of this kiosk's tickets (no hall data).
const printFeed = config.token ? socketPrintFeed(connect({ token: config.token }).socket) : undefined;
const flow = createKioskFlow({ api, timers: browserTimers, lang: i18n.lang, idle: config.idle, ...(printFeed && { printFeed }) });

document.body.append(new KioskApp(flow, i18n));
void flow.start();
