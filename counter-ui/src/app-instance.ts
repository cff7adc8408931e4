/** The one workstation of this page, wired to the browser: storage, fetch, socket.io. */
import { connect } from '../../ui-shared/src/connection';
import { request } from '../../ui-shared/src/http';
import { createStore } from '../../ui-shared/src/store';
import { createCounterApp } from './stores/counter-app';
import type { LinkConnection, LinkSocket } from './stores/hall-link';

const browserOnline = createStore(navigator.onLine);
window.addEventListener('online', () => browserOnline.set(true));
window.addEventListener('offline', () => browserOnline.set(false));

export const app = createCounterApp({
  storage: sessionStorage,
  device: localStorage,
  request,
  browserOnline,
  connect(token): LinkConnection {
    const c = connect({ token });
    // The typed socket.io client satisfies the link's narrow view of a socket.
    return { ...c, socket: c.socket as unknown as LinkSocket };
  },
});
