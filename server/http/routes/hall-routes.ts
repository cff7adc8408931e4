/** Halls, their configuration (admin CRUD) and snapshots. */
import Router from '@koa/router';
import { createDevice, createStaff, deactivateDevice } from '../../app/admin/devices-and-staff';
import { createHall, listHalls, updateHall } from '../../app/admin/halls';
import { listCounters, saveCounter } from '../../app/admin/counters';
import { listMatters, saveMatter } from '../../app/admin/matters';
import { listZones, saveZone } from '../../app/admin/zones';
import type { AppDeps } from '../../app/deps';
import { hallSnapshot, publicSnapshot } from '../../app/snapshot';
import { schemas } from '../../protocol';
import type { AppState } from '../context';
import { actorOf, idParam, parse } from '../middleware';

export function hallRoutes(deps: AppDeps): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/api' });
  r.get('/halls', async (ctx) => {
    ctx.body = { data: await listHalls(deps, actorOf(ctx)) };
  });
  r.post('/halls', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.status = 201;
    ctx.body = { data: await createHall(deps, actor, parse(schemas.hallCreate, ctx.request.body)) };
  });
  r.patch('/halls/:hallId', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.body = { data: await updateHall(deps, actor, idParam(ctx, 'hallId'), parse(schemas.hallUpdate, ctx.request.body)) };
  });
  r.get('/halls/:hallId/snapshot', async (ctx) => {
    ctx.body = { data: await hallSnapshot(deps, actorOf(ctx), idParam(ctx, 'hallId')) };
  });
  r.get('/halls/:hallId/public-snapshot', async (ctx) => {
    ctx.body = { data: await publicSnapshot(deps, actorOf(ctx), idParam(ctx, 'hallId')) };
  });

  r.get('/halls/:hallId/zones', async (ctx) => {
    ctx.body = { data: await listZones(deps, actorOf(ctx), idParam(ctx, 'hallId')) };
  });
  r.post('/halls/:hallId/zones', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.status = 201;
    ctx.body = { data: await saveZone(deps, actor, idParam(ctx, 'hallId'), null, parse(schemas.zoneCreate, ctx.request.body)) };
  });
  r.patch('/halls/:hallId/zones/:zoneId', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parse(schemas.zoneUpdate, ctx.request.body);
    ctx.body = { data: await saveZone(deps, actor, idParam(ctx, 'hallId'), idParam(ctx, 'zoneId'), input) };
  });

  r.get('/halls/:hallId/matters', async (ctx) => {
    ctx.body = { data: await listMatters(deps, actorOf(ctx), idParam(ctx, 'hallId')) };
  });
  r.post('/halls/:hallId/matters', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.status = 201;
    ctx.body = { data: await saveMatter(deps, actor, idParam(ctx, 'hallId'), null, parse(schemas.matterCreate, ctx.request.body)) };
  });
  r.patch('/halls/:hallId/matters/:matterId', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parse(schemas.matterUpdate, ctx.request.body);
    ctx.body = { data: await saveMatter(deps, actor, idParam(ctx, 'hallId'), idParam(ctx, 'matterId'), input) };
  });

  r.get('/halls/:hallId/counters', async (ctx) => {
    ctx.body = { data: await listCounters(deps, actorOf(ctx), idParam(ctx, 'hallId')) };
  });
  r.post('/halls/:hallId/counters', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.status = 201;
    ctx.body = { data: await saveCounter(deps, actor, idParam(ctx, 'hallId'), null, parse(schemas.counterCreate, ctx.request.body)) };
  });
  r.patch('/halls/:hallId/counters/:counterId', async (ctx) => {
    const actor = actorOf(ctx);
    const input = parse(schemas.counterUpdate, ctx.request.body);
    ctx.body = { data: await saveCounter(deps, actor, idParam(ctx, 'hallId'), idParam(ctx, 'counterId'), input) };
  });

  r.post('/halls/:hallId/devices', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.status = 201;
    ctx.body = { data: await createDevice(deps, actor, idParam(ctx, 'hallId'), parse(schemas.deviceCreate, ctx.request.body)) };
  });
  r.delete('/devices/:deviceId', async (ctx) => {
    await deactivateDevice(deps, actorOf(ctx), idParam(ctx, 'deviceId'));
    ctx.body = { data: { ok: true } };
  });
  r.post('/staff', async (ctx) => {
    const actor = actorOf(ctx);
    ctx.status = 201;
    ctx.body = { data: await createStaff(deps, actor, parse(schemas.staffCreate, ctx.request.body)) };
  });
  return r;
}
