/**
 * The printer's own answer, after the job (docs/faults.md, "Printers that stall or cut out").
 * ESC/POS real-time status DLE EOT n is answered even while the printer is offline, once it has
 * read every byte sent before it, with one byte each (fixed bits 1 and 4 set, 0x12):
 *   n = 1 printer status     bit 3  offline
 *   n = 2 offline cause      bit 2  cover open · bit 3 paper being fed by the button ·
 *                            bit 5  printing stopped by paper end · bit 6 an error occurred
 *   n = 4 roll paper sensor  bits 2+3 paper near its end · bits 5+6 paper out
 * node-thermal-printer only appends GS r 1 and hands back the raw bytes; it interprets nothing,
 * so the three queries are sent and read here.
 */
export const STATUS_QUERIES = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);
export const STATUS_ANSWER_BYTES = 3;

export type PrinterProblem = 'offline' | 'cover_open' | 'paper_end' | 'error';

export interface PrinterStatus {
  /** Nothing stops printing: the job was read and the printer is printing it. */
  ready: boolean;
  problems: PrinterProblem[];
  paperNearEnd: boolean;
}

const bit = (b: number | undefined, n: number) => b !== undefined && (b & (1 << n)) !== 0;

/** Reads the answers to STATUS_QUERIES (in order; a printer that answers only n = 1 gives one byte). */
export function readPrinterStatus(answers: readonly number[]): PrinterStatus {
  const [printer, offlineCause, paper] = answers;
  const problems: PrinterProblem[] = [];
  if (bit(offlineCause, 2)) problems.push('cover_open');
  if (bit(offlineCause, 5) || (bit(paper, 5) && bit(paper, 6))) problems.push('paper_end');
  if (bit(offlineCause, 6)) problems.push('error');
  if (bit(printer, 3) && problems.length === 0) problems.push('offline');
  return { ready: problems.length === 0, problems, paperNearEnd: bit(paper, 2) && bit(paper, 3) };
}

/** The bytes a printer in this state answers to DLE EOT n (the fake printer's answers). */
export function statusAnswer(n: number, state: { coverOpen?: boolean; paperEnd?: boolean; offline?: boolean; paperNearEnd?: boolean }): number {
  const offline = !!(state.offline || state.coverOpen || state.paperEnd);
  switch (n) {
    case 1:
      return 0x12 | (offline ? 0x08 : 0);
    case 2:
      return 0x12 | (state.coverOpen ? 0x04 : 0) | (state.paperEnd ? 0x20 : 0);
    case 3:
      return 0x12;
    case 4:
      return 0x12 | (state.paperNearEnd || state.paperEnd ? 0x0c : 0) | (state.paperEnd ? 0x60 : 0);
    default:
      return 0x12;
  }
}

/** What the paper sensor and the cover say, as staff need it (docs/printing.md "Paper and cover"). */
export interface PrinterSensor {
  /** 'near_end': the roll is nearly used up, still printing; 'out': printing stopped for want of paper. */
  paper: 'ok' | 'near_end' | 'out';
  coverOpen: boolean;
  /** Offline for a reason the printer does not name (paper and cover ruled out). */
  offline: boolean;
  /** The printer reports an error (cutter jam, head overheated …). */
  fault: boolean;
}

export function sensorOf(status: PrinterStatus): PrinterSensor {
  return {
    paper: status.problems.includes('paper_end') ? 'out' : status.paperNearEnd ? 'near_end' : 'ok',
    coverOpen: status.problems.includes('cover_open'),
    offline: status.problems.includes('offline'),
    fault: status.problems.includes('error'),
  };
}
