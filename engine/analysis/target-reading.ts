import { formatCount, formatProbability, formatShare } from "../kernel/format";
import { atDeadline, type SummaryTarget, type YearStats } from "./output";

/**
 * How a target reads on every scorecard (the command line's table, the planners' and the council's):
 * its year, its median in that year in the target's own unit, and its chance. One place, so no view
 * guesses a unit from the size of a threshold.
 */
export interface TargetReading {
  /** "2034", or for a target without a year "vóór eind 2035". */
  year: string;
  /** The median in the target's year, formatted in its unit; for a `reach` target the median year. */
  median: string;
  probability: number;
  probabilityText: string;
  /** The target's statistics in its year. */
  row: YearStats & { probability: number };
}

/** A target's value in its own unit, the Dutch way: shares as percentages, counts whole. */
export function formatTargetValue(t: Pick<SummaryTarget, "unit">, x: number): string {
  return t.unit === "aandeel" ? formatShare(x) : formatCount(x);
}

export function readTarget(t: SummaryTarget): TargetReading {
  const row = atDeadline(t);
  if (t.kind === "reach") {
    return {
      year: `vóór eind ${t.deadlineYear}`,
      median: t.medianYear == null ? `na ${t.deadlineYear}` : `in ${t.medianYear}`,
      probability: t.probability,
      probabilityText: formatProbability(t.probability),
      row,
    };
  }
  return {
    year: String(t.deadlineYear),
    median: formatTargetValue(t, row.p50),
    probability: t.probability,
    probabilityText: formatProbability(t.probability),
    row,
  };
}

/**
 * The outcome a target reads: its metric in the year it is read in. A tornado of "the opgave" or a
 * difference "in the opgave's year" takes its year from here, never from a year written in a view.
 */
export function targetOutcome(t: Pick<SummaryTarget, "metric" | "deadlineYear">): {
  metric: string;
  year: number;
} {
  return { metric: t.metric, year: t.deadlineYear };
}
