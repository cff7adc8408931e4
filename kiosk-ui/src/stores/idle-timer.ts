/** Counts down to "back to the home screen", one-second ticks, restarted by every touch. */
import type { KioskTimers, TimerHandle } from './timers';

export interface IdleTimer {
  /** Start (or restart) a countdown of `seconds`. */
  restart(seconds: number): void;
  stop(): void;
  running(): boolean;
}

export function createIdleTimer(timers: KioskTimers, onTick: (secondsLeft: number) => void, onExpire: () => void): IdleTimer {
  let handle: TimerHandle | null = null;
  let deadline = 0;

  const clear = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  const tick = () => {
    const leftMs = deadline - timers.now();
    if (leftMs <= 0) {
      handle = null;
      onTick(0);
      onExpire();
      return;
    }
    onTick(Math.ceil(leftMs / 1000));
    handle = timers.setTimeout(tick, leftMs % 1000 || 1000);
  };

  return {
    restart(seconds) {
      clear();
      deadline = timers.now() + seconds * 1000;
      tick();
    },
    stop: clear,
    running: () => handle !== null,
  };
}
