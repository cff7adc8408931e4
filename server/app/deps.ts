import type { Db } from '../../db/client';
import type { Clock } from '../domain/clock';
import type { HallFact } from '../protocol/events';
import type { CaseNotifier } from './cases/case-notifier';
import type { PhoneNotifier } from './phone-notifier';
import type { PrintService } from './printing/print-service';

/** Receives facts after their transaction committed. The socket layer fans them out. */
export interface Publisher {
  publish(hallId: string, facts: HallFact[]): void;
  /** 好差评 data of a hall changed (after commit): a nudge without data; listeners re-read over HTTP. */
  evaluationChanged?(hallId: string, counterId: string | null): void;
}

export const nullPublisher: Publisher = { publish: () => {} };

/** Whose live connections to cut: one session (by token hash), every session of a staff member, or a device. */
export type RevokeTarget = { sessionHash: string } | { staffId: string } | { deviceId: string };

/** Disconnects the open sockets of a revoked session, staff member or device, on every server process. */
export interface Revoker {
  revoke(target: RevokeTarget): void;
}

export interface AppDeps {
  db: Db;
  clock: Clock;
  publisher: Publisher;
  /** 32-byte key for field encryption and keyed hashes of identity numbers. */
  piiKey: Buffer;
  publicBaseUrl: string;
  /** Sends paper tickets after commit. Without it no print jobs are created. */
  printing?: PrintService;
  /** Reaches visitors' phones (booking codes). Without it no code is delivered. */
  phoneNotifier?: PhoneNotifier;
  /** Cuts open sockets after logout or deactivation. Without it only the periodic re-check does. */
  revoker?: Revoker;
  /** Tells visitors their case result is ready (log sink or webhook). Without it nobody is told. */
  notifier?: CaseNotifier;
}
