import { cellIndex, N_SEGMENTS, SOCIAL, unitOwner } from "../kernel/cells";
import { yearOfMonth } from "../kernel/time";
import type { StockModel } from "./compile";
import type { StockLayout } from "./metrics";
import { DROPPED } from "./pipeline";
import { type Completions, TALLY, TALLY_PER_CORPORATION } from "./step";

/**
 * What the stock and pipeline model records in a run's record (`record[metric * nYears + year]`): the
 * completions of the sampled pipeline, each quarter's moves, the stock at each year's end, and the
 * figures summed over the run (shares of new building, the opgave realised, plans not in time).
 */

/**
 * Put the sampled completions into the quarters they land in (for the stock to take in) and count them
 * per year. Returns the number of projects that dropped out.
 */
export function placeCompletions(
  model: StockModel,
  layout: StockLayout,
  completion: Int32Array,
  completions: Completions,
  record: Float64Array,
): number {
  const { cal, nCells, nProjects, owners } = model;
  const nY = cal.nYears;
  const { inflow, any } = completions;
  const horizon = cal.nQuarters * 3;
  let dropped = 0;
  for (let i = 0; i < completion.length; i++) {
    const month = completion[i];
    if (month === DROPPED) {
      if (i < nProjects) dropped++;
      continue;
    }
    if (month >= horizon) continue;
    const p = i < nProjects ? i : i - nProjects;
    const q = Math.floor(month / 3);
    any[q] = 1;
    const y = yearOfMonth(cal, month);
    const kern = model.projectKern[p];
    const owner = model.projectOwner[p];
    const buyer = model.projectBuyer[p];
    let total = 0;
    for (let s = 0; s < N_SEGMENTS; s++) {
      const units = model.projectUnits[p * N_SEGMENTS + s];
      inflow[q * nCells + cellIndex(kern, s, unitOwner(owners, owner, s, buyer), owners.nOwners)] += units;
      record[layout.completionsBySegment[s] * nY + y] += units;
      total += units;
    }
    record[layout.completionsTotal * nY + y] += total;
    record[layout.kernCompletionsTotal[kern] * nY + y] += total;
    // The replacement of a dropped key project is a new plan, not the key project itself.
    if (i < nProjects && model.projectSleutel[p] === 1) record[layout.completionsSleutel * nY + y] += total;
    const socialOwner = unitOwner(owners, owner, SOCIAL, buyer);
    if (socialOwner < owners.nCorporations) {
      const metric = layout.completionsSocialByCorporation[socialOwner];
      record[metric * nY + y] += model.projectUnits[p * N_SEGMENTS + SOCIAL];
    }
  }
  return dropped;
}

/** Add a quarter's moves (from the step's tally) to its year. */
export function recordQuarter(
  model: StockModel,
  layout: StockLayout,
  tally: Float64Array,
  record: Float64Array,
  y: number,
): void {
  const nY = model.cal.nYears;
  record[layout.sales * nY + y] += tally[TALLY.sales];
  record[layout.salesWarmeJas * nY + y] += tally[TALLY.salesWarmeJas];
  record[layout.acquisitions * nY + y] += tally[TALLY.acquisitions];
  // Per corporation only with more than one (see ./metrics); the lists are empty otherwise.
  for (let c = 0; c < layout.salesByCorporation.length; c++) {
    record[layout.salesByCorporation[c] * nY + y] += tally[TALLY_PER_CORPORATION + 2 * c];
    record[layout.acquisitionsByCorporation[c] * nY + y] += tally[TALLY_PER_CORPORATION + 2 * c + 1];
  }
  record[layout.demolitions * nY + y] += tally[TALLY.demolished];
  record[layout.splittingAdded * nY + y] += tally[TALLY.splitAdded];
}

