/** Baseline: a bare socket.io server that rebroadcasts each 'ping' to the display room. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('join', (room: string, ack: () => void) => {
    void socket.join(room);
    ack();
  });
  socket.on('ping', (payload: unknown, ack: (r: unknown) => void) => {
    io.to('display').emit('pong', payload);
    ack({ ok: true });
  });
});
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`PORT ${(http.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));
