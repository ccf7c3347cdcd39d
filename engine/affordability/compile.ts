import type { AllocationModel } from "../allocation/model";
import { type Economy, growthIn, levelByYear } from "../kernel/economy";
import { figureValue } from "../kernel/figure";
import type { Calendar } from "../kernel/time";
import type { EnergyParams } from "./energy";
import { ENERGY_LABELS } from "./energy";
import type { HuurtoeslagParams } from "./huurtoeslag";
import { rentIncreaseByYear } from "./rentPolicy";
import type { Affordability } from "./schema";

/**
 * The affordability block compiled into numbers per simulated year: every path (rent limits, rent
 * increase, incomes, energy prices, the betaalrisico norm) turned into an index on the price level of
 * the scenario's `economy.priceYear`, so the hot loop multiplies and never looks anything up by name.
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
  /** 1 in a year in which a rent above the liberalisatiegrens ends the right to huurtoeslag. */
  maxRentCondition: Uint8Array;
  /** Gross → disposable income: bracket starts (euros a year, price level) and the share kept above each. */
  netFrom: Float64Array;
  netKeep: Float64Array;
  harmonise: boolean;
  twoRent: boolean;
  sittingRentShare: number;
  energy: EnergyParams;
  warmeJasLabel: number;
  warmeJasPerYear: number;
  /** Renovation to the national path: labels worse than `renovateAbove` go to `renovateTo` by the year index `renovateBy` (−1: none). */
  renovateAbove: number;
  renovateTo: number;
  renovateBy: number;
  norms: Float64Array;
  sampleEvery: number;
}

export function compileAffordability(
  a: Affordability,
  am: AllocationModel,
  cal: Calendar,
  economy: Economy,
): AffordabilityModel {
  const v = figureValue;
  const policy = a.rentPolicy;
  const wageGrowth = (year: number) => growthIn(economy.wageGrowth, year);
  const increase = rentIncreaseByYear(
    {
      mode: policy.mode,
      maximum: policy.maximum,
      maximumDefault: policy.maximumDefault === undefined ? undefined : v(policy.maximumDefault),
      wageGrowth,
      inflation: (year) => growthIn(economy.inflation, year),
      spread: v(policy.spread),
      margin: v(policy.margin),
      path: policy.path,
      freezeYears: policy.freezeYears,
    },
    cal.startYear,
    cal.nYears,
  );
  const h = a.huurtoeslag;
  const brackets = [...(a.disposableIncome?.brackets ?? [{ from: 0, keep: 1 }])].sort(
    (x, y) => x.from - y.from,
  );
  const renovation = a.energy.renovation;
  return {
    limits: am.rentLimitsByYear,
    increase,
    freeze: Uint8Array.from({ length: cal.nYears }, (_, y) =>
      policy.freezeYears.includes(cal.startYear + y) ? 1 : 0,
    ),
    incomeIndex: levelByYear(cal, economy.priceYear, wageGrowth),
    energyIndex: levelByYear(cal, economy.priceYear, () => v(a.energy.priceGrowth)),
    normIndex: levelByYear(cal, economy.priceYear, () => v(a.betaalrisico.indexation)),
    huurtoeslag: {
      minimumBasishuur: v(h.minimumBasishuur),
      incomeFloor: v(h.incomeFloor),
      slope: v(h.slope),
      shareToKwaliteitskorting: v(h.shareToKwaliteitskorting),
      shareToAftopping: v(h.shareToAftopping),
      shareAboveAftopping: v(h.shareAboveAftopping),
    },
    maxRentCondition: Uint8Array.from({ length: cal.nYears }, (_, y) =>
      h.maxRentConditionUntil === undefined || cal.startYear + y <= h.maxRentConditionUntil ? 1 : 0,
    ),
    netFrom: Float64Array.from(brackets, (b) => b.from),
    netKeep: Float64Array.from(brackets, (b) => b.keep),
    harmonise: policy.harmoniseOnReletting,
    twoRent: policy.twoRent,
    sittingRentShare: v(policy.sittingRentShare),
    energy: {
      monthlyByLabel: Float64Array.from(ENERGY_LABELS, (l) => v(a.energy.monthlyByLabel[l])),
      perExtraPerson: v(a.energy.perExtraPerson),
    },
    warmeJasLabel: ENERGY_LABELS.indexOf(a.energy.warmeJasLabel),
    warmeJasPerYear: v(a.energy.warmeJasPerYear),
    renovateAbove: renovation ? ENERGY_LABELS.indexOf(renovation.worstLabel) : ENERGY_LABELS.length,
    renovateTo: renovation ? ENERGY_LABELS.indexOf(renovation.toLabel) : 0,
    renovateBy: renovation ? renovation.byYear - cal.startYear : -1,
    norms: Float64Array.from(a.betaalrisico.normByHouseholdSize, v),
    sampleEvery: a.sampleEvery,
  };
}

/**
 * Disposable income from gross: of every euro above a bracket's start (up to the next one) the bracket's
 * share is kept. A single bracket `{ from: 0, keep: 1 }` keeps everything (no block in the scenario).
 */
export function disposableIncome(model: AffordabilityModel, gross: number): number {
  const { netFrom, netKeep } = model;
  let net = 0;
  for (let b = 0; b < netFrom.length; b++) {
    const top = b + 1 < netFrom.length ? netFrom[b + 1] : Number.POSITIVE_INFINITY;
    if (gross <= netFrom[b]) break;
    net += (Math.min(gross, top) - netFrom[b]) * netKeep[b];
  }
  return net;
}
