/**
 * `npx tsx bench/heap-top.ts <a.heapsnapshot> [<b.heapsnapshot>] [--per N]` — the largest kinds of
 * objects in a V8 heap snapshot by self size (type:name, count, MB), or with two snapshots what
 * grew from a to b; with --per N also per N (e.g. the sockets added between the two) in bytes.
 * Take the snapshots of a benchmark node with `node --heapsnapshot-signal=SIGUSR2` (BENCH_NODE_FLAGS)
 * and `kill -USR2 <pid>`; the file lands in the node's working directory.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

function tally(file: string): Map<string, { count: number; bytes: number }> {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const types = snap.snapshot.meta.node_types[0];
  const out = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]!]!;
    const name = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? '' : (snap.strings[snap.nodes[i + nameAt]!] ?? '').slice(0, 60);
    const key = `${type}:${name}`;
    const e = out.get(key) ?? { count: 0, bytes: 0 };
    e.count++;
    e.bytes += snap.nodes[i + sizeAt]!;
    out.set(key, e);
  }
  return out;
}

const args = process.argv.slice(2);
const perAt = args.indexOf('--per');
const per = perAt >= 0 ? Number(args.splice(perAt, 2)[1]) : 0;
const [a, b] = args;
if (!a) {
  console.error('usage: npx tsx bench/heap-top.ts <a.heapsnapshot> [<b.heapsnapshot>] [--per N]');
  process.exit(2);
}
const ta = tally(a);
const rows = b
  ? (() => {
      const tb = tally(b);
      return [...tb].map(([k, v]) => [k, { count: v.count - (ta.get(k)?.count ?? 0), bytes: v.bytes - (ta.get(k)?.bytes ?? 0) }] as const);
    })()
  : [...ta];
rows.sort((x, y) => y[1].bytes - x[1].bytes);
const total = rows.reduce((s, [, v]) => s + v.bytes, 0);
console.log(`${b ? 'grown' : 'total'} ${(total / 2 ** 20).toFixed(1)} MB${per ? `, ${(total / per).toFixed(0)} B per unit` : ''}`);
for (const [k, v] of rows.slice(0, 40)) {
  console.log(`${(v.bytes / 2 ** 20).toFixed(2).padStart(9)} MB ${String(v.count).padStart(9)}  ${per ? `${(v.bytes / per).toFixed(0).padStart(7)} B ${(v.count / per).toFixed(1).padStart(6)}/unit  ` : ''}${k}`);
}
