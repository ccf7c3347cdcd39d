import { apportion } from "../kernel/apportion";
import { cellIndex, SOCIAL } from "../kernel/cells";
import { SEGMENTS } from "../kernel/domain";
import type { StockModel } from "./compile";

/**
 * One quarter of change to the existing stock: completions come in; demolition, splitting, the
 * corporations' sales and acquisitions move dwellings between cells. Every move takes from one cell what it gives to
 * another, and never more than the cell holds, so the stock is conserved and never negative by
 * construction; with `track` on, the flows are booked per cell so tests can check exactly that.
 */

export const BETAALBARE_KOOP = SEGMENTS.indexOf("betaalbare_koop");

/** What a quarter moved, for the run's yearly metrics. */
export const TALLY = { sales: 0, acquisitions: 1, demolished: 2, splitAdded: 3, salesWarmeJas: 4 } as const;
/** In the tally after the fixed entries: per corporation its sales, then its purchases. */
export const TALLY_PER_CORPORATION = 5;

/** Completions of one run per quarter and cell, with a flag per quarter that has any. */
export interface Completions {
  inflow: Float64Array;
  any: Uint8Array;
}

export interface StockWork {
  /** Record every quarter's flows per cell (for the allocation model and tests of conservation). */
  track: boolean;
  flowIn: Float64Array;
  flowOut: Float64Array;
  tally: Float64Array;
  weights: Float64Array;
  caps: Float64Array;
  share: Float64Array;
  /**
   * Fair-share carry-over per corporation and kern (`corporation * nKern + kern`), for sales and for
   * acquisitions; reset at the start of each run. `salesCredits[c]` views corporation c's part.
   */
  salesCredit: Float64Array;
  acquisitionCredit: Float64Array;
  salesCredits: Float64Array[];
  acquisitionCredits: Float64Array[];
  /**
   * This quarter's sales and acquisitions per corporation and kern (`corporation * nKern + kern`): the
   * allocation model follows them home by home.
   */
  soldByKern: Float64Array;
  acquiredByKern: Float64Array;
}

export function stockWork(model: StockModel): StockWork {
  const { nKern } = model;
  const nCorporations = model.owners.nCorporations;
  const salesCredit = new Float64Array(nCorporations * nKern);
  const acquisitionCredit = new Float64Array(nCorporations * nKern);
  const parts = (a: Float64Array) =>
    Array.from({ length: nCorporations }, (_, c) => a.subarray(c * nKern, (c + 1) * nKern));
  return {
    track: false,
    flowIn: new Float64Array(model.nCells),
    flowOut: new Float64Array(model.nCells),
    tally: new Float64Array(TALLY_PER_CORPORATION + 2 * nCorporations),
    weights: new Float64Array(nKern),
    caps: new Float64Array(nKern),
    share: new Float64Array(nKern),
    salesCredit,
    acquisitionCredit,
    salesCredits: parts(salesCredit),
    acquisitionCredits: parts(acquisitionCredit),
    soldByKern: new Float64Array(nCorporations * nKern),
    acquiredByKern: new Float64Array(nCorporations * nKern),
  };
}

/** Move up to `want` dwellings from one cell to another (or out of the stock when `to` is -1). */
function move(
  stock: Float64Array,
  w: StockWork,
  from: number,
  to: number,
  want: number,
  unitsPerHome = 1,
): number {
  const moved = Math.min(want, Math.max(stock[from], 0));
  stock[from] -= moved;
  if (to >= 0) stock[to] += moved * unitsPerHome;
  if (w.track) {
    w.flowOut[from] += moved;
    if (to >= 0) w.flowIn[to] += moved * unitsPerHome;
  }
  return moved;
}

/** Move `total` dwellings per kern in proportion to what each kern holds in the source cell. */
function moveAcrossKernen(
  model: StockModel,
  stock: Float64Array,
  w: StockWork,
  total: number,
  from: number[],
  to: number[],
  credit: Float64Array,
): number {
  for (let k = 0; k < model.nKern; k++) {
    const available = stock[from[k]];
    w.weights[k] = available;
    w.caps[k] = available;
  }
  const placed = apportion(total, w.weights, w.caps, w.share, credit);
  for (let k = 0; k < model.nKern; k++) if (w.share[k] > 0) move(stock, w, from[k], to[k], w.share[k]);
  return placed;
}

