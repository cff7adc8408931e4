/** The kiosk's socket, used for one thing: the 'kiosk:print' pushes of its own print jobs (print-watch). */
import type { PrintJobView } from '../../../server/protocol/views';
import type { ClientSocket } from '../../../ui-shared/src/connection';
import type { PrintFeed } from './print-watch';

export function socketPrintFeed(socket: Pick<ClientSocket, 'on' | 'off'>): PrintFeed {
  return {
    subscribe(listener) {
      const handler = (job: PrintJobView) => listener(job);
      socket.on('kiosk:print', handler);
      return () => void socket.off('kiosk:print', handler);
    },
  };
}
