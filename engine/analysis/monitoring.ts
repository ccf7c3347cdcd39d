import { SEGMENTS, STATUS_LABELS } from "../kernel/domain";
import { figureValue } from "../kernel/figure";
import { formatProbability } from "../kernel/format";
import { absMonth } from "../kernel/time";
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
