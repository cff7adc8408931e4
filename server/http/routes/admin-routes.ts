/** The admin console's API beyond hall configuration: staff accounts, devices, zone deletion, audit. */
import Router from '@koa/router';
import { auditCsv, queryAudit } from '../../app/admin/audit-log';
import { listDevices, rotateDeviceToken, testPrint, updateDevice } from '../../app/admin/devices';
import { listStaffAccounts, updateStaff } from '../../app/admin/staff-accounts';
import { deleteZone } from '../../app/admin/zones';
import type { AppDeps } from '../../app/deps';
import { auditQuery, deviceUpdate, staffUpdate } from '../../protocol/admin';
import type { AppState } from '../context';
import { actorOf, idParam, parse } from '../middleware';

export function adminRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api' });
  r.get('/staff', async (ctx) => {
    ctx.body = { data: await listStaffAccounts(deps, actorOf(ctx)) };
  });
  r.patch('/staff/:staffId', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.body = { data: await updateStaff(deps, actor, idParam(ctx, 'staffId'), parse(staffUpdate, ctx.request.body)) };
  });

  r.get('/halls/:hallId/devices', async (ctx) => {
    ctx.body = { data: await listDevices(deps, actorOf(ctx), idParam(ctx, 'hallId')) };
  });
  r.patch('/devices/:deviceId', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.body = { data: await updateDevice(deps, actor, idParam(ctx, 'deviceId'), parse(deviceUpdate, ctx.request.body)) };
  });
  r.post('/devices/:deviceId/rotate-token', async (ctx) => {
    ctx.body = { data: await rotateDeviceToken(deps, actorOf(ctx), idParam(ctx, 'deviceId')) };
  });
  r.post('/devices/:deviceId/printer/test', async (ctx) => {
    ctx.body = { data: await testPrint(deps, actorOf(ctx), idParam(ctx, 'deviceId')) };
  });

  r.delete('/halls/:hallId/zones/:zoneId', async (ctx) => {
    await deleteZone(deps, actorOf(ctx), idParam(ctx, 'hallId'), idParam(ctx, 'zoneId'));
    ctx.body = { data: { ok: true } };
  });

  r.get('/audit', async (ctx) => {
    const actor = actorOf(ctx);
    const { lang, ...query } = ctx.query;
    const q = parse(auditQuery, query);
    const rows = await queryAudit(deps, actor, q);
    if (q.format === 'csv') {
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="audit.csv"');
      ctx.body = auditCsv(rows, lang === 'en' ? 'en' : 'zh-CN');
    } else {
      ctx.body = { data: rows };
    }
  });
  return r;
}
