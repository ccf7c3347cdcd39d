/**
 * The agreement's split of target rents over the rent bands (chapter 2): 2.5% up to the
 * kwaliteitskortingsgrens, 60% up to the first aftoppingsgrens, 25% up to the second, 12.5% up to the
 * liberalisatiegrens. `assignBands` gives n homes their band so the counts match those shares as
 * closely as whole homes allow (largest remainders), deterministic and in a fixed pattern spread over
 * the list, so homes of every village and type get every band.
 */
export const RENT_BANDS = [
  "tot_kwaliteitskortingsgrens",
  "tot_aftoppingsgrens_laag",
  "tot_aftoppingsgrens_hoog",
  "tot_liberalisatiegrens",
] as const;
export type RentBand = (typeof RENT_BANDS)[number];

/** Whole homes per band for n homes: floors, then the largest remainders (ties to the lower band). */
export function bandCounts(n: number, shares: readonly number[]): number[] {
  const total = shares.reduce((s, x) => s + x, 0);
  const exact = shares.map((s) => (total > 0 ? (n * s) / total : 0));
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return counts;
}

/**
 * Band per home, written into `out` (length n): band b goes to the homes where the running share of b
 * falls furthest behind its target, so the bands interleave along the list instead of coming in blocks.
 */
export function assignBands(shares: readonly number[], out: Uint8Array): void {
  const n = out.length;
  const counts = bandCounts(n, shares);
  const given = new Array<number>(shares.length).fill(0);
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestLag = Number.NEGATIVE_INFINITY;
    for (let b = 0; b < counts.length; b++) {
      if (given[b] >= counts[b]) continue;
      const lag = (counts[b] * (i + 1)) / n - given[b];
      if (lag > bestLag) {
        bestLag = lag;
        best = b;
      }
    }
    out[i] = best;
    given[best]++;
  }
}

/**
 * A target rent inside a band: a fixed position between the band's lower and upper limit (the middle by
 * default), so rents are spread within a band rather than all at its ceiling.
 */
export function rentInBand(band: number, limits: Float64Array, yearOffset: number, position = 0.5): number {
  const upper = limits[yearOffset + band];
  const lower = band === 0 ? upper * 0.8 : limits[yearOffset + band - 1];
  return lower + (upper - lower) * position;
}
