import { figure, figureValue, provenance } from "./figure";
import type { Calendar } from "./time";
import { z } from "./zod";

/**
 * The named indices that carry euro amounts from one year to the next: wage growth (cao-lonen: incomes,
 * the income limits of the allocation rules and, by the national performance agreements, the maximum
 * rent increase) and inflation (prices: the rent limits). Euro amounts in a scenario are at the price
 * level of `priceYear` unless a table says which year a figure belongs to.
 */

const rate = z.number().min(-0.5).max(0.5);
export const yearKey = z.string().regex(/^\d{4}$/, { error: "verwacht een jaartal" });

/** A yearly growth rate: known or expected years, and the rate for every other year. */
export const growthPath = z
  .object({ byYear: z.record(yearKey, rate).default({}), default: figure(rate), ...provenance })
  .strict();
export type GrowthPath = z.output<typeof growthPath>;

export const economySchema = z
  .object({
    /** The year whose price level the scenario's euro amounts are in (incomes, energy, norms). */
    priceYear: z.number().int().min(1900).max(2100),
    wageGrowth: growthPath,
    inflation: growthPath,
    ...provenance,
  })
  .strict();
export type Economy = z.output<typeof economySchema>;

/** The growth rate of `year` on its path. */
export function growthIn(path: GrowthPath, year: number): number {
  return path.byYear[String(year)] ?? figureValue(path.default);
}

/**
 * The level of a path in each simulated year relative to `baseYear` (1 in the base year and before it):
 * the product of the growth of every year after the base year up to that year.
 */
export function levelByYear(cal: Calendar, baseYear: number, growth: (year: number) => number): Float64Array {
  const out = new Float64Array(cal.nYears);
  let level = 1;
  for (let year = baseYear + 1; year <= cal.endYear; year++) {
    level *= 1 + growth(year);
    if (year >= cal.startYear) out[year - cal.startYear] = level;
  }
  for (let y = 0; y < cal.nYears && cal.startYear + y <= baseYear; y++) out[y] = 1;
  return out;
}

/**
 * Values published per year (rent limits, income limits) for each simulated year, flat:
 * `[year * keys.length + k]`. A year in the table takes its own values; a later year the last known ones
 * carried forward by `growth` (applied once per year); a year before the first known one the first known.
 */
export function tableByYear<K extends string>(
  byYear: Record<string, Record<K, number>>,
  keys: readonly K[],
  cal: Calendar,
  growth: (year: number) => number,
): Float64Array {
  const out = new Float64Array(cal.nYears * keys.length);
  const first = firstListed(byYear);
  if (first === undefined) return out;
  const valuesOf = (year: number) => keys.map((k) => byYear[String(year)][k]);
  let current = valuesOf(first);
  for (let year = Math.min(first, cal.startYear); year <= cal.endYear; year++) {
    if (byYear[String(year)]) current = valuesOf(year);
    else if (year > first) current = current.map((x) => x * (1 + growth(year)));
    if (year >= cal.startYear) out.set(current, (year - cal.startYear) * keys.length);
  }
  return out;
}

/**
 * The same table at the price level of the scenario, by an index `level` (1 in the price year): a listed
 * year's values deflated by its level; an unlisted year keeps the last listed year's real values exactly,
 * since the limit moves with the index. For comparing incomes, which a scenario gives at its price level,
 * with the limits of any year: the comparison then needs no rounding that could tip a household over.
 */
export function realTableByYear<K extends string>(
  byYear: Record<string, Record<K, number>>,
  keys: readonly K[],
  cal: Calendar,
  level: (year: number) => number,
): Float64Array {
  const out = new Float64Array(cal.nYears * keys.length);
  const first = firstListed(byYear);
  if (first === undefined) return out;
  const realOf = (year: number) => keys.map((k) => byYear[String(year)][k] / level(year));
  let current = realOf(first);
  for (let year = Math.min(first, cal.startYear); year <= cal.endYear; year++) {
    if (byYear[String(year)]) current = realOf(year);
    if (year >= cal.startYear) out.set(current, (year - cal.startYear) * keys.length);
  }
  return out;
}

function firstListed(byYear: Record<string, unknown>): number | undefined {
  const years = Object.keys(byYear).map(Number);
  return years.length === 0 ? undefined : Math.min(...years);
}
