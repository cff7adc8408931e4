import { createDevice, createStaff, deactivateDevice } from '../../app/admin/devices-and-staff';
import { auditCsv, queryAudit } from '../../app/admin/audit-log';
import { listDevices, rotateDeviceToken, testPrint, updateDevice } from '../../app/admin/devices';
import { listStaffAccounts, updateStaff } from '../../app/admin/staff-accounts';
import { createHall, listHalls, updateHall } from '../../app/admin/halls';
import { listCounters, saveCounter } from '../../app/admin/counters';
import { listMatters, saveMatter } from '../../app/admin/matters';
import { deleteZone, listZones, saveZone } from '../../app/admin/zones';
import { listDepartments, saveDepartment } from '../../app/admin/departments';
import { listMatterGuides, saveMatterGuide } from '../../app/admin/matter-guides';
import { hallSnapshot, publicSnapshot } from '../../app/snapshot';
import { RawReply, signedIn, type EndpointHandlers } from '../handler';

type HallEndpoints =
  | 'listHalls' | 'createHall' | 'updateHall' | 'hallSnapshot' | 'publicSnapshot'
  | 'listZones' | 'createZone' | 'updateZone' | 'listMatters' | 'createMatter' | 'updateMatter'
  | 'listCounters' | 'createCounter' | 'updateCounter' | 'createDevice' | 'deactivateDevice' | 'listStaff' | 'createStaff'
  | 'updateStaff' | 'listDevices' | 'updateDevice' | 'rotateDeviceToken' | 'testPrint' | 'deleteZone' | 'audit'
  | 'listDepartments' | 'createDepartment' | 'updateDepartment' | 'listMatterGuides' | 'saveMatterGuide';

export const hallHandlers: EndpointHandlers<HallEndpoints> = {
  listHalls: (deps, { actor }) => listHalls(deps, signedIn(actor)),
  createHall: (deps, { actor, body }) => createHall(deps, signedIn(actor), body),
  updateHall: (deps, { actor, params, body }) => updateHall(deps, signedIn(actor), params.hallId, body),
  hallSnapshot: (deps, { actor, params }) => hallSnapshot(deps, signedIn(actor), params.hallId),
  publicSnapshot: (deps, { actor, params }) => publicSnapshot(deps, signedIn(actor), params.hallId),
  listZones: (deps, { actor, params }) => listZones(deps, signedIn(actor), params.hallId),
  createZone: (deps, { actor, params, body }) => saveZone(deps, signedIn(actor), params.hallId, null, body),
  updateZone: (deps, { actor, params, body }) => saveZone(deps, signedIn(actor), params.hallId, params.zoneId, body),
  listMatters: (deps, { actor, params }) => listMatters(deps, signedIn(actor), params.hallId),
  createMatter: (deps, { actor, params, body }) => saveMatter(deps, signedIn(actor), params.hallId, null, body),
  updateMatter: (deps, { actor, params, body }) => saveMatter(deps, signedIn(actor), params.hallId, params.matterId, body),
  listCounters: (deps, { actor, params }) => listCounters(deps, signedIn(actor), params.hallId),
  createCounter: (deps, { actor, params, body }) => saveCounter(deps, signedIn(actor), params.hallId, null, body),
  updateCounter: (deps, { actor, params, body }) => saveCounter(deps, signedIn(actor), params.hallId, params.counterId, body),
  createDevice: (deps, { actor, params, body }) => createDevice(deps, signedIn(actor), params.hallId, body),
  async deactivateDevice(deps, { actor, params }) {
    await deactivateDevice(deps, signedIn(actor), params.deviceId);
    return { ok: true };
  },
  listStaff: (deps, { actor }) => listStaffAccounts(deps, signedIn(actor)),
  updateStaff: (deps, { actor, params, body }) => updateStaff(deps, signedIn(actor), params.staffId, body),
  listDevices: (deps, { actor, params }) => listDevices(deps, signedIn(actor), params.hallId),
  updateDevice: (deps, { actor, params, body }) => updateDevice(deps, signedIn(actor), params.deviceId, body),
  rotateDeviceToken: (deps, { actor, params }) => rotateDeviceToken(deps, signedIn(actor), params.deviceId),
  testPrint: (deps, { actor, params }) => testPrint(deps, signedIn(actor), params.deviceId),
  async deleteZone(deps, { actor, params }) {
    await deleteZone(deps, signedIn(actor), params.hallId, params.zoneId);
    return { ok: true };
  },
  async audit(deps, { actor, query }) {
    const { lang, ...q } = query;
    const rows = await queryAudit(deps, signedIn(actor), q);
    if (q.format !== 'csv') return rows;
    return new RawReply('text/csv; charset=utf-8', auditCsv(rows, lang ?? 'zh-CN'), { 'Content-Disposition': 'attachment; filename="audit.csv"' });
  },
  createStaff: (deps, { actor, body }) => createStaff(deps, signedIn(actor), body),
  listDepartments: (deps, { actor, params }) => listDepartments(deps, signedIn(actor), params.hallId),
  createDepartment: (deps, { actor, params, body }) => saveDepartment(deps, signedIn(actor), params.hallId, null, body),
  updateDepartment: (deps, { actor, params, body }) => saveDepartment(deps, signedIn(actor), params.hallId, params.departmentId, body),
  listMatterGuides: (deps, { actor, params }) => listMatterGuides(deps, signedIn(actor), params.hallId),
  saveMatterGuide: (deps, { actor, params, body }) => saveMatterGuide(deps, signedIn(actor), params.hallId, params.matterId, body),
};
