/** Re-renders its host every second with the (server-corrected) time. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ClockController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly now: () => number,
  ) {
    host.addController(this);
  }

  get value(): Date {
    return new Date(this.now());
  }

  hostConnected(): void {
    const tick = () => {
      this.host.requestUpdate();
      // Align to the next full second so the seconds never skip.
      this.timer = setTimeout(tick, 1000 - (this.now() % 1000) + 5);
    };
    tick();
  }

  hostDisconnected(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