/** After the last quarter: the figures summed since the start, and the plans not in time. */
export function recordRunTotals(
  model: StockModel,
  layout: StockLayout,
  completion: Int32Array,
  dropped: number,
  record: Float64Array,
): void {
  const nY = model.cal.nYears;
  let completed = 0;
  let social = 0;
  let affordable = 0;
  let extra = 0;
  for (let y = 0; y < nY; y++) {
    completed += record[layout.completionsTotal * nY + y];
    social += record[layout.completionsBySegment[SOCIAL] * nY + y];
    affordable +=
      record[layout.completionsBySegment[1] * nY + y] + record[layout.completionsBySegment[2] * nY + y];
    extra += record[layout.splittingAdded * nY + y];
    record[layout.newbuildShareSocial * nY + y] = completed > 0 ? social / completed : 0;
    record[layout.newbuildShareAffordable * nY + y] = completed > 0 ? (social + affordable) / completed : 0;
    record[layout.opgaveRealised * nY + y] = model.realisedBeforeStart + completed + extra;
    record[layout.projectsDropped * nY + y] = dropped;
  }
  recordLatePlans(model, layout, completion, record);
}

/**
 * Per year: of the homes in plans planned to complete by the end of that year, the share not completed
 * by then, dropped or late. The national 130% rule for plan capacity rests on this share: about 30%.
 */
function recordLatePlans(
  model: StockModel,
  layout: StockLayout,
  completion: Int32Array,
  record: Float64Array,
): void {
  const { cal, nProjects } = model;
  const nY = cal.nYears;
  for (let y = 0; y < nY; y++) {
    const endOfYear = (cal.startYear + y + 1) * 12 - cal.startAbsMonth;
    let planned = 0;
    let late = 0;
    for (let p = 0; p < nProjects; p++) {
      if (model.projectPlanned[p] >= endOfYear) continue;
      const units = model.projectTotalUnits[p];
      planned += units;
      if (completion[p] === DROPPED || completion[p] >= endOfYear) late += units;
    }
    record[layout.plansNotInTime * nY + y] = planned > 0 ? late / planned : 0;
  }
}

/** The stock at the end of a year: per segment and kern, shares, and the inhabitants it houses. */
export function recordStock(
  model: StockModel,
  layout: StockLayout,
  stock: Float64Array,
  record: Float64Array,
  y: number,
  stockTotal0: number,
  monthsElapsed: number,
): void {
  const nY = model.cal.nYears;
  const { nOwners, nCorporations } = model.owners;
  let total = 0;
  let socialTotal = 0;
  for (let k = 0; k < model.nKern; k++) {
    let kernTotal = 0;
    for (let s = 0; s < N_SEGMENTS; s++) {
      const base = cellIndex(k, s, 0, nOwners);
      let segment = stock[base];
      for (let o = 1; o < nOwners; o++) segment += stock[base + o];
      record[layout.kernStockBySegment[k][s] * nY + y] = segment;
      record[layout.stockBySegment[s] * nY + y] += segment;
      kernTotal += segment;
    }
    const kernSocial = record[layout.kernStockBySegment[k][SOCIAL] * nY + y];
    record[layout.kernStockTotal[k] * nY + y] = kernTotal;
    record[layout.kernShareSocial[k] * nY + y] = kernTotal > 0 ? kernSocial / kernTotal : 0;
    for (let c = 0; c < nCorporations; c++)
      record[layout.stockSocialByCorporation[c] * nY + y] += stock[cellIndex(k, SOCIAL, c, nOwners)];
    total += kernTotal;
    socialTotal += kernSocial;
  }
  record[layout.stockTotal * nY + y] = total;
  record[layout.shareSocial * nY + y] = total > 0 ? socialTotal / total : 0;
  // Inhabitants follow the stock, thinned by the trend in persons per dwelling (smaller households).
  const persons = (1 + model.personsPerDwellingChange) ** (monthsElapsed / 12);
  record[layout.inhabitants * nY + y] =
    stockTotal0 > 0 ? (model.inhabitants * total * persons) / stockTotal0 : 0;
}

/** All homes in the stock cells. */
export function sumCells(cells: Float64Array): number {
  let total = 0;
  for (let c = 0; c < cells.length; c++) total += cells[c];
  return total;
}
