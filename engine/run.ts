import { measureAffordability } from "./affordability/measure";
import { affordabilityContext, insulate, raiseRents, startRents } from "./affordability/rents";
import { type AllocationContext, type AllocationObserver, allocationContext } from "./allocation/context";
import { recordAllocationYear } from "./allocation/record";
import { startAllocationRun, stepAllocation } from "./allocation/step";
import { cellIndex, DOMIJN, N_SEGMENTS, SOCIAL, unitOwner } from "./cells";
import type { Model } from "./compile";
import { allocateHistograms, type Histograms } from "./distributions";
import type { MetricLayout } from "./metrics";
import { DROPPED, type PipelineWork, pipelineWork, samplePipeline } from "./pipeline";
import {
  type Completions,
  type StockWork,
  stepStock,
  stockWork,
  TALLY,
  type TransferCells,
  transferCells,
} from "./stock";
import { endsYear, isJulyQuarter, yearOfMonth, yearOfQuarter } from "./time";

/**
 * One run: sample the pipeline, then step the stock quarter by quarter and record each year's metrics
 * into `record` (row per metric, `record[metric * nYears + year]`). Buffers come from `runWork` and are
 * reused across runs; nothing is allocated here.
 */

export interface RunWork {
  /** Where distribution metrics add their samples; shared by the runs of one Monte Carlo call. */
  histograms: Histograms;
  pipeline: PipelineWork;
  stock: StockWork;
  cells: TransferCells;
  completions: Completions;
  state: Float64Array;
  /** The allocation microsimulation's state, made on the first run that needs it. */
  allocation?: AllocationContext;
}

export function runWork(
  model: Model,
  layout: MetricLayout,
  histograms: Histograms = allocateHistograms(layout.distributions, model.cal.nYears),
): RunWork {
  return {
    histograms,
    pipeline: pipelineWork(model),
    stock: stockWork(model),
    cells: transferCells(model),
    completions: {
      inflow: new Float64Array(model.cal.nQuarters * model.nCells),
      any: new Uint8Array(model.cal.nQuarters),
    },
    state: new Float64Array(model.nCells),
  };
}

/** Watches every quarter; for tests of conservation, not for production runs. */
export type QuarterObserver = (
  quarter: number,
  before: Float64Array,
  flowIn: Float64Array,
  flowOut: Float64Array,
  after: Float64Array,
) => void;

export function runOnce(
  model: Model,
  layout: MetricLayout,
  run: number,
  work: RunWork,
  record: Float64Array,
  observe?: QuarterObserver,
  observeAllocation?: AllocationObserver,
): void {
  const { cal, nCells, nProjects } = model;
  const nY = cal.nYears;
  record.fill(0);
  samplePipeline(model, run, work.pipeline);
  const allocation = allocationWork(model, layout, work);
  if (allocation) {
    startAllocationRun(allocation, run, record, observeAllocation);
    if (allocation.aff) startRents(allocation, allocation.aff);
  }

  const { completion } = work.pipeline;
  const { inflow, any } = work.completions;
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
    let total = 0;
    for (let s = 0; s < N_SEGMENTS; s++) {
      const units = model.projectUnits[p * N_SEGMENTS + s];
      inflow[q * nCells + cellIndex(kern, s, unitOwner(owner, s))] += units;
      record[layout.completionsBySegment[s] * nY + y] += units;
      total += units;
    }
    record[layout.completionsTotal * nY + y] += total;
    record[layout.kernCompletionsTotal[kern] * nY + y] += total;
    // The replacement of a dropped key project is a new plan, not the key project itself.
    if (i < nProjects && model.projectSleutel[p] === 1) record[layout.completionsSleutel * nY + y] += total;
    if (unitOwner(owner, SOCIAL) === DOMIJN) {
      record[layout.completionsDomijnSocial * nY + y] += model.projectUnits[p * N_SEGMENTS + SOCIAL];
    }
  }

  const stock = work.state;
  stock.set(model.initialStock);
  work.stock.salesCredit.fill(0);
  work.stock.acquisitionCredit.fill(0);
  const before = observe ? new Float64Array(nCells) : undefined;
  // The allocation model follows the stock's social flows home by home; tests check conservation on them.
  work.stock.track = observe !== undefined || allocation !== undefined;
  const stockTotal0 = sum(model.initialStock);
  const tally = work.stock.tally;
  for (let q = 0; q < cal.nQuarters; q++) {
    if (before) before.set(stock);
    stepStock(model, work.cells, stock, q, work.completions, work.stock);
    if (observe && before) observe(q, before, work.stock.flowIn, work.stock.flowOut, stock);
    const y = yearOfQuarter(cal, q);
    if (allocation) {
      // Arrivals and the taakstelling follow the population at the end of the previous year.
      const inhabitants = y > 0 ? record[layout.inhabitants * nY + y - 1] : model.inhabitants;
      stepAllocation(allocation, q, y, inhabitants / model.inhabitants, inhabitants, work.stock);
      // Rents go up in July; the warme jas goes on over the year, counted in the same quarter.
      if (allocation.aff && isJulyQuarter(cal, q)) {
        raiseRents(allocation, allocation.aff);
        insulate(allocation, allocation.aff);
      }
    }
    record[layout.sales * nY + y] += tally[TALLY.sales];
    if (model.warmeJas) record[layout.salesWarmeJas * nY + y] += tally[TALLY.sales];
    record[layout.acquisitions * nY + y] += tally[TALLY.acquisitions];
    record[layout.demolitions * nY + y] += tally[TALLY.demolished];
    record[layout.splittingAdded * nY + y] += tally[TALLY.splitAdded];
    if (endsYear(cal, q) || q === cal.nQuarters - 1) {
      recordStock(model, layout, stock, record, y, stockTotal0, (q + 1) * 3);
      if (allocation?.aff) measureAffordability(allocation, allocation.aff, work.histograms);
      if (allocation) recordAllocationYear(allocation);
    }
  }

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
  recordLatePlans(model, layout, work.pipeline.completion, record);
}

