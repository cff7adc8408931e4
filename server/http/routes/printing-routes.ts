/** Kiosk printers (admin), print jobs (the issuing kiosk polls), printer health, reprint. */
import Router from '@koa/router';
import type { AppDeps } from '../../app/deps';
import { getDevicePrinter, kioskPrinterInput, removeDevicePrinter, setDevicePrinter } from '../../app/printing/printer-profiles';
import { getPrintJob, listHallPrinters } from '../../app/printing/printer-status';
import { reprintTicket } from '../../app/printing/reprint-ticket';
import { schemas } from '../../protocol';
import type { AppState } from '../context';
import { actorOf, idParam, parse } from '../middleware';

export function printingRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api' });
  r.get('/devices/:deviceId/printer', async (ctx) => {
    ctx.body = { data: await getDevicePrinter(deps, actorOf(ctx), idParam(ctx, 'deviceId')) };
  });
  r.put('/devices/:deviceId/printer', async (ctx) => {
    const actor = actorOf(ctx);
    const deviceId = idParam(ctx, 'deviceId');
    ctx.body = { data: await setDevicePrinter(deps, actor, deviceId, parse(kioskPrinterInput, ctx.request.body)) };
  });
  r.delete('/devices/:deviceId/printer', async (ctx) => {
    ctx.body = { data: await removeDevicePrinter(deps, actorOf(ctx), idParam(ctx, 'deviceId')) };
  });
  r.get('/print-jobs/:printJobId', async (ctx) => {
    ctx.body = { data: await getPrintJob(deps, actorOf(ctx), idParam(ctx, 'printJobId')) };
  });
  r.get('/halls/:hallId/printers', async (ctx) => {
    ctx.body = { data: await listHallPrinters(deps, actorOf(ctx), idParam(ctx, 'hallId')) };
  });
  r.post('/tickets/:ticketId/reprint', async (ctx) => {
    const actor = actorOf(ctx);
    const ticketId = idParam(ctx, 'ticketId');
    ctx.status = 201;
    ctx.body = { data: await reprintTicket(deps, actor, ticketId, parse(schemas.ticketReprint, ctx.request.body)) };
  });
  return r;
}
