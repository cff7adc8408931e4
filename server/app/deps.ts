import type { Db } from '../../db/client';
import type { Clock } from '../domain/clock';
import type { HallFact } from '../protocol/events';

/** Receives facts after their transaction committed. The socket layer fans them out. */
export interface Publisher {
  publish(hallId: string, facts: HallFact[]): void;
}

export const nullPublisher: Publisher = { publish: () => {} };

export interface AppDeps {
  db: Db;
  clock: Clock;
  publisher: Publisher;
  /** 32-byte key for field encryption and keyed hashes of identity numbers. */
  piiKey: Buffer;
  publicBaseUrl: string;
}
