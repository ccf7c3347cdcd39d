import { STATISTICS, type Statistic } from "../kernel/quantiles";
import { ENGINE_VERSION } from "../kernel/version";
import type { MonteCarloResult } from "../montecarlo";
import type { ResultShape } from "../shape";
import type { ResultMeta } from "../simulate";
import { type SummaryArrays, summarise } from "../summary";
import type { TargetKind } from "../targets";

/**
 * The files a run writes: `summary.json` (nested, for programs and notebooks) and `yearly.csv` (long
 * form, for spreadsheets). No timestamps: the same scenario, seed and runs give the same bytes.
 */

/**
 * A metric's statistics in one year. `runs`, on sparse metrics only (search times), is how many runs had
 * a value that year: the statistics are over those runs, and all 0 when it is 0.
 */
export type YearStats = { year: number; runs?: number } & Record<Statistic, number>;

export interface SummaryJson {
  meta: ResultMeta;
  years: number[];
  /**
   * `distribution`: quantiles over units (households, homes) and runs together, not over runs. `sparse`:
   * a year can have no value; its rows say in how many runs it had one.
   */
  metricInfo: Record<
    string,
    { label: string; unit: string; kern?: string; distribution?: boolean; sparse?: boolean }
  >;
  metrics: Record<string, YearStats[]>;
  targets: SummaryTarget[];
}

export interface SummaryTarget {
  id: string;
  label: string;
  /** `deadline`: met in its year or not; `reach`: in which year is it reached (see engine/targets). */
  kind: TargetKind;
  metric: string;
  /** The unit of the target's value, as metricInfo's units: "aandeel" is a share, shown as a percentage. */
  unit: string;
  rule: string;
  /** The year the target is read in, and why that year (in Dutch). */
  deadlineYear: number;
  yearBasis: string;
  threshold: number;
  /** Probability of meeting the target in its deadline year (for `reach`: of reaching it by then). */
  probability: number;
  /** For `reach` targets: the first year by which half the runs reached it; null when none did by the end. */
  medianYear?: number | null;
  byYear: (YearStats & { probability: number })[];
}

/**
 * A target's row in the year it is read in: its deadline, or the last year simulated when the deadline
 * lies beyond it. Every view reads "the value at the deadline" here (see ./target-reading).
 */
export function atDeadline<R extends { year: number }>(t: { deadlineYear: number; byYear: readonly R[] }): R {
  return t.byYear.find((row) => row.year === t.deadlineYear) ?? t.byYear[t.byYear.length - 1];
}

/** Six decimals is far below any figure's precision and keeps files small and stable. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

function yearStats(stats: Float64Array, series: number, years: number[]): YearStats[] {
  return years.map((year, y) => {
    const row = { year } as YearStats;
    STATISTICS.forEach((s, i) => {
      row[s] = round(stats[(series * years.length + y) * STATISTICS.length + i]);
    });
    return row;
  });
}

export function toSummaryJson(shape: ResultShape, meta: ResultMeta, summary: SummaryArrays): SummaryJson {
  const { years } = shape;
  const metricInfo: SummaryJson["metricInfo"] = {};
  const metrics: SummaryJson["metrics"] = {};
  shape.metrics.forEach((def, m) => {
    const info: SummaryJson["metricInfo"][string] = { label: def.label, unit: def.unit };
    if (def.kern !== undefined) info.kern = def.kern;
    metricInfo[def.id] = info;
    metrics[def.id] = yearStats(summary.metricStats, m, years);
    if (def.sparse) {
      info.sparse = true;
      metrics[def.id].forEach((row, y) => {
        row.runs = summary.metricRuns[m * years.length + y];
      });
    }
  });
  shape.distributions.forEach((def, d) => {
    metricInfo[def.id] = { label: def.label, unit: def.unit, distribution: true };
    metrics[def.id] = yearStats(summary.distributionStats, d, years);
  });
  const targets = shape.targets.map((t, i) => {
    const byYear = yearStats(summary.targetStats, i, years).map((row, y) => ({
      ...row,
      probability: round(summary.probability[i * years.length + y]),
    }));
    const deadline = atDeadline({ deadlineYear: t.deadlineYear, byYear });
    const out: SummaryTarget = {
      id: t.id,
      label: t.label,
      kind: t.kind,
      metric: t.metric,
      unit: t.unit,
      rule: t.rule,
      deadlineYear: t.deadlineYear,
      yearBasis: t.yearBasis,
      threshold: t.threshold,
      probability: deadline.probability,
      byYear,
    };
    // "Reached by year y" only grows with y, so half the runs have reached it in the first year whose
    // chance is at least one half: the median year over the runs.
    if (t.kind === "reach") out.medianYear = byYear.find((row) => row.probability >= 0.5)?.year ?? null;
    return out;
  });
  return { meta, years, metricInfo, metrics, targets };
}

export interface CsvOptions {
  /** Dutch Excel: `;` between fields and a decimal comma. */
  dutch?: boolean;
}

export function toYearlyCsv(summary: SummaryJson, options: CsvOptions = {}): string {
  const sep = options.dutch ? ";" : ",";
  const num = (x: number) => (options.dutch ? String(x).replace(".", ",") : String(x));
  const lines = [["metric", "year", "statistic", "value"].join(sep)];
  for (const [id, rows] of Object.entries(summary.metrics)) {
    for (const row of rows) {
      for (const s of STATISTICS) lines.push([id, row.year, s, num(row[s])].join(sep));
      if (row.runs !== undefined) lines.push([id, row.year, "runs", row.runs].join(sep));
    }
  }
  for (const t of summary.targets) {
    for (const row of t.byYear)
      lines.push([`target.${t.id}`, row.year, "probability", num(row.probability)].join(sep));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * Runs computed anywhere (a pool of workers, the command line), merged, as the summary the charts and
 * files read, with the meta that traces it: no compiled model needed, only the shape.
 */
export function summaryOf(result: MonteCarloResult, shape: ResultShape, seed: number): SummaryJson {
  const meta: ResultMeta = {
    engineVersion: ENGINE_VERSION,
    scenarioName: shape.scenarioName,
    scenarioHash: shape.scenarioHash,
    seed,
    runs: result.runs,
  };
  return toSummaryJson(shape, meta, summarise(result, shape));
}
