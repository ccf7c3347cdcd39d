/**
 * The yearly rent increase for sitting tenants, from the scenario's policy: with wage growth (the
 * national performance agreements), the national maximum, inflation plus or minus a margin, or a path
 * of its own. Never above the maximum; a freeze year overrides every mode.
 */
export const RENT_POLICY_MODES = ["loon", "maximum", "inflatie", "pad"] as const;
export type RentPolicyMode = (typeof RENT_POLICY_MODES)[number];

export interface RentPolicyInput {
  mode: RentPolicyMode;
  /** The official maximum increase per year (a fraction), where published. */
  maximum: Record<string, number>;
  /** The maximum in other years; undefined: wage growth, as the Rijk sets it. */
  maximumDefault: number | undefined;
  /** Wage growth and inflation of a year (the scenario's economy). */
  wageGrowth: (year: number) => number;
  inflation: (year: number) => number;
  spread: number;
  margin: number;
  path: Record<string, number>;
  freezeYears: number[];
}

export function rentIncrease(policy: RentPolicyInput, year: number): number {
  if (policy.freezeYears.includes(year)) return 0;
  const key = String(year);
  const published = policy.maximum[key];
  const maximum = published ?? policy.maximumDefault ?? policy.wageGrowth(year);
  switch (policy.mode) {
    case "loon":
      // A published maximum is the wage-based figure of its year and caps the rise; in later years the
      // spread may take rents above wage growth (a national maximum set otherwise), up to a given maximum.
      return Math.min(
        published ?? policy.maximumDefault ?? Number.POSITIVE_INFINITY,
        (published ?? policy.wageGrowth(year)) + policy.spread,
      );
    case "maximum":
      return maximum;
    case "inflatie":
      // A corporation may not go above the national maximum, whatever inflation does.
      return Math.min(maximum, policy.inflation(year) + policy.margin);
    case "pad":
      return Math.min(maximum, policy.path[key] ?? 0);
  }
}

/** Increases for the simulated years as a flat array. */
export function rentIncreaseByYear(policy: RentPolicyInput, firstYear: number, nYears: number): Float64Array {
  return Float64Array.from({ length: nYears }, (_, y) => rentIncrease(policy, firstYear + y));
}
