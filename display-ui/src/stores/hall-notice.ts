/**
 * The manager's notice for this hall's wall display ('hall:notice' public facts, DOMAIN: no personal
 * data). The newest notice wins and shows until its `until`; after every (re)connect the active one
 * is fetched again, so a screen switched on during a notice shows it too.
 */
import type { HallNotice, PublicHallFact, ServerHello } from '../../../server/protocol/events';
import { createStore, type Store } from '../../../ui-shared/src/store';

export interface NoticeConnection {
  socket: { on(event: 'public:fact', fn: (fact: PublicHallFact) => void): unknown };
  hello: Store<ServerHello | null>;
  onConnected(fn: () => void): () => void;
}

export function createHallNotice(conn: NoticeConnection, fetchActive: (hallId: string) => Promise<HallNotice | null>): Store<HallNotice | null> {
  const notice = createStore<HallNotice | null>(null);
  conn.socket.on('public:fact', (fact) => {
    if (fact.type === 'hall:notice' && fact.notice) notice.set(fact.notice.text ? fact.notice : null);
  });
  conn.onConnected(() => {
    const hallId = conn.hello.get()?.hallIds[0];
    if (hallId) void fetchActive(hallId).then((n) => notice.set(n), () => {});
  });
  return notice;
}

/** The notice to show at `now`, or null once it has run out. */
export function visibleNotice(notice: HallNotice | null, now: number): HallNotice | null {
  return notice && notice.text && Date.parse(notice.until) > now ? notice : null;
}
