import { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { PrinterProfile } from './printer-profile';
import { readPrinterStatus, STATUS_ANSWER_BYTES, STATUS_QUERIES, type PrinterStatus } from './printer-status';
import type { PrintFailure, PrintOutcome } from './types';

/** DLE EOT 1 — real-time "transmit printer status" (ESC/POS); answered once the bytes before it were read. */
export const DLE_EOT_PRINTER_STATUS = Buffer.from([0x10, 0x04, 0x01]);

export interface SendOptions {
  /**
   * 'socket' (default): done when the bytes are handed to the socket and the printer has not reset
   * the connection within settleMs (or closed it cleanly, which ends the wait early).
   * 'status': append DLE EOT 1, 2 and 4 and wait for the answers — proves the printer read the whole
   * job, and says whether it can print it (paper out, cover open, offline → 'printer_problem').
   * Only for Epson-type printers that answer DLE EOT; Star Line Mode ignores it (use 'socket').
   */
  confirm?: 'socket' | 'status';
  /** How long to listen for a reset after the last byte in 'socket' mode. Default 200 ms (capped below timeoutMs). */
  settleMs?: number;
}

const CHUNK_BYTES = 16 * 1024;
const UNREACHABLE = new Set(['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_WRITE_AFTER_END', 'ERR_STREAM_DESTROYED']);

/**
 * Hands ESC/POS bytes to a raw TCP (9100) printer. Never throws; every path ends within about
 * timeoutMs of the last progress: connecting (→ 'unreachable' / 'refused'), writing in chunks with a
 * watchdog that fires when the socket stops draining (→ 'stalled'), and the peer resetting or closing before the
 * job is written (→ 'closed_mid_job'). `ok` means the printer took the bytes, not that paper printed.
 */
/** Default slow-printer allowance for the status answer (PrinterProfile.slowPrinterMs): none, so a stalled printer is told within timeoutMs; set it for a printer known to be slow. */
export const DEFAULT_SLOW_PRINTER_MS = 0;

export function sendToPrinter(
  bytes: Uint8Array,
  profile: Pick<PrinterProfile, 'host' | 'port' | 'timeoutMs'> & Partial<Pick<PrinterProfile, 'slowPrinterMs'>>,
  options: SendOptions = {},
): Promise<PrintOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const timeoutMs = profile.timeoutMs;
  const confirm = options.confirm ?? 'socket';
  const settleMs = Math.max(0, Math.min(options.settleMs ?? 200, timeoutMs - 1));
  // A printer that read the whole job answers DLE EOT once it gets to it: a slow one is given its allowance.
  const statusWaitMs = timeoutMs + (profile.slowPrinterMs ?? DEFAULT_SLOW_PRINTER_MS);
  const where = `${profile.host}:${profile.port}`;

  return new Promise<PrintOutcome>((resolve) => {
    const socket = new Socket();
    let done = false;
    let connected = false;
    let flushed = false;
    let written = 0; // bytes the OS has taken
    let statusAsked = false;
    // One watchdog, re-armed on every bit of progress. (socket.setTimeout is not used: Node
    // re-arms it once while a large write is pending, so it fires only after up to 2 x timeoutMs.)
    let phase: 'connect' | 'write' | 'status' | 'settle' = 'connect';
    const watchdog = setTimeout(() => onWatchdog(), timeoutMs);
    let settleTimer: NodeJS.Timeout | undefined;
    let statusTimer: NodeJS.Timeout | undefined;
    let statusSince = 0;
    const answers: number[] = [];
    const accepted = () => written;

    const finish = (outcome: PrintOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(watchdog);
      clearTimeout(settleTimer);
      clearTimeout(statusTimer);
      socket.destroy();
      resolve(outcome);
    };
    const fail = (failure: PrintFailure, message: string) => finish({ ok: false, failure, message, ms: ms() });
    const succeed = (confirmation: 'socket' | 'peer_closed' | 'status', statusByte?: number, printerStatus?: PrinterStatus) =>
      finish(
        statusByte === undefined || !printerStatus
          ? { ok: true, ms: ms(), confirmation }
          : { ok: true, ms: ms(), confirmation, statusByte, ...(printerStatus.paperNearEnd && { paperNearEnd: true }), printerStatus },
      );
    /** Judges the job by the printer's answers (printer-status.ts). */
    const judge = () => {
      const status = readPrinterStatus(answers);
      if (status.ready) return succeed('status', answers[0], status);
      finish({
        ok: false,
        failure: 'printer_problem',
        message: `${where} read the job but reports ${status.problems.join(', ')} (DLE EOT): it prints when the problem is fixed, or not at all`,
        ms: ms(),
        printerStatus: status,
      });
    };

    function onWatchdog(): void {
      if (phase === 'connect') return fail('unreachable', `no connection to ${where} within ${timeoutMs} ms`);
      if (phase === 'write') return fail('stalled', `${where} stopped taking data: ${accepted()} of ${bytes.length} bytes, none for ${timeoutMs} ms`);
      if (phase === 'status') {
        const left = statusWaitMs - (performance.now() - statusSince);
        if (left > 1) return void (statusTimer = setTimeout(onWatchdog, left));
        if (answers.length > 0) return judge(); // a printer that answers DLE EOT 1 only
        return fail('stalled', `${where} took the job but did not answer DLE EOT within ${statusWaitMs} ms`);
      }
    }

    if (bytes.length === 0) return fail('error', 'empty print job');

    socket.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      if (!connected) {
        if (code === 'ECONNREFUSED') return fail('refused', `${where} refused the connection`);
        if (UNREACHABLE.has(code)) return fail('unreachable', `${where} unreachable (${code})`);
        return fail('error', `${where}: ${err.message}`);
      }
      if (CLOSED.has(code)) {
        return fail('closed_mid_job', `${where} dropped the connection (${code}) after ${accepted()} of ${bytes.length} bytes`);
      }
      fail('error', `${where}: ${err.message}`);
    });

    socket.on('end', () => {
      // The printer closed its side. Before our last byte that is a lost job; after it, a clean finish.
      if (!flushed) return fail('closed_mid_job', `${where} closed the connection after ${accepted()} of ${bytes.length} bytes`);
      if (confirm === 'status') return fail('closed_mid_job', `${where} closed the connection before answering DLE EOT`);
      succeed('peer_closed');
    });

    socket.on('close', () => {
      if (!connected) return fail('unreachable', `${where} closed before connecting`);
      if (!flushed) return fail('closed_mid_job', `${where} connection closed after ${accepted()} of ${bytes.length} bytes`);
      if (confirm === 'status') return fail('closed_mid_job', `${where} closed the connection before answering DLE EOT`);
      succeed('peer_closed');
    });

    socket.on('data', (chunk: Buffer) => {
      // Anything after DLE EOT went out is its answer (the write callback may not have run yet).
      if (confirm !== 'status' || !statusAsked) return;
      answers.push(...chunk);
      if (answers.length >= STATUS_ANSWER_BYTES) judge();
    });

    const onFlushed = () => {
      if (done) return;
      flushed = true;
      if (confirm === 'status') {
        phase = 'status';
        statusSince = performance.now();
        watchdog.refresh();
      } else {
        phase = 'settle';
        clearTimeout(watchdog);
        settleTimer = setTimeout(() => succeed('socket'), settleMs);
      }
    };
    let offset = 0;
    const writeChunks = () => {
      while (offset < bytes.length && !done) {
        const chunk = bytes.subarray(offset, offset + CHUNK_BYTES);
        offset += chunk.length;
        const more = socket.write(chunk, (err) => {
          if (err || done) return;
          written += chunk.length;
          watchdog.refresh();
        });
        if (!more) return void socket.once('drain', writeChunks);
      }
      if (done) return;
      if (confirm === 'status') {
        statusAsked = true;
        socket.write(STATUS_QUERIES, (err) => (err ? undefined : onFlushed()));
      } else socket.end(onFlushed);
    };

    socket.once('connect', () => {
      connected = true;
      phase = 'write';
      watchdog.refresh();
      socket.setNoDelay(true);
      writeChunks();
    });

    try {
      socket.connect({ host: profile.host, port: profile.port });
    } catch (err) {
      fail('error', `${where}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}
