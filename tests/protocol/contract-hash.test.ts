/**
 * The protocol version follows the contract: the hash of the generated OpenAPI document, of every
 * socket command's input schema and policy action, of the policy table, and of the type
 * declarations of server/protocol (their tokens, so comments and layout do not count) must equal
 * the CONTRACT_HASH recorded next to PROTOCOL_VERSION. Change the contract → bump the version and
 * record the new hash (this test prints it).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import { buildOpenApi } from '../../server/http/openapi';
import { COMMANDS, SUBSCRIPTIONS } from '../../server/protocol/commands';
import { POLICY } from '../../server/protocol/permissions';
import { CONTRACT_HASH, PROTOCOL_VERSION } from '../../server/protocol/version';

const root = join(import.meta.dirname, '../..');
const protocolDir = join(root, 'server/protocol');

/**
 * A file's code without comments and whitespace (string and template literals kept as they are), so
 * a reworded comment or a re-wrapped line does not count as a contract change. A `//` or `/*` inside
 * a regular expression literal would be read as a comment: the protocol's regexes escape their slashes.
 */
export function tokensOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}

function protocolSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? protocolSources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
    .filter((f) => !f.endsWith('version.ts'))
    .sort();
}

/** JSON with sorted keys, so the hash does not depend on insertion order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

export function contractHash(): string {
  const openapi = buildOpenApi() as { info?: Record<string, unknown> };
  const { version: _version, ...info } = openapi.info ?? {};
  const commands = Object.fromEntries(Object.entries({ ...SUBSCRIPTIONS, ...COMMANDS }).map(([name, d]) => [name, { action: d.action, input: z.toJSONSchema(d.input, { unrepresentable: 'any' }) }]));
  const types = protocolSources(protocolDir).map((f) => `${relative(root, f)}\n${tokensOf(readFileSync(f, 'utf8'))}`);
  return createHash('sha256').update(canonical({ openapi: { ...openapi, info }, commands, policy: POLICY, types })).digest('hex').slice(0, 16);
}

const t = suite('contract hash: PROTOCOL_VERSION changes whenever the contract does');

t('the recorded hash is the contract of this protocol version', () => {
  const hash = contractHash();
  assert.is(CONTRACT_HASH, hash, `contract changed: bump PROTOCOL_VERSION (now ${PROTOCOL_VERSION}) and update the recorded hash in server/protocol/version.ts to '${hash}'`);
});

t('comments and layout do not change the hash; a token does', () => {
  assert.is(tokensOf('/** a */ export type A = { x: string };'), tokensOf('export  type A = {\n  // b\n  x: string };'));
  assert.is.not(tokensOf('export type A = { x: string };'), tokensOf('export type A = { x?: string };'));
});

t.run();
