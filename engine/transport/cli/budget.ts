import { totalmem } from "node:os";
import { formatCount, formatDecimal } from "../../kernel/format";
import { scenarioLayout } from "../../metrics";
import type { Scenario } from "../../scenario";
import { invalid, usage } from "./errors";

/**
 * What a simulation will ask of memory, estimated from the scenario and the runs before anything is
 * allocated, so a run too large is refused with a message instead of a RangeError, or a process that
 * grows until the system kills it. The estimate is on the generous side: the buffers of all runs
 * (metrics × years × runs, four bytes each; targets × years × runs, five), the projects' completion
 * months per run, and with the allocation model every home and household as a record of its own.
 */

/** Bytes per home and per household in the allocation microsimulation (state and compiled start). */
const PER_DWELLING = 64;
const PER_HOUSEHOLD = 64;

export function budgetLimit(): number {
  return Math.min(4 * 1024 ** 3, totalmem() / 2);
}

export interface Estimate {
  bytes: number;
  metrics: number;
  years: number;
  dwellings: number;
}

const numberOf = (x: unknown): number =>
  typeof x === "number"
    ? x
    : typeof x === "object" && x !== null && "value" in x
      ? Number((x as { value: unknown }).value)
      : 0;

export function estimate(scenario: Scenario, runs: number): Estimate {
  const startYear = Number(scenario.simulation.start.slice(0, 4));
  const years = Math.max(1, scenario.simulation.endYear - startYear + 1);
  const layout = scenarioLayout(scenario);
  const metrics = layout.defs.length;
  // Targets: the fixed ones, each window, each kern band; a generous count is enough here.
  const targets =
    16 +
    scenario.targets.sleutelprojecten.length +
    scenario.targets.socialAdditions.length +
    scenario.targets.socialShareByKern.length;
  let dwellings = 0;
  for (const s of scenario.stock) dwellings += numberOf((s as { dwellings?: unknown }).dwellings);
  for (const p of scenario.projects) for (const v of Object.values(p.units ?? {})) dwellings += numberOf(v);
  const perRun = years * (metrics * 4 + targets * 5) + scenario.projects.length * 4;
  const micro = scenario.allocation ? dwellings * (PER_DWELLING + PER_HOUSEHOLD) : 0;
  return { bytes: runs * perRun + micro, metrics, years, dwellings };
}

const gb = (bytes: number) => `${formatDecimal(bytes / 1024 ** 3)} GB`;

/**
 * Refuse what will not fit: with the runs from `--runs` a wrong use (exit 2), with the scenario's own a
 * wrong input (exit 1).
 */
export function checkBudget(scenario: Scenario, runs: number, runsFromFlag: boolean, file: string): void {
  const limit = budgetLimit();
  const e = estimate(scenario, runs);
  if (e.bytes <= limit) return;
  const perRun = (e.bytes - (scenario.allocation ? e.dwellings * (PER_DWELLING + PER_HOUSEHOLD) : 0)) / runs;
  const fit = Math.floor((limit - (e.bytes - perRun * runs)) / perRun);
  const lines = [
    `${file}: te groot om te rekenen: ${formatCount(runs)} runs van ${formatCount(e.metrics)} metrics over ${e.years} jaar${
      scenario.allocation ? ` met ${formatCount(e.dwellings)} woningen in de toewijzing` : ""
    } vragen naar schatting ${gb(e.bytes)} geheugen; de grens is ${gb(limit)}.`,
    fit >= 1
      ? `Kies hoogstens ${formatCount(fit)} runs${runsFromFlag ? " met --runs" : " (simulation.runs)"}.`
      : "Ook één run past niet: kijk de aantallen woningen (stock, projects) en de simulatieperiode na.",
  ];
  throw runsFromFlag && fit >= 1 ? usage(...lines) : invalid(...lines);
}
