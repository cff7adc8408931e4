import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError, getConfig } from '../../server/config';

const t = suite('getConfig(env)');

t('defaults: embedded PGlite under ./data on port 3000 with demo data', () => {
  const c = getConfig({});
  assert.is(c.port, 3000);
  assert.is(c.databaseUrl, undefined);
  assert.is(c.dataDir, './data');
  assert.is(c.seedDemo, true);
  assert.is(c.printer, null);
});

t('empty variables count as unset', () => {
  assert.is(getConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl, undefined);
});

t('database URLs: memory://, file://dir, postgres://…', () => {
  assert.is(getConfig({ DATABASE_URL: 'memory://' }).databaseUrl, 'memory://');
  assert.is(getConfig({ DATABASE_URL: 'file:///var/lib/yc' }).databaseUrl, 'file:///var/lib/yc');
  assert.is(getConfig({ DATABASE_URL: 'postgres://u@h:5432/d' }).databaseUrl, 'postgres://u@h:5432/d');
});

t('bad values are listed together in one clear error', () => {
  try {
    getConfig({ PORT: '99999', DATABASE_URL: 'mysql://x', PII_KEY: 'short' });
    assert.unreachable();
  } catch (err) {
    assert.instance(err, ConfigError);
    const msg = (err as Error).message;
    for (const name of ['PORT', 'DATABASE_URL', 'PII_KEY']) assert.match(msg, name);
  }
});

t.run();
