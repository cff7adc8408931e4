/**
 * The OpenAPI 3.1 document, generated from the endpoint definitions and the policy table, so a
 * hall's IT staff can integrate without reading the source. Served at /api/openapi.json; a
 * readable page of the same document is at /api/docs (docs-page.ts).
 */
import { z } from 'zod';
import type { EndpointDef } from '../protocol/endpoint';
import { ENDPOINTS, type EndpointName } from '../protocol/endpoints';
import { ERROR_CODES } from '../protocol/errors';
import { POLICY, type Action, type PolicyRole, type Scope } from '../protocol/permissions';
import { PROTOCOL_VERSION } from '../protocol/version';

type Json = Record<string, unknown>;

const SCOPE_WORDS: Record<Scope, string> = {
  public: 'anyone',
  any_hall: 'any hall',
  own_hall: 'own halls',
  own_counter: 'own counter',
  own_department: 'own departments',
};

/** "admin (any hall), manager (own halls)" — who may call, from the policy table. */
export function whoMay(action: Action): string {
  const grants = Object.entries(POLICY[action]) as [PolicyRole, Scope][];
  return grants.map(([role, scope]) => `${role} (${SCOPE_WORDS[scope]})`).join(', ');
}

function schemaOf(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  delete json.$schema;
  return json;
}

function parametersOf(def: EndpointDef): Json[] {
  const names = def.path.match(/:([A-Za-z]+)/g)?.map((m) => m.slice(1)) ?? [];
  const path = names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: (def.params?.[name] ?? 'uuid') === 'uuid' ? { type: 'string', format: 'uuid' } : { type: 'string' },
  }));
  if (!def.query) return path;
  const q = schemaOf(def.query) as { properties?: Record<string, Json>; required?: string[] };
  const query = Object.entries(q.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: q.required?.includes(name) ?? false, schema }));
  return [...path, ...query];
}

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_CODES) },
        message: { type: 'string' },
        fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'For validation_failed: field path → message' },
      },
    },
  },
};

function operation(name: EndpointName, def: EndpointDef): Json {
  const isPublic = 'anonymous' in POLICY[def.action];
  const status = String(def.status ?? 200);
  const responses: Json = {
    [status]: {
      description: `\`{ data }\` — see \`ENDPOINTS.${name}\` in server/protocol/endpoints.ts for its type`,
      content: {
        'application/json': { schema: { type: 'object', required: ['data'], properties: { data: {} } } },
        ...(def.csv && { 'text/csv': { schema: { type: 'string' } } }),
      },
    },
    '4XX': { description: 'A stable error code (server/protocol/errors.ts); nothing was written', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } },
  };
  return {
    operationId: name,
    summary: def.summary,
    tags: [def.tag],
    description: `Permission \`${def.action}\`: ${whoMay(def.action)}.${def.rateLimit ? ' Rate-limited per client address.' : ''}`,
    'x-permission': { action: def.action, grants: POLICY[def.action] },
    security: isPublic ? [] : [{ bearer: [] }],
    parameters: parametersOf(def),
    ...(def.body && { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(def.body) } } } }),
    responses,
  };
}

export function buildOpenApi(): Json {
  const paths: Record<string, Json> = {};
  for (const [name, def] of Object.entries(ENDPOINTS) as [EndpointName, EndpointDef][]) {
    const path = def.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = { ...(paths[path] ?? {}), [def.method.toLowerCase()]: operation(name, def) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '一窗 Yichuang API',
      version: `protocol ${PROTOCOL_VERSION}`,
      description:
        'Queue and comprehensive-counter system for government service halls. Every answer is `{ data }` or `{ error: { code, message } }`. ' +
        'Staff sign in with POST /api/auth/login and send `Authorization: Bearer <token>`; kiosks and displays use their device token. ' +
        'Counter work (call, start, finish …) goes over socket.io commands, listed in server/protocol/commands.ts.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A staff session token (st_…) or a device token (dv_…)' } },
      schemas: { ErrorBody: errorBody },
    },
    paths,
  };
}
