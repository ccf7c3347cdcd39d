/**
 * The allocation and affordability microsimulation as it stood at engine 0.5.0, frozen here as the
 * reference the fast model is compared with (see ../equivalence.slow.test.ts). Not used by the engine;
 * do not change it, except to follow a change of the compiled model it reads.
 */

import type { Model } from "../../../../engine/compile";
import { allocateHistograms, type Histograms } from "../../../../engine/kernel/distributions";
import { endsYear, isJulyQuarter, yearOfQuarter } from "../../../../engine/kernel/time";
import type { MetricLayout } from "../../../../engine/metrics";
import { type PipelineWork, pipelineWork, samplePipeline } from "../../../../engine/stock/pipeline";
import {
  placeCompletions,
  recordQuarter,
  recordRunTotals,
  recordStock,
  sumCells,
} from "../../../../engine/stock/record";
import {
  type Completions,
  type StockWork,
  stepStock,
  stockWork,
  type TransferCells,
  transferCells,
} from "../../../../engine/stock/step";
import { measureAffordability } from "./affordability/measure";
import {
  type AffordabilityContext,
  affordabilityContext,
  insulate,
  raiseRents,
  rentAtLetting,
  startRents,
} from "./affordability/rents";
import { type AllocationContext, type AllocationObserver, allocationContext } from "./allocation/context";
import { recordAllocationYear } from "./allocation/record";
import { startAllocationRun, stepAllocation } from "./allocation/step";

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
  /** The rents on its homes, when the scenario models affordability. */
  affordability?: AffordabilityContext;
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
  const { cal, nCells } = model;
  const nY = cal.nYears;
  record.fill(0);
  samplePipeline(model, run, work.pipeline);
  const allocation = allocationWork(model, layout, work);
  const aff = allocation ? work.affordability : undefined;
  if (allocation) {
    startAllocationRun(allocation, run, record, observeAllocation);
    if (aff) startRents(allocation, aff);
  }

  const dropped = placeCompletions(model, layout, work.pipeline.completion, work.completions, record);
  const stock = work.state;
  stock.set(model.initialStock);
  work.stock.salesCredit.fill(0);
  work.stock.acquisitionCredit.fill(0);
  const before = observe ? new Float64Array(nCells) : undefined;
  // The allocation model follows the stock's social flows home by home; tests check conservation on them.
  work.stock.track = observe !== undefined || allocation !== undefined;
  const stockTotal0 = sumCells(model.initialStock);
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
      if (aff && isJulyQuarter(cal, q)) {
        raiseRents(allocation, aff);
        insulate(allocation, aff);
      }
    }
    recordQuarter(model, layout, work.stock.tally, record, y);
    if (endsYear(cal, q) || q === cal.nQuarters - 1) {
      recordStock(model, layout, stock, record, y, stockTotal0, (q + 1) * 3);
      if (allocation && aff) measureAffordability(allocation, aff, work.histograms);
      if (allocation) recordAllocationYear(allocation);
    }
  }

  recordRunTotals(model, layout, work.pipeline.completion, dropped, record);
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
    work.affordability = undefined;
    if (model.affordability && layout.affordability) {
      const allocation = work.allocation;
      const aff = affordabilityContext(
        model.affordability,
        layout.affordability,
        model.allocation.capDwellings,
      );
      work.affordability = aff;
      // A home let anew gets its rent from the affordability model: the allocation only says when.
      allocation.letting = (h, d) => rentAtLetting(allocation, aff, h, d);
    }
  }
  return work.allocation;
}
