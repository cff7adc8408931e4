/** /api/docs: the OpenAPI document as one self-contained HTML page (no script, no CDN: halls are often offline). */
import type { EndpointDef } from '../protocol/endpoint';
import { ENDPOINTS, type EndpointName } from '../protocol/endpoints';
import { PROTOCOL_VERSION } from '../protocol/version';
import { buildOpenApi, whoMay } from './openapi';

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function operationHtml(name: EndpointName, def: EndpointDef, op: Record<string, any>): string {
  const params = (op.parameters as { name: string; in: string; required: boolean; schema: unknown }[])
    .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : ''}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td></tr>`)
    .join('');
  const body = op.requestBody?.content?.['application/json']?.schema;
  return `<section class="op" id="${name}">
  <h3><span class="m ${def.method}">${def.method}</span> <code>${esc(def.path)}</code></h3>
  <p>${esc(def.summary)}</p>
  <p class="who"><b>Who may call</b> (<code>${def.action}</code>): ${esc(whoMay(def.action))}${def.rateLimit ? ' · rate-limited' : ''}</p>
  ${params ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${params}</table>` : ''}
  ${body ? `<details><summary>Request body (JSON Schema)</summary><pre>${esc(JSON.stringify(body, null, 2))}</pre></details>` : ''}
  <p class="ok">Answers ${def.status ?? 200} <code>{ "data": … }</code>${def.csv ? ' (or text/csv with format=csv)' : ''}; errors <code>{ "error": { "code", "message" } }</code>.</p>
</section>`;
}

export function docsPage(): string {
  const doc = buildOpenApi() as { paths: Record<string, Record<string, any>> };
  const byTag = new Map<string, string[]>();
  for (const [name, def] of Object.entries(ENDPOINTS) as [EndpointName, EndpointDef][]) {
    const op = doc.paths[def.path.replace(/:([A-Za-z]+)/g, '{$1}')]![def.method.toLowerCase()];
    byTag.set(def.tag, [...(byTag.get(def.tag) ?? []), operationHtml(name, def, op)]);
  }
  const toc = [...byTag.keys()].map((t) => `<a href="#tag-${t}">${t}</a>`).join(' · ');
  const sections = [...byTag].map(([tag, ops]) => `<h2 id="tag-${tag}">${tag}</h2>${ops.join('\n')}`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>一窗 Yichuang API</title>
<style>
body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;max-width:980px;margin:0 auto;padding:24px;color:#1f2933}
h1{margin-bottom:4px}h2{border-bottom:2px solid #d9e2ec;padding-bottom:4px;margin-top:40px;text-transform:capitalize}
.op{border:1px solid #d9e2ec;border-radius:8px;padding:8px 16px;margin:12px 0}
.op h3{margin:8px 0;font-size:16px}.m{display:inline-block;min-width:64px;text-align:center;border-radius:4px;color:#fff;font-size:13px;padding:2px 6px}
.GET{background:#2f80ed}.POST{background:#27ae60}.PUT{background:#f2994a}.PATCH{background:#9b51e0}.DELETE{background:#eb5757}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #d9e2ec;padding:2px 8px;text-align:left;vertical-align:top}
pre{background:#f5f7fa;padding:8px;overflow:auto;font-size:12px}code{font-size:13px}.who{color:#334e68}.ok{color:#52606d;font-size:13px}
</style></head><body>
<h1>一窗 Yichuang API</h1>
<p>Protocol version ${PROTOCOL_VERSION}. Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
Sign in with <code>POST /api/auth/login</code> and send <code>Authorization: Bearer &lt;token&gt;</code>; kiosks and displays use their device token.
Counter work (call, start, finish …) goes over socket.io commands (server/protocol/commands.ts).</p>
<nav>${toc}</nav>
${sections}
</body></html>`;
}
