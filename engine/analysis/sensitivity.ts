import { PIPELINE_STATUSES } from "../kernel/domain";
import { type Figure, figureValue } from "../kernel/figure";
import { runMonteCarlo } from "../montecarlo";
import type { Scenario } from "../scenario";
import { prepare } from "../simulate";

/**
 * Which assumption moves an outcome most? Each assumption is set lower and higher (a factor on its
 * value) and the scenario is run again with the same seed, so every difference comes from the
 * assumption and none from noise (common random numbers). The result, sorted by swing, is what a
 * tornado chart draws.
 */

export interface Assumption {
  id: string;
  label: string;
  /** A copy of the scenario with this assumption scaled by `factor`. */
  scaled: (scenario: Scenario, factor: number) => Scenario;
}

/** Scale a figure, bare or sourced, keeping its form; clamp to [min, max] and round when asked. */
export function scaleFigure(
  f: Figure,
  factor: number,
  min = 0,
  max = Number.POSITIVE_INFINITY,
  round = false,
): Figure {
  let v = Math.min(max, Math.max(min, figureValue(f) * factor));
  if (round) v = Math.round(v);
  return typeof f === "number" ? v : { ...f, value: v };
}

/** Where in a scenario an assumption's figures sit: an object and the key of a figure in it. */
type Slot = [Record<string, unknown>, string];
const slot = <T extends object>(o: T, key: keyof T & string): Slot => [o as Record<string, unknown>, key];

interface Clamp {
  max?: number;
  min?: number;
  round?: boolean;
}

function assumption(
  id: string,
  label: string,
  slots: (s: Scenario) => Slot[],
  clamp: Clamp = {},
): Assumption {
  return {
    id,
    label,
    scaled: (scenario, factor) => {
      const copy = structuredClone(scenario);
      for (const [o, key] of slots(copy)) {
        o[key] = scaleFigure(
          o[key] as Figure,
          factor,
          clamp.min ?? 0,
          clamp.max ?? Number.POSITIVE_INFINITY,
          clamp.round,
        );
      }
      return copy;
    },
  };
}

const probability = { max: 1 };
const wholeCount = { round: true };

export const ASSUMPTIONS: Assumption[] = [
  assumption(
    "uitval_zacht",
    "Uitval van zachte plannen en ambities",
    (s) => [slot(s.pipeline.statuses.zacht, "dropOut"), slot(s.pipeline.statuses.ambitie, "dropOut")],
    probability,
  ),
  assumption(
    "uitval_hard",
    "Uitval van harde plannen",
    (s) => [slot(s.pipeline.statuses.hard, "dropOut")],
    probability,
  ),
  assumption("vertraging", "Vertraging van projecten (alle statussen)", (s) =>
    PIPELINE_STATUSES.flatMap((st) => {
      const d = s.pipeline.statuses[st].delayMonths;
      return [slot(d, "min"), slot(d, "mode"), slot(d, "max")];
    }),
  ),
  assumption(
    "bezwaar",
    "Kans op bezwaarprocedures",
    (s) => PIPELINE_STATUSES.map((st) => slot(s.pipeline.statuses[st].objection, "chance")),
    probability,
  ),
  assumption(
    "schokken",
    "Kans op stikstof- en netcongestieschokken",
    (s) => s.pipeline.shocks.map((shock) => slot(shock, "chancePerYear")),
    probability,
  ),
  assumption(
    "capaciteit",
    "Capaciteit voor procedures",
    (s) => [slot(s.pipeline.capacity, "projectsPerYear")],
    {
      min: 1,
      round: true,
    },
  ),
  assumption(
    "vervanging",
    "Vervanging van uitgevallen plannen",
    (s) => [slot(s.pipeline.replacement, "chance")],
    probability,
  ),
  assumption("verkoop", "Verkoop door Domijn", (s) => [slot(s.policy.sales, "perYear")], wholeCount),
  assumption("aankoop", "Aankoop door Domijn", (s) => [slot(s.policy.acquisitions, "perYear")], wholeCount),
];

export interface Outcome {
  metric: string;
  year: number;
}

export interface TornadoBar {
  assumption: string;
  label: string;
  low: number;
  high: number;
  /** |high − low|: how far the outcome moves between the two settings. */
  swing: number;
}

export interface TornadoOptions {
  runs: number;
  seed: number;
  /** Factors for the low and high setting; default ½ and 1½. */
  factors?: [number, number];
  assumptions?: Assumption[];
}

/** Mean of one metric in one year over the runs of a scenario. */
export function meanOutcome(scenario: Scenario, outcome: Outcome, runs: number, seed: number): number {
  const { model, layout } = prepare(scenario);
  const m = layout.defs.findIndex((d) => d.id === outcome.metric);
  const y = outcome.year - model.cal.startYear;
  if (m < 0 || y < 0 || y >= model.cal.nYears)
    throw new Error(`onbekende uitkomst ${outcome.metric} in ${outcome.year}`);
  const result = runMonteCarlo(model, layout, [], { runs, seed });
  const offset = (m * model.cal.nYears + y) * runs;
  let total = 0;
  for (let r = 0; r < runs; r++) total += result.values[offset + r];
  return total / runs;
}

export function tornado(
  scenario: Scenario,
  outcome: Outcome,
  options: TornadoOptions,
): { base: number; bars: TornadoBar[] } {
  const [lowFactor, highFactor] = options.factors ?? [0.5, 1.5];
  const base = meanOutcome(scenario, outcome, options.runs, options.seed);
  const bars = (options.assumptions ?? ASSUMPTIONS).map((a) => {
    const low = meanOutcome(a.scaled(scenario, lowFactor), outcome, options.runs, options.seed);
    const high = meanOutcome(a.scaled(scenario, highFactor), outcome, options.runs, options.seed);
    return { assumption: a.id, label: a.label, low, high, swing: Math.abs(high - low) };
  });
  // Largest effect on top; ties keep the list's order.
  bars.sort((p, q) => q.swing - p.swing);
  return { base, bars };
}
