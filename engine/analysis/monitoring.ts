import { GROUPS } from "../allocation/vocabulary";
import { SEGMENTS, STATUS_LABELS } from "../kernel/domain";
import { figureValue } from "../kernel/figure";
import { formatProbability } from "../kernel/format";
import { absMonth } from "../kernel/time";
import { scenarioLayout } from "../metrics";
import type { Scenario } from "../scenario";
import type { CompletionSpread } from "../stock/completions";
import { type Progress, projectProgress } from "../stock/progress";
import type { SummaryJson } from "./output";

/**
 * What the monitoring notebook reads from a progress report beside the forecasts: the homes realised
 * month by month, the projects behind their planned date, and each target's chance at the start and
 * at the peildatum. Times are fractional years at the end of a month (the end of June 2026 is 2026.5),
 * the same clock as the yearly figures (the end of 2026 is 2027).
 */

/** The end of a `YYYY-MM` month as a fractional year. */
export const endOfMonth = (yyyyMm: string): number => (absMonth(yyyyMm) + 1) / 12;

export interface ActualPoint {
  /** The month, `YYYY-MM`; the first point is the stand at the start. */
  month: string;
  /** The end of that month as a fractional year. */
  at: number;
  /** Homes delivered in that month. */
  homes: number;
  /** Homes realised towards the opgave since it began (the stand at the start included). */
  realised: number;
}

/** The homes realised towards the opgave, month by month up to the peildatum. */
export function actualsOf(scenario: Scenario, progress: Progress): ActualPoint[] {
  const startMonth = absMonth(scenario.simulation.start) - 1;
  const before = `${Math.floor(startMonth / 12)}-${String((startMonth % 12) + 1).padStart(2, "0")}`;
  const projects = [...scenario.projects, ...progress.newProjects];
  const byMonth = new Map<string, number>();
  for (const c of progress.completions) {
    const p = projects.find((x) => x.id === c.project);
    const units = c.units ?? p?.units;
    let homes = 0;
    for (const s of SEGMENTS) homes += figureValue(units?.[s] ?? 0);
    byMonth.set(c.month, (byMonth.get(c.month) ?? 0) + homes);
  }
  let realised = figureValue(scenario.opgave.realisedBeforeStart);
  const points: ActualPoint[] = [{ month: before, at: endOfMonth(before), homes: 0, realised }];
  for (const month of [...byMonth.keys()].sort()) {
    const homes = byMonth.get(month) as number;
    realised += homes;
    points.push({ month, at: endOfMonth(month), homes, realised });
  }
  if (points[points.length - 1].month !== progress.peildatum)
    points.push({ month: progress.peildatum, at: endOfMonth(progress.peildatum), homes: 0, realised });
  return points;
}

export interface BehindProject {
  id: string;
  name: string;
  /** Its status at the peildatum, in Dutch. */
  status: string;
  planned: string;
  /** Months between the planned completion and the peildatum. */
  monthsLate: number;
  homes: number;
  /** Its completion in the forecast from the peildatum (fractional years), when there is one. */
  p10?: number;
  p50?: number;
  p90?: number;
  /** Share of runs in which it falls through after all. */
  dropped?: number;
}

/** Projects planned to complete by the peildatum that were not completed and did not fall through. */
export function behindOf(
  scenario: Scenario,
  progress: Progress,
  spread: readonly CompletionSpread[] = [],
): BehindProject[] {
  const peil = absMonth(progress.peildatum);
  const rows: BehindProject[] = [];
  for (const p of [...scenario.projects, ...progress.newProjects]) {
    if (p.status === "gerealiseerd") continue;
    const now = projectProgress(progress, p);
    if (now.completedIn !== undefined || now.status === "vervallen") continue;
    const late = peil - absMonth(now.plannedCompletion);
    if (late < 0) continue;
    const s = spread.find((x) => x.id === p.id);
    let homes = 0;
    for (const seg of SEGMENTS) homes += figureValue(p.units[seg] ?? 0);
    rows.push({
      id: p.id,
      name: p.name,
      status: STATUS_LABELS[now.status],
      planned: now.plannedCompletion,
      monthsLate: late,
      homes,
      ...(s ? { p10: s.p10, p50: s.p50, p90: s.p90, dropped: s.dropped } : {}),
    });
  }
  return rows.sort((a, b) => b.monthsLate - a.monthsLate || (a.id < b.id ? -1 : 1));
}

export interface ChanceChange {
  id: string;
  label: string;
  year: number;
  /** The chance in the forecast made at the start, and in the one from the peildatum. */
  atStart: number;
  now: number;
  /** "1.225 woningen gerealiseerd in 2034: 6% bij de start, nu 9%". */
  sentence: string;
}

