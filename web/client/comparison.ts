import {
  formatCount,
  formatProbability,
  type Outcome,
  pairedDifference,
  planningScope,
  readTarget,
  type Scenario,
  type Simulation,
  STATISTICS,
  type SummaryJson,
  simulate,
  type TornadoBar,
  tornado,
  toSummaryJson,
  type YearStats,
} from "../../engine/index";
import { type LIGHTS, lightFor } from "../common/lights";

/**
 * The council's comparison: two to four scenarios run with the same seed and number of runs (so
 * their runs are paired by common random numbers), their targets side by side, the difference between
 * two of them with its own band, and the assumptions that move the outcome most. Pure: no DOM, so it
 * runs the same in Node's tests as in the page.
 */

export interface Compared {
  /** The name shown; made unique when two scenarios share one. */
  label: string;
  scenario: Scenario;
  sim: Simulation;
  summary: SummaryJson;
}

export interface ComparisonOptions {
  runs: number;
  seed: number;
}

export const COUNCIL_RUNS = 1000;

export function runComparison(scenarios: readonly Scenario[], options: ComparisonOptions): Compared[] {
  const seen = new Map<string, number>();
  return scenarios.map((scenario) => {
    const n = (seen.get(scenario.name) ?? 0) + 1;
    seen.set(scenario.name, n);
    const label = n === 1 ? scenario.name : `${scenario.name} (${n})`;
    // The building plan only: the council's targets are about homes, and 1,000 runs stay quick.
    const sim = simulate(planningScope(scenario), options);
    return { label, scenario, sim, summary: toSummaryJson(sim.prepared.shape, sim.meta, sim.summary) };
  });
}

export interface ScoreCell {
  scenario: string;
  median: number | undefined;
  medianText: string;
  probability: number | undefined;
  light: (typeof LIGHTS)[number] | undefined;
}

export interface ScoreMatrixRow {
  id: string;
  label: string;
  /** The year the target is read in ("2034", "vóór eind 2035"). */
  year: string;
  threshold: number;
  cells: ScoreCell[];
}

/** Every target of any compared scenario, in the order they first appear, with a cell per scenario. */
export function scoreMatrix(compared: readonly Compared[]): ScoreMatrixRow[] {
  const rows = new Map<string, ScoreMatrixRow>();
  for (const c of compared)
    for (const t of c.summary.targets)
      if (!rows.has(t.id))
        rows.set(t.id, {
          id: t.id,
          label: t.label,
          year: readTarget(t).year,
          threshold: t.threshold,
          cells: [],
        });
  for (const row of rows.values()) {
    row.cells = compared.map((c) => {
      const t = c.summary.targets.find((x) => x.id === row.id);
      if (!t)
        return {
          scenario: c.label,
          median: undefined,
          medianText: "–",
          probability: undefined,
          light: undefined,
        };
      const r = readTarget(t);
      return {
        scenario: c.label,
        median: r.row.p50,
        medianText: r.median,
        probability: t.probability,
        light: lightFor(t.probability),
      };
    });
  }
  return [...rows.values()];
}

/** Statistics per year of `b − a`, run by run. */
export function differenceRows(a: Compared, b: Compared, metric: string): YearStats[] {
  const stats = pairedDifference(
    { layout: a.sim.prepared.layout, result: a.sim.result },
    { layout: b.sim.prepared.layout, result: b.sim.result },
    metric,
  );
  return a.summary.years.map((year, y) => {
    const row = { year } as YearStats;
    STATISTICS.forEach((s, i) => {
      row[s] = stats[y * STATISTICS.length + i];
    });
    return row;
  });
}

export function differenceReading(
  a: Compared,
  b: Compared,
  rows: readonly YearStats[],
  year: number,
  what: string,
): { text: string; value: number } | undefined {
  const r = rows.find((x) => x.year === year);
  if (!r) return undefined;
  const f = (x: number) => formatCount(Math.abs(x));
  const direction = r.p50 < 0 ? "minder" : "meer";
  // The band in the sentence's own words: "tussen 100 en 687 minder", not "tussen -687 en -100".
  const side = (x: number) => (x < 0 ? `${f(x)} minder` : x > 0 ? `${f(x)} meer` : "geen verschil");
  const band =
    r.p90 < 0
      ? `tussen ${f(r.p90)} en ${f(r.p10)} minder`
      : r.p10 > 0
        ? `tussen ${f(r.p10)} en ${f(r.p90)} meer`
        : `tussen ${side(r.p10)} en ${side(r.p90)}`;
  return {
    text: `In ${year} geeft ${b.label} naar verwachting ${f(r.p50)} ${what} ${direction} dan ${a.label} (80% kans: ${band}).`,
    value: r.p50,
  };
}

const hundredths = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Assumptions move the social share by tenths of a percent: two decimals, or the ticks repeat. */
const shareToHundredths = (x: number) => `${hundredths.format(x * 100)}%`;

/** The two outcomes the council asks about: social share in 2030 and realisation by 2034. */
export const TORNADO_OUTCOMES: (Outcome & { title: string; format: (x: number) => string })[] = [
  {
    metric: "share.sociale_huur",
    year: 2030,
    title: "Aandeel sociale huur in 2030",
    format: shareToHundredths,
  },
  { metric: "opgave.realised", year: 2034, title: "Gerealiseerd van de opgave in 2034", format: formatCount },
];

export interface TornadoResult {
  outcome: (typeof TORNADO_OUTCOMES)[number];
  base: number;
  bars: TornadoBar[];
}

export function tornadoFor(scenario: Scenario, options: ComparisonOptions): TornadoResult[] {
  const planning = planningScope(scenario);
  return TORNADO_OUTCOMES.map((outcome) => ({ outcome, ...tornado(planning, outcome, options) }));
}

export function tornadoReading(t: TornadoResult): { text: string; value: number } | undefined {
  const top = t.bars[0];
  if (!top) return undefined;
  const f = t.outcome.format;
  return {
    text: `${top.label} verschuift de uitkomst het meest: van ${f(Math.min(top.low, top.high))} tot ${f(Math.max(top.low, top.high))} (nu ${f(t.base)}).`,
    value: top.swing,
  };
}

export function probabilityText(p: number | undefined): string {
  return p === undefined ? "–" : formatProbability(p);
}
