// Shared test data and helpers for tests/ticket-printer (files starting with '_' are not run as tests).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import type { PrinterProfile, TicketPrintData } from '../../ticket-printer/index';

export const sampleTicket: TicketPrintData = {
  hallName: '上海市徐汇区行政服务中心',
  number: 'A023',
  matterName: '不动产登记（二手房买卖）',
  peopleAhead: 12,
  estimatedWaitMinutes: 25,
  issuedAt: new Date('2025-03-14T01:05:42Z'), // 09:05 in Asia/Shanghai
  timeZone: 'Asia/Shanghai',
  qrContent: 'https://yc.example.gov.cn/t/q7Zk2pV9xL3mN8rT4wYc1A',
  missedNumberRule: '过号请重新取号',
};

export const appointmentReprint: TicketPrintData = {
  ...sampleTicket,
  number: 'B105',
  matterName: '企业开办',
  peopleAhead: 0,
  estimatedWaitMinutes: null,
  appointmentSlot: { start: new Date('2025-03-14T01:00:00Z'), end: new Date('2025-03-14T01:30:00Z') },
  reprint: true,
};

export function profile(overrides: Partial<PrinterProfile> = {}): PrinterProfile {
  return { host: '127.0.0.1', port: 9100, type: 'epson', paperWidth: 80, chineseMode: 'fs-and', qr: 'native', timeoutMs: 1500, ...overrides };
}

const snapshotDir = join(import.meta.dirname, 'snapshots');

/** Compares with snapshots/<name>.txt; writes it when missing or when UPDATE_SNAPSHOTS=1. */
export function matchSnapshot(name: string, actual: string): void {
  const file = join(snapshotDir, `${name}.txt`);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) writeFileSync(file, `${actual}\n`);
  assert.fixture(actual, readFileSync(file, 'utf8').replace(/\n$/, ''));
}

/**
 * A loopback port whose connections never complete: a listener in a stopped child process with a
 * full accept queue, so the kernel drops further SYNs (as for a host that does not answer).
 */
export async function startBlackhole(): Promise<{ port: number; close(): void }> {
  const child = spawn(
    process.execPath,
    ['-e', "const s=require('net').createServer().listen({port:0,host:'127.0.0.1',backlog:1},()=>process.send(s.address().port))"],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
  child.kill('SIGSTOP');
  const fillers: Socket[] = [];
  for (let i = 0; i < 8; i++) {
    const connected = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      fillers.push(s);
      const t = setTimeout(() => resolve(false), 300);
      s.once('connect', () => (clearTimeout(t), resolve(true)));
      s.once('error', () => (clearTimeout(t), resolve(false)));
      s.connect(port, '127.0.0.1');
    });
    if (!connected) break;
  }
  return {
    port,
    close() {
      for (const s of fillers) s.destroy();
      kill();
    },
  };
}