/** Every target's chance in its year, at the start and at the peildatum. */
export function chanceChanges(start: SummaryJson, now: SummaryJson): ChanceChange[] {
  return now.targets.flatMap((t) => {
    const before = start.targets.find((x) => x.id === t.id);
    if (!before) return [];
    return [
      {
        id: t.id,
        label: t.label,
        year: t.deadlineYear,
        atStart: before.probability,
        now: t.probability,
        sentence: `${t.label}${t.label.includes(String(t.deadlineYear)) ? "" : ` (${t.deadlineYear})`}: ${formatProbability(before.probability)} bij de start, nu ${formatProbability(t.probability)}`,
      },
    ];
  });
}

/** The allocation figures a report can hold, with the metric each is read beside. */
export const ALLOCATION_FIGURES = ["lettings", "statushoudersHoused", "searchTimeYears"] as const;
export type AllocationFigure = (typeof ALLOCATION_FIGURES)[number];

export interface AllocationActual {
  year: number;
  figure: AllocationFigure;
  /** "Toewijzingen sociale huur", as the metric is called. */
  label: string;
  unit: string;
  /** The metric the forecast reads it in. */
  metric: string;
  actual: number;
  /** The months the figure covers ("okt 2025 – dec 2025"); `partial` when the forecast's year is longer. */
  period: string;
  partial: boolean;
  /** The forecast's median and 80% band for the whole year: at the start and from the peildatum. */
  atStart?: { p10: number; p50: number; p90: number };
  now?: { p10: number; p50: number; p90: number };
}

const MONTH_NAMES = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const monthName = (abs: number) => `${MONTH_NAMES[abs % 12]} ${Math.floor(abs / 12)}`;

/**
 * The report's allocation figures beside the forecasts of the same metric: observations, not
 * conditioning (the allocation model draws its households afresh in every run). A figure of the
 * peildatum's year covers part of the year; the forecast's figure is the whole year's, so the row says so.
 */
export function allocationActuals(
  scenario: Scenario,
  progress: Progress,
  start?: SummaryJson,
  now?: SummaryJson,
): AllocationActual[] {
  // The metrics' ids and names come from the scenario's own layout; without an allocation block there is
  // no forecast to set the figures beside.
  const layout = scenarioLayout(scenario);
  const allocation = layout.allocation;
  if (!allocation) return [];
  const metricOf: Record<AllocationFigure, number> = {
    lettings: allocation.allocationsTotal,
    statushoudersHoused: allocation.statushoudersHoused,
    searchTimeYears: allocation.searchTimeMedian[GROUPS.indexOf("regulier")],
  };
  const startAbs = absMonth(scenario.simulation.start);
  const peil = absMonth(progress.peildatum);
  const band = (summary: SummaryJson | undefined, metric: string, year: number) => {
    const row = summary?.metrics[metric]?.find((r) => r.year === year && r.runs !== 0);
    return row ? { p10: row.p10, p50: row.p50, p90: row.p90 } : undefined;
  };
  const rows: AllocationActual[] = [];
  for (const entry of [...progress.allocation].sort((a, b) => a.year - b.year)) {
    const from = Math.max(startAbs, entry.year * 12);
    const until = Math.min(entry.year * 12 + 11, peil);
    for (const figure of ALLOCATION_FIGURES) {
      const actual = entry[figure];
      if (actual === undefined) continue;
      const def = layout.defs[metricOf[figure]];
      rows.push({
        year: entry.year,
        figure,
        label: def.label,
        unit: def.unit,
        metric: def.id,
        actual,
        period: `${monthName(from)} – ${monthName(until)}`,
        // The forecast's first year starts when the scenario does: only a year cut short by the peildatum is partial.
        partial: until < entry.year * 12 + 11,
        atStart: band(start, def.id, entry.year),
        now: band(now, def.id, entry.year),
      });
    }
  }
  return rows;
}

export interface HistoryPoint {
  /** "start" for the forecast made at the scenario's start, else the report's peildatum. */
  peildatum: string;
  name: string;
  /** Each target's chance in its year, in this forecast. */
  chances: { id: string; label: string; year: number; chance: number }[];
}

/**
 * The history of successive reports: each target's chance in the forecast at the start and in the one
 * from every report's peildatum, oldest first.
 */
export function historyOf(
  start: SummaryJson,
  reports: readonly { progress: Progress; summary: SummaryJson }[],
  startMonth: string,
): HistoryPoint[] {
  const point = (peildatum: string, name: string, s: SummaryJson): HistoryPoint => ({
    peildatum,
    name,
    chances: s.targets.map((t) => ({
      id: t.id,
      label: t.label,
      year: t.deadlineYear,
      chance: t.probability,
    })),
  });
  return [
    point(startMonth, "bij de start", start),
    ...[...reports]
      .sort((a, b) => absMonth(a.progress.peildatum) - absMonth(b.progress.peildatum))
      .map((r) => point(r.progress.peildatum, r.progress.name, r.summary)),
  ];
}
