import { apportion } from "./apportion";
import { cellIndex, DOMIJN, type Model, OWNER_OCCUPIER, SOCIAL } from "./compile";
import { SEGMENTS } from "./domain";

/**
 * One quarter of change to the existing stock: completions come in; demolition, splitting, Domijn's
 * sales and acquisitions move dwellings between cells. Every move is booked as an outflow of one cell
 * and an inflow of another, and no outflow exceeds what the cell holds, so the stock is conserved and
 * never negative by construction.
 */

export const BETAALBARE_KOOP = SEGMENTS.indexOf("betaalbare_koop");

/** What a quarter moved, for the run's yearly metrics. */
export const TALLY = { sales: 0, acquisitions: 1, demolished: 2, splitAdded: 3 } as const;

export interface StockWork {
  flowIn: Float64Array;
  flowOut: Float64Array;
  tally: Float64Array;
  weights: Float64Array;
  caps: Float64Array;
  share: Float64Array;
  /** This quarter's sales and acquisitions per kern (the allocation model follows them home by home). */
  soldByKern: Float64Array;
  acquiredByKern: Float64Array;
}

export function stockWork(model: Model): StockWork {
  return {
    flowIn: new Float64Array(model.nCells),
    flowOut: new Float64Array(model.nCells),
    tally: new Float64Array(4),
    weights: new Float64Array(model.nKern),
    caps: new Float64Array(model.nKern),
    share: new Float64Array(model.nKern),
    soldByKern: new Float64Array(model.nKern),
    acquiredByKern: new Float64Array(model.nKern),
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
  const available = stock[from] + w.flowIn[from] - w.flowOut[from];
  const moved = Math.min(want, Math.max(available, 0));
  w.flowOut[from] += moved;
  if (to >= 0) w.flowIn[to] += moved * unitsPerHome;
  return moved;
}

/** Move `total` dwellings per kern in proportion to what each kern holds in the source cell. */
function moveAcrossKernen(
  model: Model,
  stock: Float64Array,
  w: StockWork,
  total: number,
  from: number[],
  to: number[],
): number {
  for (let k = 0; k < model.nKern; k++) {
    const available = stock[from[k]] + w.flowIn[from[k]] - w.flowOut[from[k]];
    w.weights[k] = available;
    w.caps[k] = available;
  }
  const placed = apportion(total, w.weights, w.caps, w.share);
  for (let k = 0; k < model.nKern; k++) if (w.share[k] > 0) move(stock, w, from[k], to[k], w.share[k]);
  return placed;
}

/** Precomputed source and target cells per kern for sales and acquisitions. */
export interface TransferCells {
  domijnSocial: number[];
  soldAs: number[];
  acquiredFrom: number[];
}

export function transferCells(model: Model): TransferCells {
  const kernen = Array.from({ length: model.nKern }, (_, k) => k);
  return {
    domijnSocial: kernen.map((k) => cellIndex(k, SOCIAL, DOMIJN)),
    // A sold social home becomes an affordable owner-occupied home in the same kern.
    soldAs: kernen.map((k) => cellIndex(k, BETAALBARE_KOOP, OWNER_OCCUPIER)),
    acquiredFrom: kernen.map((k) => cellIndex(k, model.acquisitionFromSegment, OWNER_OCCUPIER)),
  };
}

export function stepStock(
  model: Model,
  cells: TransferCells,
  stock: Float64Array,
  quarter: number,
  inflow: Float64Array,
  w: StockWork,
): void {
  const { nCells } = model;
  w.flowIn.set(inflow.subarray(quarter * nCells, (quarter + 1) * nCells));
  w.flowOut.fill(0);
  w.tally.fill(0);

  for (let e = 0; e < model.demolitionQuarter.length; e++) {
    if (model.demolitionQuarter[e] !== quarter) continue;
    w.tally[TALLY.demolished] += move(stock, w, model.demolitionCell[e], -1, model.demolitionDwellings[e]);
  }
  for (let e = 0; e < model.splittingQuarter.length; e++) {
    if (model.splittingQuarter[e] !== quarter) continue;
    const perHome = model.splittingUnitsPerHome[e];
    const homes = move(
      stock,
      w,
      model.splittingFromCell[e],
      model.splittingToCell[e],
      model.splittingHomes[e],
      perHome,
    );
    w.tally[TALLY.splitAdded] += homes * (perHome - 1);
  }
  w.soldByKern.fill(0);
  w.acquiredByKern.fill(0);
  const sales = model.salesByQuarter[quarter];
  if (sales > 0) {
    w.tally[TALLY.sales] = moveAcrossKernen(model, stock, w, sales, cells.domijnSocial, cells.soldAs);
    w.soldByKern.set(w.share);
  }
  const purchases = model.acquisitionsByQuarter[quarter];
  if (purchases > 0) {
    w.tally[TALLY.acquisitions] = moveAcrossKernen(
      model,
      stock,
      w,
      purchases,
      cells.acquiredFrom,
      cells.domijnSocial,
    );
    w.acquiredByKern.set(w.share);
  }
  for (let c = 0; c < nCells; c++) stock[c] += w.flowIn[c] - w.flowOut[c];
}
