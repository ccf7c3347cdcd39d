import { cumulativeOf, lognormal, pickCumulative } from "./draw";
import {
  BAND_AFTOPPING_HOOG,
  BAND_AFTOPPING_LAAG,
  INCOME_HIGH,
  INCOME_LOW,
  INCOME_MIDDLE,
} from "./vocabulary";

/**
 * Households: who they are (type, size, age, income) and what the rules make of that (income class,
 * rent ceiling). A run holds them as parallel typed arrays indexed by household; see ./state.
 */

/** Income limits in euros a year, compiled from the scenario. */
export interface IncomeLimits {
  passendOne: number;
  passendMore: number;
  passendOneAow: number;
  passendMoreAow: number;
  daebOne: number;
  daebMore: number;
  aowAge: number;
}

/** Under the passend-toewijzen limit (low), up to the DAEB limit (middle), or above it (high). */
export function incomeClass(limits: IncomeLimits, income: number, size: number, age: number): number {
  const aow = age >= limits.aowAge;
  const passend =
    size <= 1
      ? aow
        ? limits.passendOneAow
        : limits.passendOne
      : aow
        ? limits.passendMoreAow
        : limits.passendMore;
  if (income <= passend) return INCOME_LOW;
  return income <= (size <= 1 ? limits.daebOne : limits.daebMore) ? INCOME_MIDDLE : INCOME_HIGH;
}

/**
 * The highest rent band passend toewijzen allows a low-income household: up to the first
 * aftoppingsgrens for one or two persons, up to the second for three or more.
 */
export function rentCeilingBand(size: number): number {
  return size <= 2 ? BAND_AFTOPPING_LAAG : BAND_AFTOPPING_HOOG;
}

/** A household type's profile, compiled: age range, cumulative size shares, income distribution. */
export interface Profile {
  ageMin: number;
  ageMax: number;
  sizeCumulative: Float64Array;
  incomeMedian: number;
  incomeSpread: number;
}

export function compileProfile(p: {
  ageMin: number;
  ageMax: number;
  sizeShares: number[];
  incomeMedian: number;
  incomeSpread: number;
}): Profile {
  return {
    ageMin: p.ageMin,
    ageMax: p.ageMax,
    sizeCumulative: cumulativeOf(p.sizeShares),
    incomeMedian: p.incomeMedian,
    incomeSpread: p.incomeSpread,
  };
}

export const profileAge = (p: Profile, u: number): number =>
  p.ageMin + Math.floor(u * (p.ageMax - p.ageMin + 1));
export const profileSize = (p: Profile, u: number): number => 1 + pickCumulative(p.sizeCumulative, u);
/** Incomes are whole euros, so that a household's class never hinges on a rounding. */
export const profileIncome = (p: Profile, u1: number, u2: number): number =>
  Math.round(lognormal(u1, u2, p.incomeMedian, p.incomeSpread));
