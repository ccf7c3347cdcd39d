/**
 * A simplified huurtoeslag (rent benefit), per month. The household pays a basishuur that rises with
 * its income; of the rent above it the state pays a share per band: all of it up to the
 * kwaliteitskortingsgrens, a smaller share up to the aftoppingsgrens for the household's size, and a
 * smaller share still up to the liberalisatiegrens (the 2025 system pays 40% there for everyone). A rent
 * above the liberalisatiegrens gets nothing until 2025; from 2026 it counts up to that limit. The real table has more cases (students, the elderly,
 * assets); these parameters are the scenario's and carry their source.
 */
export interface HuurtoeslagParams {
  /** Lowest basishuur, euros a month. */
  minimumBasishuur: number;
  /** Yearly income under which the basishuur stays at its minimum. */
  incomeFloor: number;
  /** Euros of basishuur per euro of monthly income above the floor. */
  slope: number;
  /** Share paid of the rent between basishuur and kwaliteitskortingsgrens. */
  shareToKwaliteitskorting: number;
  /** Share paid between kwaliteitskortingsgrens and aftoppingsgrens. */
  shareToAftopping: number;
  /** Share paid between aftoppingsgrens and liberalisatiegrens. */
  shareAboveAftopping: number;
}

export function basishuur(p: HuurtoeslagParams, yearlyIncome: number): number {
  return p.minimumBasishuur + (p.slope * Math.max(0, yearlyIncome - p.incomeFloor)) / 12;
}

/** Rent benefit in euros a month; never negative, never more than the rent. */
export function huurtoeslag(
  p: HuurtoeslagParams,
  rent: number,
  yearlyIncome: number,
  kwaliteitskortingsgrens: number,
  aftoppingsgrens: number,
  liberalisatiegrens: number,
  maxRentCondition = true,
): number {
  return huurtoeslagAbove(
    p,
    basishuur(p, yearlyIncome),
    rent,
    kwaliteitskortingsgrens,
    aftoppingsgrens,
    liberalisatiegrens,
    maxRentCondition,
  );
}

/**
 * The same from a basishuur already known: the form the yearly loop over tenants uses. With
 * `maxRentCondition` (until 2025) a rent above the liberalisatiegrens gets nothing; without it (from
 * 2026) such a rent counts up to that limit.
 */
export function huurtoeslagAbove(
  p: HuurtoeslagParams,
  base: number,
  fullRent: number,
  kwaliteitskortingsgrens: number,
  aftoppingsgrens: number,
  liberalisatiegrens: number,
  maxRentCondition = true,
): number {
  if (fullRent > liberalisatiegrens && maxRentCondition) return 0;
  const rent = Math.min(fullRent, liberalisatiegrens);
  return (
    p.shareToKwaliteitskorting * band(rent, base, 0, kwaliteitskortingsgrens) +
    p.shareToAftopping * band(rent, base, kwaliteitskortingsgrens, aftoppingsgrens) +
    p.shareAboveAftopping * band(rent, base, aftoppingsgrens, liberalisatiegrens)
  );
}

/** The part of the rent above the basishuur that falls between `from` and `to`. */
function band(rent: number, base: number, from: number, to: number): number {
  return Math.max(0, Math.min(rent, to) - Math.max(base, from));
}
