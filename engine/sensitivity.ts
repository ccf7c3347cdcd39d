import { PIPELINE_STATUSES } from "./domain";
import { type Figure, figureValue } from "./figure";
import { runMonteCarlo } from "./montecarlo";
import type { Scenario } from "./scenario";
import { prepare } from "./simulate";

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

const copy = (s: Scenario): Scenario => structuredClone(s);
const soft = ["zacht", "ambitie"] as const;

export const ASSUMPTIONS: Assumption[] = [
  {
    id: "uitval_zacht",
    label: "Uitval van zachte plannen en ambities",
    scaled: (s, f) => {
      const c = copy(s);
      for (const st of soft)
        c.pipeline.statuses[st].dropOut = scaleFigure(c.pipeline.statuses[st].dropOut, f, 0, 1);
      return c;
    },
  },
  {
    id: "uitval_hard",
    label: "Uitval van harde plannen",
    scaled: (s, f) => {
      const c = copy(s);
      c.pipeline.statuses.hard.dropOut = scaleFigure(c.pipeline.statuses.hard.dropOut, f, 0, 1);
      return c;
    },
  },
  {
    id: "vertraging",
    label: "Vertraging van projecten (alle statussen)",
    scaled: (s, f) => {
      const c = copy(s);
      for (const st of PIPELINE_STATUSES) {
        const d = c.pipeline.statuses[st].delayMonths;
        d.min = scaleFigure(d.min, f);
        d.mode = scaleFigure(d.mode, f);
        d.max = scaleFigure(d.max, f);
      }
      return c;
    },
  },
  {
    id: "bezwaar",
    label: "Kans op bezwaarprocedures",
    scaled: (s, f) => {
      const c = copy(s);
      for (const st of PIPELINE_STATUSES) {
        const o = c.pipeline.statuses[st].objection;
        o.chance = scaleFigure(o.chance, f, 0, 1);
      }
      return c;
    },
  },
  {
    id: "schokken",
    label: "Kans op stikstof- en netcongestieschokken",
    scaled: (s, f) => {
      const c = copy(s);
      for (const shock of c.pipeline.shocks) shock.chancePerYear = scaleFigure(shock.chancePerYear, f, 0, 1);
      return c;
    },
  },
  {
    id: "capaciteit",
    label: "Capaciteit voor procedures",
    scaled: (s, f) => {
      const c = copy(s);
      c.pipeline.capacity.projectsPerYear = scaleFigure(
        c.pipeline.capacity.projectsPerYear,
        f,
        1,
        Number.POSITIVE_INFINITY,
        true,
      );
      return c;
    },
  },
  {
    id: "vervanging",
    label: "Vervanging van uitgevallen plannen",
    scaled: (s, f) => {
      const c = copy(s);
      c.pipeline.replacement.chance = scaleFigure(c.pipeline.replacement.chance, f, 0, 1);
      return c;
    },
  },
  {
    id: "verkoop",
    label: "Verkoop door Domijn",
    scaled: (s, f) => {
      const c = copy(s);
      c.policy.sales.perYear = scaleFigure(c.policy.sales.perYear, f, 0, Number.POSITIVE_INFINITY, true);
      return c;
    },
  },
  {
    id: "aankoop",
    label: "Aankoop door Domijn",
    scaled: (s, f) => {
      const c = copy(s);
      c.policy.acquisitions.perYear = scaleFigure(
        c.policy.acquisitions.perYear,
        f,
        0,
        Number.POSITIVE_INFINITY,
        true,
      );
      return c;
    },
  },
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