/**
 * Per year: of the homes in plans planned to complete by the end of that year, the share not completed
 * by then, dropped or late. The national 130% rule for plan capacity rests on this share: about 30%.
 */
function recordLatePlans(
  model: Model,
  layout: MetricLayout,
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
      let units = 0;
      for (let s = 0; s < N_SEGMENTS; s++) units += model.projectUnits[p * N_SEGMENTS + s];
      planned += units;
      if (completion[p] === DROPPED || completion[p] >= endOfYear) late += units;
    }
    record[layout.plansNotInTime * nY + y] = planned > 0 ? late / planned : 0;
  }
}

/** The run's allocation state when the scenario has one; made once per work buffer and layout. */
function allocationWork(model: Model, layout: MetricLayout, work: RunWork): AllocationContext | undefined {
  if (!model.allocation || !layout.allocation) return undefined;
  if (work.allocation?.lay !== layout.allocation) {
    work.allocation = allocationContext(
      model.allocation,
      layout.allocation,
      model.cal.nYears,
      model.cal.nQuarters,
    );
    if (model.affordability && layout.affordability) {
      work.allocation.aff = affordabilityContext(
        model.affordability,
        layout.affordability,
        model.allocation.capDwellings,
      );
    }
  }
  return work.allocation;
}

function sum(cells: Float64Array): number {
  let total = 0;
  for (let c = 0; c < cells.length; c++) total += cells[c];
  return total;
}

function recordStock(
  model: Model,
  layout: MetricLayout,
  stock: Float64Array,
  record: Float64Array,
  y: number,
  stockTotal0: number,
  monthsElapsed: number,
): void {
  const nY = model.cal.nYears;
  let total = 0;
  let socialTotal = 0;
  for (let k = 0; k < model.nKern; k++) {
    let kernTotal = 0;
    for (let s = 0; s < N_SEGMENTS; s++) {
      const base = cellIndex(k, s, 0);
      const segment = stock[base] + stock[base + 1] + stock[base + 2];
      record[layout.kernStockBySegment[k][s] * nY + y] = segment;
      record[layout.stockBySegment[s] * nY + y] += segment;
      kernTotal += segment;
    }
    const kernSocial = record[layout.kernStockBySegment[k][SOCIAL] * nY + y];
    record[layout.kernStockTotal[k] * nY + y] = kernTotal;
    record[layout.kernShareSocial[k] * nY + y] = kernTotal > 0 ? kernSocial / kernTotal : 0;
    record[layout.stockDomijnSocial * nY + y] += stock[cellIndex(k, SOCIAL, DOMIJN)];
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
