/**
 * The yearly rent increase for sitting tenants, from the scenario's policy: the national maximum, a
 * freeze, inflation plus or minus a margin, or a path of its own. A freeze year overrides every mode.
 */
export const RENT_POLICY_MODES = ["maximum", "inflatie", "pad"] as const;
export type RentPolicyMode = (typeof RENT_POLICY_MODES)[number];

export interface RentPolicyInput {
  mode: RentPolicyMode;
  /** The national maximum increase per year (a fraction), with a default for years not listed. */
  maximum: Record<string, number>;
  maximumDefault: number;
  inflation: Record<string, number>;
  inflationDefault: number;
  margin: number;
  path: Record<string, number>;
  freezeYears: number[];
}

export function rentIncrease(policy: RentPolicyInput, year: number): number {
  if (policy.freezeYears.includes(year)) return 0;
  const key = String(year);
  const maximum = policy.maximum[key] ?? policy.maximumDefault;
  switch (policy.mode) {
    case "maximum":
      return maximum;
    case "inflatie":
      // A corporation may not go above the national maximum, whatever inflation does.
      return Math.min(maximum, (policy.inflation[key] ?? policy.inflationDefault) + policy.margin);
    case "pad":
      return Math.min(maximum, policy.path[key] ?? 0);
  }
}

/** Increases for the simulated years as a flat array. */
export function rentIncreaseByYear(policy: RentPolicyInput, firstYear: number, nYears: number): Float64Array {
  return Float64Array.from({ length: nYears }, (_, y) => rentIncrease(policy, firstYear + y));
}
