import { PIPELINE_STATUSES, type SEGMENTS } from "../kernel/domain";
import { provenance } from "../kernel/figure";
import { type Loose, list, obj } from "../kernel/loose";
import type { Calendar } from "../kernel/time";
import { z } from "../kernel/zod";
import { ownerCheck } from "./owners";
import { count, id, month, nonNegative, projectSchema, year } from "./schema";

/**
 * A progress report (voortgangsrapportage): what happened up to a peildatum. Projects completed (in
 * which month, with how many homes per segment), status changes (a soft plan that became hard, a
 * plan that fell through) and projects that were not in the scenario yet. A run that carries one starts
 * from the state at the peildatum: what happened is fixed, only what is still open is random (see
 * ./pipeline).
 *
 * Beside the projects, the report holds the corporation's sales and acquisitions per year (fixed in
 * the forecast up to the peildatum, like completions) and, where known, the allocation figures of a year
 * (lettings, statushouders housed, measured search time). The allocation figures are observations: they
 * are shown beside the forecast, they do not condition it (the allocation model draws its households
 * afresh, so there is nothing in a run to fix them to).
 *
 * The peildatum is a month: the report covers everything up to and including that month.
 */

/** A status a project can move to: one of the pipeline's, or dropped ("vervallen"). */
export const PROGRESS_STATUSES = [...PIPELINE_STATUSES, "vervallen"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

const units = z
  .object({
    sociale_huur: count.default(0),
    middenhuur: count.default(0),
    betaalbare_koop: count.default(0),
    duur: count.default(0),
  })
  .strict();

const completion = z
  .object({
    /** The project's id, in the scenario or among the new projects of this report. */
    project: id,
    /** The month the homes were delivered. */
    month,
    /** The homes delivered per segment; without it, the homes the project planned. */
    units: units.optional(),
    ...provenance,
  })
  .strict();

const statusChange = z
  .object({
    project: id,
    /** The month the status changed. */
    month,
    status: z.enum(PROGRESS_STATUSES),
    /** A new planned completion, when the change came with one. */
    plannedCompletion: month.optional(),
    ...provenance,
  })
  .strict();

/** Homes sold or bought in a year: in the peildatum's year, the months up to the peildatum. */
const yearCount = z
  .object({
    year,
    homes: count,
    /** The corporation that sold or bought (an id in the scenario's `corporations`); the first one without it. */
    corporation: id.optional(),
    ...provenance,
  })
  .strict();

/** What the allocation did in a year, as far as it is known: every figure is optional. */
const allocationYear = z
  .object({
    year,
    /** Social homes let (toewijzingen) in the year. */
    lettings: count.optional(),
    /** Statushouders housed in the year, in persons (as the taakstelling counts them). */
    statushoudersHoused: count.optional(),
    /** The measured median search time of regular home-seekers housed in the year, in years. */
    searchTimeYears: nonNegative.max(100).optional(),
    ...provenance,
  })
  .strict();

export const progressSchema = z
  .object({
    /** Lets editors find the JSON Schema; ignored by the engine. */
    $schema: z.string().optional(),
    name: z.string().min(1),
    description: z.string().optional(),
    /** The last month the report covers (JJJJ-MM). */
    peildatum: month,
    completions: z.array(completion).default([]),
    statusChanges: z.array(statusChange).default([]),
    /** Projects that came up after the scenario was made; their completions go in `completions`. */
    newProjects: z.array(projectSchema).default([]),
    /** The corporation's sales of social homes per year, up to the peildatum. */
    sales: z.array(yearCount).default([]),
    /** Homes bought into the social stock per year, up to the peildatum. */
    acquisitions: z.array(yearCount).default([]),
    /** Allocation figures per year where known: shown beside the forecast, not conditioning it. */
    allocation: z.array(allocationYear).default([]),
    ...provenance,
  })
  .strict();

export type ProgressInput = z.input<typeof progressSchema>;
export type Progress = z.output<typeof progressSchema>;

type Path = (string | number)[];

const isMonth = (v: unknown): v is string => typeof v === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
const abs = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/**
 * Rules that tie a report to its scenario: every project named exists (in the scenario or the report),
 * every month lies between the scenario's start and the peildatum, a project completes at most once and
 * is not both completed and dropped. Reads the raw input defensively, like the scenario's own checks;
 * `at` is where the report sits in the file ([] for a report on its own, ["progress"] in a scenario).
 */
export function checkProgress(
  scenario: Loose,
  progress: unknown,
  at: Path = [],
): { path: Path; message: string }[] {
  const issues: { path: Path; message: string }[] = [];
  const add = (path: Path, message: string) => issues.push({ path: [...at, ...path], message });
  const report = obj(progress);
  const start = obj(scenario.simulation).start;
  const peildatum = report.peildatum;
  const known = new Set<unknown>(list(scenario.projects).map((p) => p.id));
  const realised = new Set<unknown>(
    list(scenario.projects)
      .filter((p) => p.status === "gerealiseerd")
      .map((p) => p.id),
  );
  const newProjects = list(report.newProjects);
  const owner = ownerCheck(scenario, add);
  newProjects.forEach((p, i) => {
    if (known.has(p.id)) add(["newProjects", i, "id"], `project "${String(p.id)}" staat al in het scenario`);
    known.add(p.id);
    owner.any(p.owner, ["newProjects", i, "owner"]);
    owner.corporation(p.buyer, ["newProjects", i, "buyer"]);
  });
  if (isMonth(peildatum) && isMonth(start) && abs(peildatum) < abs(start)) {
    add(["peildatum"], `${peildatum} ligt vóór de start van het scenario (${start})`);
  }
  const inPeriod = (value: unknown, path: Path) => {
    if (!isMonth(value)) return;
    if (isMonth(start) && abs(value) < abs(start))
      add(path, `${value} ligt vóór de start van het scenario (${start})`);
    if (isMonth(peildatum) && abs(value) > abs(peildatum))
      add(path, `${value} ligt na de peildatum (${peildatum})`);
  };
  const project = (value: unknown, path: Path) => {
    if (typeof value !== "string") return;
    if (!known.has(value)) add(path, `onbekend project "${value}"`);
    else if (realised.has(value)) add(path, `project "${value}" was al gerealiseerd bij de start`);
  };
  const completed = new Set<unknown>();
  list(report.completions).forEach((c, i) => {
    project(c.project, ["completions", i, "project"]);
    inPeriod(c.month, ["completions", i, "month"]);
    if (completed.has(c.project))
      add(["completions", i, "project"], `project "${String(c.project)}" is al eerder opgeleverd`);
    completed.add(c.project);
  });
  list(report.statusChanges).forEach((s, i) => {
    project(s.project, ["statusChanges", i, "project"]);
    inPeriod(s.month, ["statusChanges", i, "month"]);
    if (s.status === "vervallen" && completed.has(s.project))
      add(
        ["statusChanges", i, "status"],
        `project "${String(s.project)}" is opgeleverd en kan niet vervallen`,
      );
  });
  const startYear = isMonth(start) ? Number(start.slice(0, 4)) : undefined;
  const peilYear = isMonth(peildatum) ? Number(peildatum.slice(0, 4)) : undefined;
  const corporations = list(scenario.corporations).map((c) => c.id);
  for (const section of ["sales", "acquisitions", "allocation"] as const) {
    const seen = new Map<unknown, number>();
    list(report[section]).forEach((row, i) => {
      if (row.corporation !== undefined && !corporations.includes(row.corporation))
        add(
          [section, i, "corporation"],
          `onbekende corporatie "${String(row.corporation)}"; kies ${corporations.join(", ")}`,
        );
      const y = row.year;
      if (typeof y !== "number") return;
      if (startYear !== undefined && y < startYear)
        add([section, i, "year"], `${y} ligt vóór het startjaar van het scenario (${startYear})`);
      if (peilYear !== undefined && y > peilYear)
        add([section, i, "year"], `${y} ligt na het jaar van de peildatum (${peildatum})`);
      // One row per year (and per corporation, for sales and purchases).
      const key = `${String(row.corporation ?? corporations[0])}:${y}`;
      if (seen.has(key))
        add(
          [section, i, "year"],
          `${y} staat al in rij ${(seen.get(key) as number) + 1}; geef elk jaar één keer`,
        );
      else seen.set(key, i);
    });
  }
  return issues;
}

/**
 * A yearly flow per quarter with the report's actuals up to the peildatum: a quarter that begins in or
 * before the peildatum's month is past, and the year's actual count is spread over the year's past
 * quarters (cumulative rounding, as the plan spreads its yearly figures); quarters after it keep the
 * plan. A year the report does not name keeps the plan: no figure is read as zero.
 */
export function conditionedByQuarter(
  cal: Calendar,
  planned: Float64Array,
  actuals: readonly { year: number; homes: number }[],
  peildatum: string | undefined,
): Float64Array {
  if (peildatum === undefined || actuals.length === 0) return planned;
  const out = Float64Array.from(planned);
  const peil = abs(peildatum) - cal.startAbsMonth;
  for (const { year: y, homes } of actuals) {
    const past: number[] = [];
    for (let q = 0; q < cal.nQuarters; q++) {
      const first = cal.startAbsMonth + 3 * q;
      if (Math.floor(first / 12) === y && 3 * q <= peil) past.push(q);
    }
    past.forEach((q, i) => {
      out[q] = Math.floor((homes * (i + 1)) / past.length) - Math.floor((homes * i) / past.length);
    });
  }
  return out;
}

/** Where a project stands at the peildatum, after the report's status changes. */
export interface ProjectProgress {
  /** The status it draws its delays from; "vervallen" when it fell through. */
  status: ProgressStatus;
  /** Its planned completion, as changed by the report. */
  plannedCompletion: string;
  /** The month it was completed, when it was. */
  completedIn?: string;
  /** The homes delivered, when it was completed. */
  units?: Record<(typeof SEGMENTS)[number], number>;
}

/** The last status change per project (by month; at the same month the later row), applied on a plan. */
export function projectProgress(
  progress: Progress,
  project: { id: string; status: string; plannedCompletion: string },
): ProjectProgress {
  let status = project.status as ProgressStatus;
  let plannedCompletion = project.plannedCompletion;
  const changes = progress.statusChanges
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.project === project.id)
    .sort((a, b) => abs(a.s.month) - abs(b.s.month) || a.i - b.i);
  for (const { s } of changes) {
    status = s.status;
    if (s.plannedCompletion) plannedCompletion = s.plannedCompletion;
  }
  const done = progress.completions.find((c) => c.project === project.id);
  return done
    ? { status, plannedCompletion, completedIn: done.month, units: done.units }
    : { status, plannedCompletion };
}
