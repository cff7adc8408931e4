/** A small seeded random source (mulberry32) and the distributions the simulation draws from. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(lo: number, hi: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Lognormal with the given mean and coefficient of variation (sd / mean). */
  lognormal(mean: number, cv: number): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  chance(p: number): boolean;
  /** Index drawn with probability proportional to its weight. */
  pickWeighted(weights: readonly number[]): number;
  /** An independent stream derived from this seed and a label (common random numbers across policies). */
  fork(label: string): Rng;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function createRng(seed: number): Rng {
  const u = mulberry32(seed);
  const rng: Rng = {
    next: u,
    uniform: (lo, hi) => lo + (hi - lo) * u(),
    normal() {
      const a = Math.max(u(), Number.EPSILON);
      return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
    },
    lognormal(mean, cv) {
      const s2 = Math.log(1 + cv * cv);
      return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * rng.normal());
    },
    exponential: (mean) => -mean * Math.log(1 - u()),
    chance: (p) => u() < p,
    pickWeighted(weights) {
      const total = weights.reduce((a, b) => a + b, 0);
      let x = u() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i]!;
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    fork: (label) => createRng(hash(seed, label)),
  };
  return rng;
}
