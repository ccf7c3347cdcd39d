import { readFileSync } from "node:fs";
import type { AllocationObserver } from "../engine/allocation/context";
import { OCCUPIED, VACANT } from "../engine/allocation/state";
import { cellIndex, N_OWNERS, SOCIAL } from "../engine/compile";
import { parseScenario } from "../engine/parse";
import { runKey } from "../engine/random";
import { runOnce, runWork } from "../engine/run";
import type { Scenario, ScenarioInput } from "../engine/scenario";
import { type Prepared, prepare } from "../engine/simulate";

/** Helpers for the allocation tests: read a scenario, run it once, and read what happened. */

export function readScenario(name: string): Scenario {
  const text = readFileSync(new URL(`../data/scenarios/${name}`, import.meta.url), "utf8");
  return parsed(JSON.parse(text));
}

export function parsed(input: ScenarioInput | unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("; "));
  return result.value;
}

export interface Allocation {
  quarter: number;
  household: number;
  dwelling: number;
  group: number;
  exception: boolean;
}

export interface OneRun {
  prepared: Prepared;
  work: ReturnType<typeof runWork>;
  /** A metric's value per year. */
  metric(id: string): number[];
  /** Per quarter, per kern: social homes in the stock model and in the microsimulation's list. */
  stockSocial: number[][];
  listSocial: number[][];
  allocations: Allocation[];
  /** Called at the end of every quarter, after the checks above are recorded. */
}

/** Run a scenario once at (seed, run), watching every quarter and every allocation. */
export function runOne(
  scenario: Scenario,
  options: { seed?: number; run?: number; onQuarter?: (run: OneRun, quarter: number) => void } = {},
): OneRun {
  const prepared = prepare(scenario);
  const { model, layout } = prepared;
  const work = runWork(model);
  const nY = model.cal.nYears;
  const record = new Float64Array(layout.defs.length * nY);
  const out: OneRun = {
    prepared,
    work,
    stockSocial: [],
    listSocial: [],
    allocations: [],
    metric(id: string) {
      const m = layout.defs.findIndex((d) => d.id === id);
      if (m < 0) throw new Error(`geen metriek ${id}`);
      return Array.from(record.subarray(m * nY, (m + 1) * nY));
    },
  };
  const observer: AllocationObserver = {
    allocated(quarter, household, dwelling, group, exception) {
      out.allocations.push({ quarter, household, dwelling, group, exception });
    },
    quarterEnd(quarter) {
      const st = work.allocation!.st;
      out.stockSocial.push(
        model.kernIds.map((_, k) => {
          let n = 0;
          for (let o = 0; o < N_OWNERS; o++) n += work.state[cellIndex(k, SOCIAL, o)];
          return n;
        }),
      );
      const perKern = model.kernIds.map(() => 0);
      for (let d = 0; d < st.nDwellings; d++) {
        if (st.dwState[d] === VACANT || st.dwState[d] === OCCUPIED) perKern[st.dwKern[d]]++;
      }
      out.listSocial.push(perKern);
      options.onQuarter?.(out, quarter);
    },
  };
  runOnce(model, layout, runKey(options.seed ?? 1, options.run ?? 0), work, record, undefined, observer);
  return out;
}