/** Precomputed source and target cells per kern for sales and acquisitions, per corporation. */
export interface TransferCells {
  corporationSocial: number[][];
  soldAs: number[];
  acquiredFrom: number[][];
}

export function transferCells(model: StockModel): TransferCells {
  const { nOwners, nCorporations, ownerOccupier } = model.owners;
  const kernen = Array.from({ length: model.nKern }, (_, k) => k);
  const corporations = Array.from({ length: nCorporations }, (_, c) => c);
  return {
    corporationSocial: corporations.map((c) => kernen.map((k) => cellIndex(k, SOCIAL, c, nOwners))),
    // A sold social home becomes an affordable owner-occupied home in the same kern.
    soldAs: kernen.map((k) => cellIndex(k, BETAALBARE_KOOP, ownerOccupier, nOwners)),
    acquiredFrom: corporations.map((c) =>
      kernen.map((k) => cellIndex(k, model.acquisitionFromSegment[c], ownerOccupier, nOwners)),
    ),
  };
}

export function stepStock(
  model: StockModel,
  cells: TransferCells,
  stock: Float64Array,
  quarter: number,
  completions: Completions,
  w: StockWork,
): void {
  const { nCells } = model;
  const track = w.track;
  if (track) {
    w.flowIn.fill(0);
    w.flowOut.fill(0);
  }
  const tally = w.tally;
  tally.fill(0);

  // Most quarters complete nothing; those that do are consumed and left zeroed for the next run.
  if (completions.any[quarter] === 1) {
    const inflow = completions.inflow;
    const offset = quarter * nCells;
    for (let c = 0; c < nCells; c++) {
      const units = inflow[offset + c];
      if (units === 0) continue;
      stock[c] += units;
      if (track) w.flowIn[c] += units;
      inflow[offset + c] = 0;
    }
    completions.any[quarter] = 0;
  }
  for (let e = 0; e < model.demolitionQuarter.length; e++) {
    if (model.demolitionQuarter[e] !== quarter) continue;
    tally[TALLY.demolished] += move(stock, w, model.demolitionCell[e], -1, model.demolitionDwellings[e]);
  }
  for (let e = 0; e < model.splittingQuarter.length; e++) {
    if (model.splittingQuarter[e] !== quarter) continue;
    const perHome = model.splittingUnitsPerHome[e];
    const from = model.splittingFromCell[e];
    const homes = move(stock, w, from, model.splittingToCell[e], model.splittingHomes[e], perHome);
    tally[TALLY.splitAdded] += homes * (perHome - 1);
  }
  // Loops, not fill and set: on arrays of a few kernen those builtins cost more than the copy itself.
  const { soldByKern, acquiredByKern, share } = w;
  const { nKern } = model;
  for (let i = 0; i < soldByKern.length; i++) soldByKern[i] = acquiredByKern[i] = 0;
  const nQuarters = model.cal.nQuarters;
  for (let c = 0; c < model.owners.nCorporations; c++) {
    const sales = model.salesByQuarter[c * nQuarters + quarter];
    if (sales > 0) {
      const sold = moveAcrossKernen(
        model,
        stock,
        w,
        sales,
        cells.corporationSocial[c],
        cells.soldAs,
        w.salesCredits[c],
      );
      tally[TALLY.sales] += sold;
      if (model.warmeJas[c] === 1) tally[TALLY.salesWarmeJas] += sold;
      tally[TALLY_PER_CORPORATION + 2 * c] = sold;
      for (let k = 0; k < nKern; k++) soldByKern[c * nKern + k] = share[k];
    }
    const purchases = model.acquisitionsByQuarter[c * nQuarters + quarter];
    if (purchases > 0) {
      const bought = moveAcrossKernen(
        model,
        stock,
        w,
        purchases,
        cells.acquiredFrom[c],
        cells.corporationSocial[c],
        w.acquisitionCredits[c],
      );
      tally[TALLY.acquisitions] += bought;
      tally[TALLY_PER_CORPORATION + 2 * c + 1] = bought;
      for (let k = 0; k < nKern; k++) acquiredByKern[c * nKern + k] = share[k];
    }
  }
}
