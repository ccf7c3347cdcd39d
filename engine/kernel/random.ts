import seedrandom from "seedrandom";

/**
 * Randomness enters the model only here. `seed → key per run → draw per (purpose, index)`:
 * a run's key comes from seedrandom; each draw is a hash of (run key, purpose key, index). A project's
 * delay therefore depends on its own id and the run, not on which other projects exist or in what
 * order they are listed — so two scenarios that share a project share its random numbers (common
 * random numbers), and their difference is not drowned in noise. Hashing also means no generator
 * object per project per run: the hot loop allocates nothing.
 */

let cachedSeed = Number.NaN;
let cachedSeedKey = 0;

/** The root key of a seed, from seedrandom; seeding costs microseconds, so it is done once per seed. */
export function seedKey(seed: number): number {
  if (seed !== cachedSeed) {
    cachedSeedKey = seedrandom.alea(`woonscenario:${seed}`).int32() >>> 0;
    cachedSeed = seed;
  }
  return cachedSeedKey;
}

/** The key of one run: the seed's root key mixed with the run index. */
export function runKey(seed: number, run: number): number {
  return mix(seedKey(seed) ^ mix(run + 0x632be5ab));
}

/** A stable 32-bit key for a name (a project id, a shock id): FNV-1a. */
export function nameKey(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Chris Wellons' lowbias32: a 32-bit mixer with near-ideal avalanche. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

/**
 * A uniform draw in [0, 1) for (run, purpose, index); the same arguments always give the same number:
 * `mix(run ^ mix(purpose ^ mix(index + 0x9e3779b9))) / 2³²`, the three mixes written out so that no
 * inner call returns a 32-bit number (which, out of the small-integer range, is boxed: an allocation).
 */
export function uniform(run: number, purpose: number, index: number): number {
  let x = (index + 0x9e3779b9) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  x = (purpose ^ x) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  x = (run ^ x) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return (x >>> 0) / 4294967296;
}

/** Inverse CDF of the triangular distribution (min ≤ mode ≤ max) at u. */
export function triangular(u: number, min: number, mode: number, max: number): number {
  const range = max - min;
  if (range <= 0) return min;
  const cut = (mode - min) / range;
  return u < cut
    ? min + Math.sqrt(u * range * (mode - min))
    : max - Math.sqrt((1 - u) * range * (max - mode));
}

/** The triangular distribution's CDF at x: the share of draws at or below x. */
export function triangularCdf(x: number, min: number, mode: number, max: number): number {
  if (x <= min) return 0;
  if (x >= max) return 1;
  return x <= mode
    ? ((x - min) * (x - min)) / ((max - min) * (mode - min))
    : 1 - ((max - x) * (max - x)) / ((max - min) * (max - mode));
}
