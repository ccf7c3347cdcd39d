import { PIPELINE_STATUSES } from "../kernel/domain";
import { type Figure, figureValue } from "../kernel/figure";
import type { ModelNames } from "../kernel/metric";
import { namesOf } from "../metrics";
import { type MonteCarloResult, runMonteCarlo } from "../montecarlo";
import type { Scenario } from "../scenario";
import type { ResultShape } from "../shape";
import { type Prepared, prepare } from "../simulate";
import { targetOutcome } from "./target-reading";

/**
 * Which assumption moves an outcome most? Each assumption is set lower and higher (a factor on its
 * value) and the scenario is run again with the same seed, so every difference comes from the
 * assumption and none from noise (common random numbers). The result, sorted by swing, is what a
 * tornado chart draws.
 */

export interface Assumption {
  id: string;
  label: string;
  /** The label with the scenario's names (its corporation), when it names one; `label` is the baseline's. */
  named?: (names: ModelNames) => string;
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

/** The yearly sales or purchases of the corporations after the first (the first one's are the policy's). */
function corporationSlots(s: Scenario, key: "sales" | "acquisitions"): Slot[] {
  return s.corporations.flatMap((c) => {
    const yearly = c[key];
    return yearly ? [slot(yearly, "perYear")] : [];
  });
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
  {
    // Every corporation's sales together: the first one's are the policy's, the others' their own.
    ...assumption(
      "verkoop",
      "Verkoop door de corporaties",
      (s) => [slot(s.policy.sales, "perYear"), ...corporationSlots(s, "sales")],
      wholeCount,
    ),
    named: (n) => `Verkoop door ${n.corporation}`,
  },
  {
    ...assumption(
      "aankoop",
      "Aankoop door de corporaties",
      (s) => [slot(s.policy.acquisitions, "perYear"), ...corporationSlots(s, "acquisitions")],
      wholeCount,
    ),
    named: (n) => `Aankoop door ${n.corporation}`,
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

/** Where an outcome sits in a result of this shape: its metric's row and its year's column. */
function outcomeAt(shape: Pick<ResultShape, "metrics" | "years">, outcome: Outcome): [number, number] {
  const m = shape.metrics.findIndex((d) => d.id === outcome.metric);
  const y = shape.years.indexOf(outcome.year);
  if (m < 0 || y < 0) throw new Error(`onbekende uitkomst ${outcome.metric} in ${outcome.year}`);
  return [m, y];
}

/** Mean of one metric in one year over the runs of a result, found by the shape it was run with. */
export function outcomeMean(
  result: MonteCarloResult,
  shape: Pick<ResultShape, "metrics" | "years">,
  outcome: Outcome,
): number {
  const [m, y] = outcomeAt(shape, outcome);
  const { runs, nYears } = result;
  const offset = (m * nYears + y) * runs;
  let total = 0;
  for (let r = 0; r < runs; r++) total += result.values[offset + r];
  return total / runs;
}

/** Mean of one metric in one year over the runs of a scenario. */
export function meanOutcome(scenario: Scenario, outcome: Outcome, runs: number, seed: number): number {
  const { model, layout, shape } = prepare(scenario);
  outcomeAt(shape, outcome);
  return outcomeMean(runMonteCarlo(model, layout, [], { runs, seed }), shape, outcome);
}

/** One assumption's two settings: the scenario with it scaled down and up. */
export interface TornadoSetting {
  assumption: Assumption;
  low: Scenario;
  high: Scenario;
}

/**
 * The scenarios a tornado runs besides the scenario itself: per assumption its low and high setting,
 * each run with the scenario's seed and number of runs (see `tornado` and `targetTornados`).
 */
export function tornadoSettings(
  scenario: Scenario,
  options: Pick<TornadoOptions, "factors" | "assumptions"> = {},
): TornadoSetting[] {
  const [lowFactor, highFactor] = options.factors ?? [0.5, 1.5];
  const names = namesOf(scenario);
  return (options.assumptions ?? ASSUMPTIONS).map((a) => ({
    assumption: a.named ? { ...a, label: a.named(names) } : a,
    low: a.scaled(scenario, lowFactor),
    high: a.scaled(scenario, highFactor),
  }));
}

/** The bars from each setting's outcome (in the settings' order), largest swing on top. */
export function tornadoBars(
  settings: readonly TornadoSetting[],
  outcomeOf: (setting: TornadoSetting, which: "low" | "high") => number,
): TornadoBar[] {
  const bars = settings.map((s) => {
    const low = outcomeOf(s, "low");
    const high = outcomeOf(s, "high");
    return { assumption: s.assumption.id, label: s.assumption.label, low, high, swing: Math.abs(high - low) };
  });
  // Largest effect on top; ties keep the list's order.
  bars.sort((p, q) => q.swing - p.swing);
  return bars;
}

/**
 * The tornados of several outcomes from one set of runs: the scenario (already `prepared`) and each
 * assumption's low and high setting run once each, every outcome read from those runs.
 */
function tornadosOf(
  scenario: Scenario,
  prepared: Prepared,
  outcomes: readonly Outcome[],
  options: TornadoOptions,
): { base: number; bars: TornadoBar[] }[] {
  const { runs, seed } = options;
  const meansOf = ({ model, layout, shape }: Prepared): number[] => {
    const result = runMonteCarlo(model, layout, [], { runs, seed });
    return outcomes.map((outcome) => outcomeMean(result, shape, outcome));
  };
  const base = meansOf(prepared);
  const settings = tornadoSettings(scenario, options);
  const scaled = settings.map((s) => ({ low: meansOf(prepare(s.low)), high: meansOf(prepare(s.high)) }));
  const at = new Map(settings.map((s, i) => [s, i]));
  return outcomes.map((_, o) => ({
    base: base[o],
    bars: tornadoBars(settings, (s, which) => scaled[at.get(s) ?? 0][which][o]),
  }));
}

export function tornado(
  scenario: Scenario,
  outcome: Outcome,
  options: TornadoOptions,
): { base: number; bars: TornadoBar[] } {
  return tornadosOf(scenario, prepare(scenario), [outcome], options)[0];
}

/** The tornado of one target: its outcome (metric in the target's own year), the scenario's mean and the bars. */
export interface TargetTornado {
  target: string;
  outcome: Outcome;
  base: number;
  bars: TornadoBar[];
}

/**
 * The tornados of several targets from one set of runs: the scenario and each assumption's low and high
 * setting run once each, every target's outcome read from those runs in the year its target names. What
 * the council's page asks its analysis worker for: one call, not a message per setting. A target the
 * scenario lacks is left out.
 */
export function targetTornados(
  scenario: Scenario,
  targets: readonly string[],
  options: TornadoOptions,
): TargetTornado[] {
  const prepared = prepare(scenario);
  const read = targets.flatMap((id): [string, Outcome][] => {
    const t = prepared.shape.targets.find((x) => x.id === id);
    return t ? [[id, targetOutcome(t)]] : [];
  });
  const tornados = tornadosOf(
    scenario,
    prepared,
    read.map(([, outcome]) => outcome),
    options,
  );
  return read.map(([target, outcome], i) => ({ target, outcome, ...tornados[i] }));
}
