/**
 * Turning uniform draws into the model's quantities. Pure functions of their arguments: the draws
 * themselves come from `uniform` in ../random, keyed by run, purpose and index.
 */

/** The index of the class a uniform draw falls in, given cumulative shares (the last is 1). */
export function pickCumulative(cumulative: Float64Array, u: number): number {
  const last = cumulative.length - 1;
  for (let i = 0; i < last; i++) if (u < cumulative[i]) return i;
  return last;
}

/** Cumulative shares from shares that add up to 1 (the last entry is set to exactly 1). */
export function cumulativeOf(shares: readonly number[]): Float64Array {
  const out = new Float64Array(shares.length);
  let total = 0;
  for (let i = 0; i < shares.length; i++) {
    total += shares[i];
    out[i] = total;
  }
  if (out.length > 0) out[out.length - 1] = 1;
  return out;
}

/** A lognormal draw around `median` with log-spread `spread`, from two uniforms (Box–Muller). */
export function lognormal(u1: number, u2: number, median: number, spread: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  return median * Math.exp(spread * z);
}

/**
 * Quarters until an event with a constant quarterly chance (geometric, at least 1), from the log of the
 * chance it does not happen: `log(1 - p)`. Infinity when it never happens.
 */
export function quartersUntil(u: number, logStay: number): number {
  if (logStay >= 0) return Number.POSITIVE_INFINITY;
  return 1 + Math.floor(Math.log(1 - u) / logStay);
}

/** `log(1 - p)` of the quarterly chance that matches a yearly chance `yearly`. */
export function quarterlyLogStay(yearly: number): number {
  return yearly >= 1 ? Number.NEGATIVE_INFINITY : Math.log(1 - yearly) / 4;
}

/** Resolution of the geometric tables: a uniform draw picks one of this many equally likely values. */
export const GEOMETRIC_STEPS = 1024;

/**
 * Quarters until an event, tabulated per hazard class so a run draws with a lookup instead of a logarithm:
 * entry `cls * GEOMETRIC_STEPS + i` is `quartersUntil` at the midpoint of the i-th step (capped at 32,767).
 */
export function geometricTable(logStays: readonly number[]): Int16Array {
  const table = new Int16Array(logStays.length * GEOMETRIC_STEPS);
  logStays.forEach((logStay, cls) => {
    for (let i = 0; i < GEOMETRIC_STEPS; i++) {
      table[cls * GEOMETRIC_STEPS + i] = Math.min(32767, quartersUntil((i + 0.5) / GEOMETRIC_STEPS, logStay));
    }
  });
  return table;
}
