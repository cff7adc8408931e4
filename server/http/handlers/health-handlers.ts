/** Readiness and liveness for monitors (bare endpoints: no token is read). */
import { sql } from 'drizzle-orm';
import { PROTOCOL_VERSION } from '../../protocol/version';
import type { EndpointHandlers } from '../handler';

/** `fanoutState`: 'local' (one process), 'listening' or 'reconnecting' (this process cannot hear the others). */
export function healthHandlers(fanoutState: () => string = () => 'local'): EndpointHandlers<'health' | 'healthLive'> {
  return {
    // Readiness, the truth: 503 while the database cannot be reached or this process cannot hear the others.
    async health(deps, { ctx }) {
      let db: 'up' | 'down' = 'up';
      try {
        await deps.db.execute(sql`SELECT 1`);
      } catch {
        db = 'down';
      }
      const fanout = fanoutState();
      const healthy = db === 'up' && fanout !== 'reconnecting';
      ctx.status = healthy ? 200 : 503;
      return { status: healthy ? 'ok' : 'degraded', db, fanout, protocolVersion: PROTOCOL_VERSION, time: deps.clock.now().toISOString() };
    },
    // Liveness: the process answers. A database outage is survived in-process, so it must not get the process restarted.
    healthLive: (deps) => ({ status: 'alive', time: deps.clock.now().toISOString() }),
  };
}
