/**
 * One read at a time per key, shared by every caller that asked before it started (docs/faults.md,
 * "Node restarts at hall size"). When a node restarts, hundreds of displays of one hall subscribe
 * within a second; each joined the hall's room before asking, so any read that STARTS after a
 * caller asked is a valid snapshot for it (a fact committed later reaches it through the room).
 * A read already running started before the caller joined and may miss a fact: the caller waits
 * for the next one, which starts when the running one ends and serves everyone who queued.
 * A burst of N subscribes costs two reads instead of N.
 */
export interface SharedReads<T> {
  read(key: string): Promise<T>;
}

export function sharedReads<T>(load: (key: string) => Promise<T>): SharedReads<T> {
  const running = new Map<string, Promise<T>>();
  const queued = new Map<string, Promise<T>>();

  function start(key: string): Promise<T> {
    const p = load(key);
    running.set(key, p);
    const done = () => {
      if (running.get(key) === p) running.delete(key);
    };
    p.then(done, done);
    return p;
  }

  return {
    read(key) {
      const next = queued.get(key);
      if (next) return next;
      const current = running.get(key);
      if (!current) return start(key);
      const settled = current.then(
        () => undefined,
        () => undefined,
      );
      const p = settled.then(() => {
        queued.delete(key);
        return start(key);
      });
      queued.set(key, p);
      return p;
    },
  };
}
