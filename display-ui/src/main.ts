/**
 * Wall display (大厅综合屏 / 窗口屏) composition: URL → config, one socket, the hall session,
 * the announcer fed by new calls, and the root element. Runs unattended: ui-shared's connection
 * reconnects and reloads on a protocol change; the session re-snapshots after every reconnect.
 */
import { createApiClient } from '../../ui-shared/src/api-client';
import { connect } from '../../ui-shared/src/connection';
import type { Lang } from '../../ui-shared/src/i18n';
import { request } from '../../ui-shared/src/http';
import type { HallNotice } from '../../server/protocol/events';
import { createStore } from '../../ui-shared/src/store';
import './components/yc-display-app';
import './components/yc-display-message';
import { createChime } from './controllers/chime';
import { createWebSpeechBackend } from './controllers/web-speech';
import { createDisplayI18n } from './i18n/messages';
import { createAnnouncer } from './stores/announcer';
import { feedAnnouncements } from './stores/call-feed';
import { readDisplayConfig, TOKEN_STORAGE_KEY } from './stores/display-config';
import { createDisplaySession } from './stores/display-session';
import { createHallNotice } from './stores/hall-notice';
import { callInScope, findZone } from './stores/selectors';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function keepScreenAwake(): void {
  const nav = navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<unknown> } };
  const request = () => void nav.wakeLock?.request('screen').catch(() => {});
  request();
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && request());
}

function start(): void {
  const config = readDisplayConfig(location.search, storage());
  // The token is remembered on the screen: take it out of the address bar, as the kiosk does — but
  // only once it is saved, or a reload (storage disabled) would leave the screen without one.
  const url = new URL(location.href);
  if (url.searchParams.has('token') && config.token && storage()?.getItem(TOKEN_STORAGE_KEY) === config.token) {
    url.searchParams.delete('token');
    history.replaceState(null, '', url);
  }
  const i18n = createDisplayI18n(config.lang);
  i18n.setLang(config.lang);
  document.title = i18n.t('app.title');

  if (!config.token) {
    const msg = document.createElement('yc-display-message');
    msg.heading = i18n.t('noToken.title');
    msg.body = i18n.t('noToken.body');
    msg.tone = 'error';
    document.body.append(msg);
    return;
  }

  const connection = connect({
    token: config.token,
    // A new server version: reload for the new bundle, spread over a few seconds so a hall's screens do not all hit it at once.
    onProtocolChange: () => setTimeout(() => location.reload(), 2000 + Math.random() * 8000),
  });
  const session = createDisplaySession(connection);
  const chime = createChime();
  const announcer = createAnnouncer({
    backend: createWebSpeechBackend(chime),
    repeat: () => config.repeat ?? session.hall.get()?.hall.announcementRepeat ?? 1,
    langs: config.voiceLangs,
  });
  const soundBlocked = createStore(false);

  if (config.voice) {
    feedAnnouncements(session.hall, {
      now: session.now,
      accept(call, snap) {
        if (config.counter !== null) return call.counterNumber === config.counter;
        const zone = config.zone ? findZone(snap, config.zone) : null;
        return callInScope(snap, { zoneId: zone?.id ?? null }, call);
      },
      announce: (call) => announcer.announce(call),
    });
    // Browsers without the kiosk autoplay flag keep audio off until a touch: show a hint, unlock on the first one.
    setInterval(() => soundBlocked.set(chime.blocked()), 2000);
    const unlock = () => void chime.unlock().then(() => soundBlocked.set(chime.blocked()));
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
  }

  const app = document.createElement('yc-display-app');
  app.session = session;
  app.config = config;
  app.i18n = i18n;
  app.announcing = announcer.current;
  app.soundBlocked = soundBlocked;
  // A manager's notice (管理看板 → 大厅屏通知) in its own row while it is current.
  app.notice = createHallNotice(connection, (hallId) =>
    createApiClient(request, () => config.token).call('activeNotice', { params: { hallId } }).then((r) => (r.ok ? r.data : null)),
  );
  // The header's language switch: the URL keeps the choice (?lang=), so a reload or a restart stays in it.
  app.addEventListener('lang-change', (e) => {
    const lang = (e as CustomEvent<Lang>).detail;
    i18n.setLang(lang);
    document.title = i18n.t('app.title');
    const url = new URL(location.href);
    url.searchParams.set('lang', lang === 'en' ? 'en' : 'zh-CN');
    history.replaceState(null, '', url);
  });
  document.body.append(app);
  keepScreenAwake();
}

start();
