import { formatCount, formatDecimal, formatShare } from "../kernel/format";
import type { Scenario } from "../scenario";
import type { SummaryJson, YearStats } from "./output";

/**
 * Calibration: the baseline's figures beside the official statistics and the agreement they should
 * reproduce. Each row names a metric and a year, the reference with its source and date, and a
 * tolerance; the verdict says whether the baseline's median lies inside it. The rows are data (the
 * scenario's `calibration`), so another municipality brings its own references.
 */
export type CalibrationSpec = NonNullable<Scenario["calibration"]>[number];

export type Verdict = "binnen de marge" | "buiten de marge" | "geen waarde";

export interface CalibrationRow {
  id: string;
  label: string;
  metric: string;
  unit: string;
  year: number;
  reference: CalibrationSpec["reference"];
  tolerance: { min: number; max: number };
  /** The baseline's median and 80% band (P10–P90) in that year: over runs, or for a distribution over households and runs. */
  median: number;
  over: "runs" | "huishoudens en runs";
  p10: number;
  p90: number;
  verdict: Verdict;
  note?: string;
}

export interface CalibrationJson {
  meta: SummaryJson["meta"];
  rows: CalibrationRow[];
  /** Rows that name a metric or year the run does not have: a mistake in the scenario's calibration. */
  problems: { path: string; message: string }[];
}

export function calibrate(scenario: Scenario, summary: SummaryJson): CalibrationJson {
  const rows: CalibrationRow[] = [];
  const problems: CalibrationJson["problems"] = [];
  (scenario.calibration ?? []).forEach((spec, i) => {
    const stats: YearStats | undefined = summary.metrics[spec.metric]?.find((r) => r.year === spec.year);
    if (!stats) {
      const what = summary.metrics[spec.metric] ? `het jaar ${spec.year}` : `de metric "${spec.metric}"`;
      problems.push({ path: `calibration[${i}]`, message: `deze run heeft ${what} niet` });
      return;
    }
    const noValue = stats.runs === 0;
    const inside = stats.p50 >= spec.tolerance.min && stats.p50 <= spec.tolerance.max;
    const row: CalibrationRow = {
      id: spec.id,
      label: spec.label,
      metric: spec.metric,
      unit: summary.metricInfo[spec.metric].unit,
      year: spec.year,
      reference: spec.reference,
      tolerance: spec.tolerance,
      median: stats.p50,
      over: summary.metricInfo[spec.metric].distribution ? "huishoudens en runs" : "runs",
      p10: stats.p10,
      p90: stats.p90,
      verdict: noValue ? "geen waarde" : inside ? "binnen de marge" : "buiten de marge",
    };
    if (spec.note) row.note = spec.note;
    rows.push(row);
  });
  return { meta: summary.meta, rows, problems };
}

/** A calibration figure in its unit, the Dutch way: 18,0%, 1,0 jaar, € 172, 10.150. */
export function formatCalibrationValue(unit: string, x: number): string {
  if (unit === "aandeel") return formatShare(x);
  if (unit === "jaren") return `${formatDecimal(x)} jaar`;
  if (unit === "euro") return `€ ${formatCount(x)}`;
  return formatCount(x);
}
