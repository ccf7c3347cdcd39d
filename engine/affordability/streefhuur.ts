/**
 * A home's streefhuur (target rent) in a year: a fixed position inside its band, between the band's
 * lower and upper rent limit of that year. The bands themselves follow the agreement's split (chapter 2:
 * 2.5% up to the kwaliteitskortingsgrens, 60% up to the first aftoppingsgrens, 25% up to the second,
 * 12.5% up to the liberalisatiegrens), assigned when the allocation model builds its homes.
 * `limits` holds four limits per year; band 0 starts at 80% of the kwaliteitskortingsgrens.
 */
export function streefhuur(band: number, limits: Float64Array, year: number, position: number): number {
  const upper = limits[year * 4 + band];
  const lower = band === 0 ? upper * 0.8 : limits[year * 4 + band - 1];
  return lower + (upper - lower) * position;
}
