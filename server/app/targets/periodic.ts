/** A periodic job in the server process: never overlaps itself, logs failures, stops cleanly. */
export interface PeriodicJob {
  /** Runs one round now (or waits for the round in progress). */
  runNow(): Promise<void>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

export function startPeriodic(name: string, intervalMs: number, run: () => Promise<unknown>, log: (msg: string, err: unknown) => void): PeriodicJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (!running) {
      running = run()
        .then(
          () => undefined,
          (err) => log(`${name} failed`, err),
        )
        .finally(() => {
          running = null;
        });
    }
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref?.();
  return {
    runNow: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
