/** The server's default printer and the demo fake printer: when they are on, and what they write. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeTicket, layoutTicket, printerProfileSchema, sendToPrinter } from '../../ticket-printer/index';
import { publicBaseUrlWarning, serverDefaultPrinter, startDemoPrinter, wantsFakePrinter, printingBannerLine } from '../../server/app/printing/server-printer';
import { ConfigError, getConfig } from '../../server/config';
import { sampleTicket } from '../ticket-printer/_fixtures';

const t = suite('server printer configuration');

t('FAKE_PRINTER unset: on only for the embedded database with demo data and no real printer', () => {
  assert.is(wantsFakePrinter(getConfig({})), true);
  assert.is(wantsFakePrinter(getConfig({ DATABASE_URL: 'file:///var/lib/yc', SEED_DEMO: 'true' })), true);
  assert.is(wantsFakePrinter(getConfig({ DATABASE_URL: 'file:///var/lib/yc' })), false, 'a real database is no demo');
  assert.is(wantsFakePrinter(getConfig({ DATABASE_URL: 'memory://' })), false, 'tests and throwaway runs');
  assert.is(wantsFakePrinter(getConfig({ DATABASE_URL: 'postgres://u@h/d' })), false, 'production');
  assert.is(wantsFakePrinter(getConfig({ SEED_DEMO: 'false' })), false);
  assert.is(wantsFakePrinter(getConfig({ PRINTER_HOST: '10.0.0.5' })), false);
});

t('FAKE_PRINTER=1 / 0 decide; with PRINTER_HOST as well it is a configuration error', () => {
  assert.is(wantsFakePrinter(getConfig({ FAKE_PRINTER: '1', DATABASE_URL: 'postgres://u@h/d' })), true);
  assert.is(wantsFakePrinter(getConfig({ FAKE_PRINTER: '0' })), false);
  assert.throws(() => wantsFakePrinter(getConfig({ FAKE_PRINTER: '1', PRINTER_HOST: '10.0.0.5' })), (e: unknown) => e instanceof ConfigError);
  assert.throws(() => getConfig({ FAKE_PRINTER: 'yes' }), (e: unknown) => e instanceof ConfigError && /FAKE_PRINTER/.test(e.message));
  assert.is(getConfig({}).fakePrinter.port, 9109);
});

t('PRINTER_HOST/PORT become a full default profile (Epson, 80 mm, FS &, 3 s)', () => {
  assert.is(serverDefaultPrinter(getConfig({})), null);
  assert.equal(serverDefaultPrinter(getConfig({ PRINTER_HOST: '10.0.0.5', PRINTER_PORT: '9101' })), printerProfileSchema.parse({ host: '10.0.0.5', port: 9101 }));
  assert.match(printingBannerLine(getConfig({ PRINTER_HOST: '10.0.0.5' }), null), '10.0.0.5:9100');
  assert.match(printingBannerLine(getConfig({}), null), 'off');
});

t('the demo printer writes each ticket as text and PNG under DATA_DIR/printed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yc-printed-'));
  const lines: string[] = [];
  const demo = await startDemoPrinter({ ...getConfig({ DATA_DIR: dir }), fakePrinter: { enabled: true, port: 0 } }, (l) => lines.push(l));
  try {
    assert.ok(demo);
    assert.match(printingBannerLine(getConfig({}), demo), join(dir, 'printed'));
    const profile = printerProfileSchema.parse({ host: demo!.printer.host, port: demo!.printer.port });
    const outcome = await sendToPrinter(encodeTicket(layoutTicket(sampleTicket, profile), profile), profile, { confirm: 'status' });
    assert.ok(outcome.ok, JSON.stringify(outcome));
    await demo!.printer.waitForJobs(1);
    const files = readdirSync(join(dir, 'printed')).sort();
    assert.equal(files.map((f) => f.slice(-4)), ['.png', '.txt']);
    const text = readFileSync(join(dir, 'printed', files[1]!), 'utf8');
    assert.ok(text.includes('A023') && text.includes('当日有效'), text);
    assert.match(lines[0]!, 'printed ticket →');
  } finally {
    await demo?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

t('the demo printer takes any free port when its port is in use', async () => {
  const first = await startDemoPrinter({ ...getConfig({ DATA_DIR: tmpdir() }), fakePrinter: { enabled: true, port: 0 } });
  const second = await startDemoPrinter({ ...getConfig({ DATA_DIR: tmpdir() }), fakePrinter: { enabled: true, port: first!.printer.port } });
  try {
    assert.ok(second && second.printer.port !== first!.printer.port);
  } finally {
    await first?.close();
    await second?.close();
  }
});

t('a real printer without PUBLIC_BASE_URL: a start warning that printed QR codes point at localhost', () => {
  const warning = publicBaseUrlWarning(getConfig({ PRINTER_HOST: '10.0.0.5' }), 8080);
  assert.ok(warning && warning.includes('http://localhost:8080') && warning.includes('set PUBLIC_BASE_URL'), String(warning));
  assert.is(publicBaseUrlWarning(getConfig({ PRINTER_HOST: '10.0.0.5', PUBLIC_BASE_URL: 'https://q.example.cn' }), 8080), null);
  assert.is(publicBaseUrlWarning(getConfig({}), 8080), null, 'demo fake printer: no warning');
  assert.is(publicBaseUrlWarning(getConfig({ FAKE_PRINTER: '1' }), 8080), null);
  // main.ts hands the started demo printer to the server as its printer: still no warning.
  assert.is(publicBaseUrlWarning({ printer: { host: '127.0.0.1', port: 9109 }, publicBaseUrl: undefined }, 8080), null);
});

t.run();
