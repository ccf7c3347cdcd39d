/**
 * Split `total` whole dwellings over places in proportion to `weights`, never giving a place more than
 * its `caps` (what it has left). Largest remainders decide the last units; ties go to the lower index,
 * so the result is deterministic. Writes into `out` and returns how many units were placed (less than
 * `total` only when the caps together hold less).
 */
export function apportion(
  total: number,
  weights: Float64Array,
  caps: Float64Array,
  out: Float64Array,
): number {
  const n = weights.length;
  out.fill(0);
  let left = total;
  // Each pass hands out what is left by weight among places with room; a place that hits its cap drops out.
  while (left > 0) {
    let weightSum = 0;
    for (let i = 0; i < n; i++) if (caps[i] - out[i] > 0) weightSum += Math.max(weights[i], 0);
    if (weightSum <= 0) {
      // No weighted place has room: fall back to any place with room, in order.
      for (let i = 0; i < n && left > 0; i++) {
        const room = caps[i] - out[i];
        if (room > 0) {
          const give = Math.min(room, left);
          out[i] += give;
          left -= give;
        }
      }
      break;
    }
    let given = 0;
    for (let i = 0; i < n; i++) {
      const room = caps[i] - out[i];
      if (room <= 0 || weights[i] <= 0) continue;
      const give = Math.min(room, Math.floor((left * weights[i]) / weightSum));
      out[i] += give;
      given += give;
    }
    left -= given;
    if (given === 0) {
      // Everything left is remainder: one unit to the place with the largest share that still has room.
      let best = -1;
      for (let i = 0; i < n; i++) {
        if (caps[i] - out[i] > 0 && weights[i] > 0 && (best < 0 || weights[i] > weights[best])) best = i;
      }
      out[best] += 1;
      left -= 1;
    }
  }
  return total - left;
}
