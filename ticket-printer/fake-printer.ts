import { createServer, type Socket } from 'node:net';
import { EscPosDecoder, type DecodedJob } from './decode-escpos';
import { statusAnswer } from './printer-status';

/** What a real printer reports through DLE EOT (printer-status.ts): set with setCondition(). */
export interface FakePrinterCondition {
  offline?: boolean;
  coverOpen?: boolean;
  paperEnd?: boolean;
  paperNearEnd?: boolean;
}

/**
 * 'ok' reads and decodes; 'refuse' drops open connections and stops listening (new ones are
 * refused); 'stall' accepts but never reads, so the sender's writes back up once the kernel buffers
 * (a few MB on loopback) are full; 'close-mid-job' resets the connection after closeAfterBytes;
 * 'slow' waits slowMs before reading.
 */
export type FakePrinterMode = 'ok' | 'refuse' | 'stall' | 'close-mid-job' | 'slow';

export interface FakePrinterOptions {
  port?: number;
  host?: string;
  mode?: FakePrinterMode;
  emulation?: 'epson' | 'star';
  /** Printer powers up in Chinese mode (default true); false = only FS & enables double-byte text. */
  chineseByDefault?: boolean;
  closeAfterBytes?: number;
  slowMs?: number;
  /** A fixed answer to every DLE EOT n (overrides `condition`). */
  statusByte?: number;
  /** Answers DLE EOT 1/2/3/4 like a real printer in this condition. Default: online, paper loaded. */
  condition?: FakePrinterCondition;
  onJob?: (job: FakePrintJob) => void;
}

export interface FakePrintJob {
  id: number;
  receivedAt: Date;
  bytes: Buffer;
  /** The sender closed its side normally (false: reset or cut off by the fake). */
  complete: boolean;
  decoded: DecodedJob;
}

export interface FakePrinter {
  readonly port: number;
  readonly host: string;
  readonly jobs: FakePrintJob[];
  readonly mode: FakePrinterMode;
  setMode(mode: FakePrinterMode, options?: Pick<FakePrinterOptions, 'closeAfterBytes' | 'slowMs'>): Promise<void>;
  /** Paper out, cover open, offline…: what DLE EOT answers from now on. */
  setCondition(condition: FakePrinterCondition): void;
  /** Resolves when at least n jobs were recorded (rejects after timeoutMs). */
  waitForJobs(n: number, timeoutMs?: number): Promise<FakePrintJob[]>;
  close(): Promise<void>;
}

/** A TCP (9100-style) ESC/POS printer for tests and demos. */
export async function startFakePrinter(options: FakePrinterOptions = {}): Promise<FakePrinter> {
  const host = options.host ?? '127.0.0.1';
  let mode: FakePrinterMode = options.mode ?? 'ok';
  let closeAfterBytes = options.closeAfterBytes ?? 64;
  let slowMs = options.slowMs ?? 500;
  let condition: FakePrinterCondition = options.condition ?? {};
  const jobs: FakePrintJob[] = [];
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  let nextId = 1;
  let listening = false;

  const server = createServer({ pauseOnConnect: true }, (socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    let received = 0;
    let ended = false;
    let cutOff = false;
    const decoder = new EscPosDecoder({
      emulation: options.emulation ?? 'epson',
      chineseByDefault: options.chineseByDefault ?? true,
      onStatusRequest: (n) => {
        if (!socket.destroyed) socket.write(Buffer.from([options.statusByte ?? statusAnswer(n, condition)]));
      },
    });
    const connectionMode = mode;
    socket.on('error', () => undefined); // resets from the sender are part of the game
    socket.on('data', (chunk: Buffer) => {
      if (cutOff) return;
      if (connectionMode === 'close-mid-job' && received + chunk.length >= closeAfterBytes) {
        chunk = chunk.subarray(0, Math.max(0, closeAfterBytes - received));
        cutOff = true;
      }
      chunks.push(chunk);
      received += chunk.length;
      decoder.push(chunk);
      if (cutOff) socket.resetAndDestroy();
    });
    socket.on('end', () => {
      ended = true;
      socket.end();
    });
    socket.on('close', () => {
      sockets.delete(socket);
      if (connectionMode === 'stall' && received === 0) return;
      const job: FakePrintJob = { id: nextId++, receivedAt: new Date(), bytes: Buffer.concat(chunks), complete: ended && !cutOff, decoded: decoder.end() };
      jobs.push(job);
      options.onJob?.(job);
      for (const wake of waiters) wake();
    });
    if (connectionMode === 'stall') return; // never read
    if (connectionMode === 'slow') setTimeout(() => socket.resume(), slowMs).unref();
    else socket.resume();
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        listening = true;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
    });

  await listen(options.port ?? 0); // in 'refuse' mode too: reserve a port number, then stop listening on it
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  if (mode === 'refuse') await stopListening();

  return {
    get port() { return boundPort; },
    host,
    jobs,
    get mode() { return mode; },
    setCondition(next) {
      condition = { ...next };
    },
    async setMode(next, opts = {}) {
      closeAfterBytes = opts.closeAfterBytes ?? closeAfterBytes;
      slowMs = opts.slowMs ?? slowMs;
      if (next === 'refuse') {
        // Switched off: open connections (e.g. stalled ones nobody reads) drop, new ones are refused.
        for (const socket of sockets) socket.destroy();
        await stopListening();
      }
      else if (!listening) {
        await listen(boundPort);
      }
      mode = next;
    },
    waitForJobs(n, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (jobs.length < n) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(jobs.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake printer: ${jobs.length} of ${n} jobs after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const s of sockets) s.destroy();
      await stopListening();
    },
  };
}
