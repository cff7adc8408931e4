/**
 * The field-encryption key: PII_KEY from the environment; on embedded PGlite a key generated once
 * and kept beside the data (mode 600); in memory a throw-away key. PostgreSQL needs PII_KEY, since
 * several processes must share it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';
import { ConfigError } from './config';

export function loadPiiKey(config: Config): Buffer {
  if (config.piiKeyHex) return Buffer.from(config.piiKeyHex, 'hex');
  const url = config.databaseUrl;
  if (url === 'memory://') return randomBytes(32);
  if (url && url.startsWith('postgres')) {
    throw new ConfigError('PII_KEY is required with PostgreSQL (64 hex characters, the same for every server process).');
  }
  const dir = url?.startsWith('file://') ? url.slice('file://'.length) : config.dataDir;
  const path = join(dir, 'pii.key');
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('hex'), { mode: 0o600 });
  return key;
}
