import { GROUPS } from "../../allocation/vocabulary";
import {
  type CalibrationJson,
  type CalibrationRow,
  formatCalibrationValue,
} from "../../analysis/calibration";
import type { SummaryJson } from "../../analysis/output";
import { readTarget } from "../../analysis/target-reading";
import { formatCount, formatProbability, formatShare } from "../../kernel/format";

/** The tables the command line prints: plain text, the first column left, the others right. */

/** A plain-text table: the first column left-aligned, the others right-aligned, a rule under the header. */
export function textTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

/** The short table of targets the command prints: label, deadline year, median and probability. */
export function targetTable(summary: SummaryJson): string[] {
  const rows = summary.targets.map((t) => {
    const r = readTarget(t);
    return [t.label, r.year, r.median, r.probabilityText];
  });
  return textTable(["Doel", "Jaar", "Mediaan", "Kans"], rows);
}

/**
 * The allocation per group in a year, when the scenario has it: allocations and search times (median
 * over the runs of each run's yearly median and P90), and the queue at year end.
 */
export function allocationTable(summary: SummaryJson, year: number): string[] {
  const y = summary.years.indexOf(year);
  const median = (id: string) => summary.metrics[id]?.[y]?.p50;
  if (y < 0 || median("allocations.total") === undefined) return [];
  const years = (x: number | undefined) =>
    x === undefined ? "" : x.toLocaleString("nl-NL", { maximumFractionDigits: 2 });
  // A search time has no value in a run that housed nobody of the group: the median is over the other runs.
  const searchTime = (id: string) => {
    const row = summary.metrics[id]?.[y];
    return row?.runs === 0 ? "–" : years(row?.p50);
  };
  const passend = summary.metrics["share.passend_toegewezen"]?.[y];
  const rows = GROUPS.map((g) => [
    g,
    formatCount(median(`allocations.${g}`) ?? 0),
    searchTime(`search_time.${g}`),
    searchTime(`search_time.${g}.p90`),
    formatCount(median(`queue.${g}`) ?? 0),
  ]);
  return [
    `Toewijzing sociale huur in ${year} (mediaan over de runs):`,
    ...textTable(["Groep", "Toewijzingen", "Zoektijd (jaar)", "P90 (jaar)", "Wachtend"], rows),
    `Passend toegewezen ${passend?.runs === 0 ? "–" : formatShare(passend?.p50 ?? 0)}, vrije toewijzing ${formatShare(median("share.vrije_toewijzing") ?? 0)}`,
  ];
}

/** Every target both scenarios have, with each one's probability in its deadline year. */
export function comparisonTable(a: SummaryJson, b: SummaryJson): string[] {
  const rows = a.targets
    .filter((t) => b.targets.some((u) => u.id === t.id))
    .map((t) => {
      const other = b.targets.find((u) => u.id === t.id)!;
      return [
        t.label,
        String(t.deadlineYear),
        formatProbability(t.probability),
        formatProbability(other.probability),
      ];
    });
  return textTable(["Doel", "Jaar", "Kans A", "Kans B"], rows);
}

/** The calibration as the command prints it: a table, then each row's source and date. */
export function calibrationTable(result: CalibrationJson): string[] {
  const { meta } = result;
  const f = (row: CalibrationRow, x: number) => formatCalibrationValue(row.unit, x);
  const rows = result.rows.map((r, i) => [
    `${i + 1}. ${r.label}`,
    String(r.year),
    f(r, r.reference.value),
    f(r, r.median),
    `${f(r, r.p10)} – ${f(r, r.p90)}${r.over === "runs" ? "" : " *"}`,
    r.tolerance.min === r.tolerance.max
      ? f(r, r.tolerance.min)
      : `${f(r, r.tolerance.min)} – ${f(r, r.tolerance.max)}`,
    r.verdict,
  ]);
  const outside = result.rows.filter((r) => r.verdict !== "binnen de marge").length;
  return [
    `Kalibratie van ${meta.scenarioName}: ${formatCount(meta.runs)} runs, seed ${meta.seed}, engine ${meta.engineVersion}`,
    "",
    ...textTable(["Regel", "Jaar", "Referentie", "Mediaan", "80% van de runs", "Marge", "Oordeel"], rows),
    "",
    `${result.rows.length - outside} van ${result.rows.length} regels binnen de marge.${
      result.rows.some((r) => r.over !== "runs") ? " * 80% van de huishoudens en runs samen." : ""
    }`,
    "",
    "Bronnen:",
    ...result.rows.map(
      (r, i) =>
        `${i + 1}. ${r.reference.source ?? "geen bron"} (${r.reference.date})${r.note ? ` ${r.note}` : ""}`,
    ),
  ];
}
