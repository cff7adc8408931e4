/** Waiting for a socket's fate with a deadline, for revocation tests. */
import type { ClientSocket } from '../_support/server';

/** Resolves with the disconnect reason, or 'still connected' after `ms`. */
export function disconnectedWithin(socket: ClientSocket, ms: number): Promise<string> {
  return new Promise((resolve) => {
    if (!socket.connected) return resolve('already disconnected');
    const timer = setTimeout(() => resolve('still connected'), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
