/**
 * The rent limits of the huurtoeslag system for each simulated year: kwaliteitskortingsgrens, the two
 * aftoppingsgrenzen (1–2 persons, 3 or more) and the liberalisatiegrens. Official values where the
 * scenario has them; later years indexed by the scenario's yearly rate.
 */

export const BAND_LIMITS = [
  "kwaliteitskortingsgrens",
  "aftoppingsgrensLaag",
  "aftoppingsgrensHoog",
  "liberalisatiegrens",
] as const;
export type BandLimit = (typeof BAND_LIMITS)[number];
export type RentLimitValues = Record<BandLimit, number>;

export interface RentLimitInput {
  /** The year of `values`. */
  year: number;
  values: RentLimitValues;
  /** Yearly indexation for years after the last known one. */
  indexation: number;
  /** Known values for later years (official, once published). */
  byYear: Record<string, RentLimitValues>;
}

/**
 * Limits for years `firstYear … firstYear + nYears − 1`, flat: `[year * 4 + limit]` in the order of
 * BAND_LIMITS. A year before the base year gets the base values.
 */
export function rentLimitsByYear(input: RentLimitInput, firstYear: number, nYears: number): Float64Array {
  const out = new Float64Array(nYears * BAND_LIMITS.length);
  let current: RentLimitValues = input.values;
  for (let year = Math.min(firstYear, input.year); year < firstYear + nYears; year++) {
    const known = input.byYear[String(year)];
    if (known) current = known;
    else if (year > input.year) {
      const factor = 1 + input.indexation;
      current = Object.fromEntries(BAND_LIMITS.map((k) => [k, current[k] * factor])) as RentLimitValues;
    }
    const y = year - firstYear;
    if (y >= 0)
      BAND_LIMITS.forEach((k, i) => {
        out[y * BAND_LIMITS.length + i] = current[k];
      });
  }
  return out;
}
