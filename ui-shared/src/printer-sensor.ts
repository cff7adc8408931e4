/**
 * What a kiosk printer's last sensor answer means for staff (docs/printing.md "Paper and cover"), most
 * urgent first: paper out or the cover open stop printing; paper near its end is a warning (the roll
 * still prints, for a while); offline and fault stop printing too. Pure: the admin console and the
 * manager's dashboard word them in their own messages.
 */
import type { KioskPrinterStatusView, PrinterSensorView } from '../../server/protocol/views';

export type PrinterCondition = 'paper_out' | 'cover_open' | 'fault' | 'offline' | 'paper_near_end';

export function printerConditions(sensor: PrinterSensorView | null): PrinterCondition[] {
  if (!sensor) return [];
  const out: PrinterCondition[] = [];
  if (sensor.paper === 'out') out.push('paper_out');
  if (sensor.coverOpen) out.push('cover_open');
  if (sensor.fault) out.push('fault');
  if (sensor.offline) out.push('offline');
  if (sensor.paper === 'near_end') out.push('paper_near_end');
  return out;
}

/** Paper near its end still prints: a warning. Everything else stops the kiosk's tickets. */
export const stopsPrinting = (c: PrinterCondition) => c !== 'paper_near_end';

export interface PrinterAlert {
  deviceId: string;
  deviceName: string;
  condition: PrinterCondition;
  severity: 'stop' | 'warn';
  reportedAt: string;
}

/** One alert per kiosk: its most urgent condition. Kiosks whose printer is detached are left out. */
export function printerAlerts(printers: readonly KioskPrinterStatusView[]): PrinterAlert[] {
  const out: PrinterAlert[] = [];
  for (const p of printers) {
    if (p.source === 'none' || !p.sensor) continue;
    const [condition] = printerConditions(p.sensor);
    if (!condition) continue;
    out.push({ deviceId: p.deviceId, deviceName: p.deviceName, condition, severity: stopsPrinting(condition) ? 'stop' : 'warn', reportedAt: p.sensor.reportedAt });
  }
  return out.sort((a, b) => (a.severity === b.severity ? a.deviceName.localeCompare(b.deviceName, 'zh-CN') : a.severity === 'stop' ? -1 : 1));
}
