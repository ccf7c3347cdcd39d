import type { AllocationModel } from "../allocation/compile";
import { figureValue } from "../figure";
import type { Calendar } from "../time";
import type { EnergyParams } from "./energy";
import { ENERGY_LABELS } from "./energy";
import type { HuurtoeslagParams } from "./huurtoeslag";
import { rentIncreaseByYear } from "./rentPolicy";
import type { Affordability } from "./schema";

/**
 * The affordability block compiled into numbers per simulated year: every path (rent limits, rent
 * increase, incomes, energy prices, the betaalrisico norm) turned into an index on the price level of
 * `priceYear`, so the hot loop multiplies and never looks anything up by name.
 */
export interface AffordabilityModel {
  /** Rent limits per year, `[year * 4 + limit]`: kwaliteitskorting, aftopping laag, aftopping hoog, liberalisatie. */
  limits: Float64Array;
  /** Rent increase for sitting tenants per year (0 in a freeze year). */
  increase: Float64Array;
  freeze: Uint8Array;
  /** Income, energy-price and norm level per year relative to the price year. */
  incomeIndex: Float64Array;
  energyIndex: Float64Array;
  normIndex: Float64Array;
  huurtoeslag: HuurtoeslagParams;
  harmonise: boolean;
  twoRent: boolean;
  sittingRentShare: number;
  energy: EnergyParams;
  warmeJasLabel: number;
  warmeJasPerYear: number;
  norms: Float64Array;
  sampleEvery: number;
}

function indexPath(
  cal: Calendar,
  priceYear: number,
  byYear: Record<string, number>,
  fallback: number,
): Float64Array {
  const out = new Float64Array(cal.nYears);
  let level = 1;
  for (let year = priceYear + 1; year <= cal.endYear; year++) {
    level *= 1 + (byYear[String(year)] ?? fallback);
    if (year >= cal.startYear) out[year - cal.startYear] = level;
  }
  for (let y = 0; y < cal.nYears && cal.startYear + y <= priceYear; y++) out[y] = 1;
  return out;
}

export function compileAffordability(
  a: Affordability,
  am: AllocationModel,
  cal: Calendar,
): AffordabilityModel {
  const v = figureValue;
  // Limits: the allocation block's (at the price year), replaced by published ones, indexed in between.
  const limits = new Float64Array(cal.nYears * 4);
  let current = Array.from(am.rentLimits);
  const indexation = v(a.rentLimits.indexation);
  for (let year = a.priceYear + 1; year <= cal.endYear; year++) {
    const known = a.rentLimits.byYear[String(year)];
    current = known
      ? [
          known.kwaliteitskortingsgrens,
          known.aftoppingsgrensLaag,
          known.aftoppingsgrensHoog,
          known.liberalisatiegrens,
        ]
      : current.map((x) => x * (1 + indexation));
    if (year >= cal.startYear) limits.set(current, (year - cal.startYear) * 4);
  }
  const policy = a.rentPolicy;
  const increase = rentIncreaseByYear(
    {
      mode: policy.mode,
      maximum: policy.maximum,
      maximumDefault: v(policy.maximumDefault),
      inflation: policy.inflation,
      inflationDefault: v(policy.inflationDefault),
      margin: v(policy.margin),
      path: policy.path,
      freezeYears: policy.freezeYears,
    },
    cal.startYear,
    cal.nYears,
  );
  const h = a.huurtoeslag;
  return {
    limits,
    increase,
    freeze: Uint8Array.from({ length: cal.nYears }, (_, y) =>
      policy.freezeYears.includes(cal.startYear + y) ? 1 : 0,
    ),
    incomeIndex: indexPath(cal, a.priceYear, a.incomes.growth, v(a.incomes.growthDefault)),
    energyIndex: indexPath(cal, a.priceYear, {}, v(a.energy.priceGrowth)),
    normIndex: indexPath(cal, a.priceYear, {}, v(a.betaalrisico.indexation)),
    huurtoeslag: {
      minimumBasishuur: v(h.minimumBasishuur),
      incomeFloor: v(h.incomeFloor),
      slope: v(h.slope),
      shareToKwaliteitskorting: v(h.shareToKwaliteitskorting),
      shareToAftopping: v(h.shareToAftopping),
      shareAboveAftopping: v(h.shareAboveAftopping),
    },
    harmonise: policy.harmoniseOnReletting,
    twoRent: policy.twoRent,
    sittingRentShare: v(policy.sittingRentShare),
    energy: {
      monthlyByLabel: Float64Array.from(ENERGY_LABELS, (l) => v(a.energy.monthlyByLabel[l])),
      perExtraPerson: v(a.energy.perExtraPerson),
    },
    warmeJasLabel: ENERGY_LABELS.indexOf(a.energy.warmeJasLabel),
    warmeJasPerYear: v(a.energy.warmeJasPerYear),
    norms: Float64Array.from(a.betaalrisico.normByHouseholdSize, v),
    sampleEvery: a.sampleEvery,
  };
}
