import { timeCommand } from '../../app/command-timing';
import { issueTicket } from '../../app/issue-ticket';
import { ticketHistory } from '../../app/manager/ticket-history';
import { getDevicePrinter, removeDevicePrinter, setDevicePrinter } from '../../app/printing/printer-profiles';
import { getPrintJob, listHallPrinters } from '../../app/printing/printer-status';
import { getCounterPrinter, setCounterPrinter, testCounterPrint } from '../../app/printing/counter-printers';
import { reportPrinterStatus } from '../../app/printing/printer-sensor';
import { reprintTicket } from '../../app/printing/reprint-ticket';
import { ticketProgress } from '../../app/progress';
import { signedIn, type EndpointHandlers } from '../handler';

type TicketEndpoints =
  | 'issueTicket' | 'ticketProgress' | 'ticketHistory' | 'reprintTicket'
  | 'getDevicePrinter' | 'setDevicePrinter' | 'removeDevicePrinter' | 'getPrintJob' | 'listHallPrinters' | 'reportPrinterStatus'
  | 'getCounterPrinter' | 'setCounterPrinter' | 'removeCounterPrinter' | 'testCounterPrint';

export const ticketHandlers: EndpointHandlers<TicketEndpoints> = {
  issueTicket: (deps, { actor, params, body }) => timeCommand('ticket:issue', () => issueTicket(deps, signedIn(actor), params.hallId, body)),
  /** Public: the token is the only key. Shows no personal data (the phone page /p/<token> reads it). */
  ticketProgress(deps, { params, ctx }) {
    ctx.set('Cache-Control', 'no-store');
    return ticketProgress(deps, params.token);
  },
  ticketHistory: (deps, { actor, params }) => ticketHistory(deps, signedIn(actor), params.ticketId),
  reprintTicket: (deps, { actor, params, body }) => reprintTicket(deps, signedIn(actor), params.ticketId, body),
  getDevicePrinter: (deps, { actor, params }) => getDevicePrinter(deps, signedIn(actor), params.deviceId),
  setDevicePrinter: (deps, { actor, params, body }) => setDevicePrinter(deps, signedIn(actor), params.deviceId, body),
  removeDevicePrinter: (deps, { actor, params }) => removeDevicePrinter(deps, signedIn(actor), params.deviceId),
  getPrintJob: (deps, { actor, params }) => getPrintJob(deps, signedIn(actor), params.printJobId),
  listHallPrinters: (deps, { actor, params }) => listHallPrinters(deps, signedIn(actor), params.hallId),
  reportPrinterStatus: (deps, { actor, params, body }) => reportPrinterStatus(deps, signedIn(actor), params.deviceId, body),
  getCounterPrinter: (deps, { actor, params }) => getCounterPrinter(deps, signedIn(actor), params.hallId, params.counterId),
  setCounterPrinter: (deps, { actor, params, body }) => setCounterPrinter(deps, signedIn(actor), params.hallId, params.counterId, body),
  removeCounterPrinter: (deps, { actor, params }) => setCounterPrinter(deps, signedIn(actor), params.hallId, params.counterId, null),
  testCounterPrint: (deps, { actor, params }) => testCounterPrint(deps, signedIn(actor), params.hallId, params.counterId),
};
