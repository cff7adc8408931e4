/**
 * The top self-time functions of a V8 CPU profile (node --cpu-prof), e.g. the one bench:city
 * writes with BENCH_CPU_PROF=<dir>:   npx tsx bench/profile-top.ts <dir or .cpuprofile> [count]
 * Self time per function (name, file:line), summed over every node of the call tree; the share
 * is of all sampled time including idle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const target = process.argv[2];
const count = Number(process.argv[3] ?? 25);
if (!target) {
  console.error('usage: npx tsx bench/profile-top.ts <dir or .cpuprofile> [count]');
  process.exit(2);
}
// A directory: its largest profile — the main thread's (under tsx the module loader thread writes a small one too, and it sorts last).
const file = statSync(target).isDirectory()
  ? (readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(target, f))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0] ?? target)
  : target;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map<string, number>();
for (const [id, us] of selfUs) {
  const f = byId.get(id)!.callFrame;
  const where = f.url ? `${f.url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '~/')}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, count)) {
  console.log(`${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
}
