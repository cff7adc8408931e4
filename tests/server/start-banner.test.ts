/** What `npm start` prints: every screen a new user needs, and demo credentials only for the demo. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startBanner } from '../../server/start-banner';

const t = suite('start banner');
const base = 'http://localhost:3000';

t('the demo: every screen, the demo device tokens, every demo account with its role', () => {
  const text = startBanner({ base, dbLabel: 'PGlite in ./data', seeded: true, demo: true, setupCode: null, printing: '' });
  for (const path of ['/admin/', '/kiosk/?token=dv_demo-kiosk-1', '/counter/', '/display/?token=dv_demo-display-1', '/dashboard/', '/booking/', '/review/', '/evaluation/?token=dv_demo-pad-1'])
    assert.ok(text.includes(base + path), `banner lists ${path}`);
  assert.match(text, /password for all: yichuang2026/);
  for (const user of ['admin', 'manager', 'staff1', 'staff4']) assert.match(text, new RegExp(`^  ${user}\\s`, 'm'));
  assert.match(text, /^ {2}reviewer1\s+reviewer\s+赵审批（区市场监督管理局、区公安分局）$/m);
  assert.match(text, /^ {2}reviewer2\s+reviewer\s+孙审批/m);
});

t('a real installation: no demo token, password or account; the set-up code instead', () => {
  const text = startBanner({ base, dbLabel: 'PostgreSQL', seeded: false, demo: false, setupCode: 'K7QH-M2XD-9PWA', printing: '' });
  assert.not.match(text, /dv_demo|yichuang2026|reviewer1|staff1/);
  assert.ok(text.includes(`${base}/review/`), 'the back office is listed');
  assert.ok(text.includes(`${base}/evaluation/?token=<device token>`), 'the pad URL asks for a device token');
  assert.match(text, /首次设置码 Set-up code {3}K7QH-M2XD-9PWA/);
});

t.run();
