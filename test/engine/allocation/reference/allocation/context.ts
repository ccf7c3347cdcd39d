import type { AllocationLayout } from "../../../../../engine/allocation/metrics";
import type { AllocationModel } from "../../../../../engine/allocation/model";
import { nameKey } from "../../../../../engine/kernel/random";
import { initialQueue, type ReferenceInitialQueue } from "./queues";
import { type AllocationState, allocationState } from "./state";

/**
 * Everything the allocation step reads and writes, in one object made once per model and reused by
 * every run: the compiled model, the state arrays, the metric rows, and where the run is (run key,
 * quarter, year). Functions take it as their first argument, so a run creates no closures.
 */

/** Watches each allocation and the end of each quarter; for tests of the rules, not for production runs. */
export interface AllocationObserver {
  allocated?(quarter: number, household: number, dwelling: number, group: number, exception: boolean): void;
  quarterEnd?(quarter: number): void;
}

export interface AllocationContext {
  am: AllocationModel;
  /** The reference builds its own starting queues, so it never depends on the engine's representation. */
  initial: ReferenceInitialQueue;
  st: AllocationState;
  lay: AllocationLayout;
  nYears: number;
  nQuarters: number;
  record: Float64Array;
  run: number;
  quarter: number;
  /** Year index of the quarter (0 = start year). */
  year: number;
  /** The group the last `chooseHousehold` picked from, and whether a passend exception was needed. */
  chosenGroup: number;
  chosenException: boolean;
  observer: AllocationObserver | undefined;
  /** Told of every letting (household, home); the affordability model sets the rent there. */
  letting: ((household: number, dwelling: number) => void) | undefined;
}

export function allocationContext(
  am: AllocationModel,
  lay: AllocationLayout,
  nYears: number,
  nQuarters: number,
): AllocationContext {
  return {
    am,
    initial: initialQueue(am, nQuarters),
    st: allocationState(am, nQuarters),
    lay,
    nYears,
    nQuarters,
    record: new Float64Array(0),
    run: 0,
    quarter: 0,
    year: 0,
    chosenGroup: -1,
    chosenException: false,
    observer: undefined,
    letting: undefined,
  };
}

/** Age of a household's head in the calendar year of `quarter`. */
export function ageAt(ctx: AllocationContext, h: number, quarter: number): number {
  return ctx.am.yearOfQuarter[quarter] - ctx.st.hhBorn[h];
}

/** Add to a metric in the current year. */
export function tally(ctx: AllocationContext, metric: number, amount: number): void {
  ctx.record[metric * ctx.nYears + ctx.year] += amount;
}

/** Purpose keys of the run's draws: each purpose its own stream, so adding one never shifts another. */
export const DRAW = {
  moveOut: nameKey("toewijzing:verhuizing"),
  leaveQueue: nameKey("toewijzing:uitschrijving"),
  arrival: nameKey("toewijzing:aankomst"),
  doorstroom: nameKey("toewijzing:doorstroming"),
  newHome: nameKey("toewijzing:nieuwe-woning"),
  buyer: nameKey("toewijzing:koper"),
} as const;
