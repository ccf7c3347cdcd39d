/**
 * Split `total` whole dwellings over places in proportion to `weights`, never giving a place more than
 * its `caps` (what it has left). `credit` carries each place's unpaid fraction from one call to the
 * next, so that small numbers handed out every quarter still add up to fair shares over the years:
 * one sale a quarter goes to a small village now and then, not always to the largest. Units go one by
 * one to the place owed the most; ties go to the lower index, so the result is deterministic. Writes
 * into `out` and returns how many units were placed (less than `total` only when the caps hold less).
 */
export function apportion(
  total: number,
  weights: Float64Array,
  caps: Float64Array,
  out: Float64Array,
  credit: Float64Array,
): number {
  const n = weights.length;
  // A loop, not fill: called twice a quarter on a few places, where the builtin costs more than the work.
  for (let i = 0; i < out.length; i++) out[i] = 0;
  let weightSum = 0;
  for (let i = 0; i < n; i++) if (caps[i] > 0) weightSum += Math.max(weights[i], 0);
  for (let i = 0; i < n; i++) {
    // A place with nothing left to give is owed nothing: its claim would only pile up.
    if (caps[i] <= 0) credit[i] = 0;
    else if (weightSum > 0) credit[i] += (total * Math.max(weights[i], 0)) / weightSum;
  }
  let placed = 0;
  for (; placed < total; placed++) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (caps[i] - out[i] < 1) continue;
      if (best < 0 || credit[i] > credit[best]) best = i;
    }
    if (best < 0) break;
    out[best] += 1;
    credit[best] -= 1;
  }
  return placed;
}
