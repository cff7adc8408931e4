/** Re-renders a component when any store of the hall feed it is given changes (the feed may change). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HallFeed } from '../stores/hall-feed';

export class FeedController implements ReactiveController {
  private feed: HallFeed | null = null;
  private offs: (() => void)[] = [];
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Call from the host's willUpdate with its current feed. */
  use(feed: HallFeed | null): void {
    if (feed === this.feed) return;
    this.feed = feed;
    if (this.connected) this.subscribe();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe();
  }

  private subscribe(): void {
    this.unsubscribe();
    const f = this.feed;
    if (!f) return;
    const update = () => this.host.requestUpdate();
    this.offs = [f.sync.state.subscribe(update), f.sync.status.subscribe(update), f.stats.subscribe(update), f.alerts.subscribe(update), f.notice.subscribe(update), f.online.subscribe(update)];
  }

  private unsubscribe(): void {
    for (const off of this.offs) off();
    this.offs = [];
  }
}
