import { cellIndex, N_SEGMENTS, type Owners, ownersOf } from "../kernel/cells";
import { PIPELINE_STATUSES, type PipelineStatus, SEGMENTS } from "../kernel/domain";
import { type Figure, figureValue } from "../kernel/figure";
import { nameKey } from "../kernel/random";
import { type Calendar, firstQuarterOfYear, monthsFromStart } from "../kernel/time";
import { conditionedByQuarter, type Progress, projectProgress } from "./progress";
import type { StockInput } from "./schema";

/**
 * The stock and pipeline part of a scenario compiled once into flat typed arrays, so that a run is a
 * loop over numbers: no lookups by name, no objects created per step. Stock cells are laid out as in
 * ../kernel/cells.
 */

/** Per pipeline status: drop-out chance, delay (min, mode, max), objection chance and length (min, mode, max). */
export const STATUS_PARAMS = 8;

export interface StockModel {
  cal: Calendar;
  /** The scenario's owners: its corporations, then other landlords and owner-occupiers (see ../kernel/cells). */
  owners: Owners;
  kernIds: string[];
  nKern: number;
  nCells: number;
  initialStock: Float64Array;

  nProjects: number;
  projectIds: string[];
  projectKey: Uint32Array;
  /**
   * Each project's place when the projects are sorted by id: where the pipeline must choose between two
   * projects (two procedures ending in the same month), it goes by id, so the order of the list in the
   * file changes nothing.
   */
  projectRank: Int32Array;
  projectKern: Int32Array;
  projectOwner: Int32Array;
  /** The corporation that takes the social units of a market party's project (see ../kernel/cells). */
  projectBuyer: Int32Array;
  projectStatus: Int32Array;
  /** Planned completion in months from the start; plans already overdue start at 0. */
  projectPlanned: Int32Array;
  /** Units per segment, `project * 4 + segment`. */
  projectUnits: Float64Array;
  /** Units of each project over its segments, summed in segment order (read every year of every run). */
  projectTotalUnits: Float64Array;
  projectSleutel: Uint8Array;
  /** Months saved by the active acceleration levers that apply to the project. */
  projectLeverMonths: Float64Array;
  /**
   * What a progress report fixed per project: its completion month, DROPPED when it fell through, or
   * OPEN when it is still open (every project, without a report).
   */
  projectFixed: Int32Array;
  /**
   * The peildatum of the progress report in months from the start, or -1 without one: an open project
   * cannot complete in or before it.
   */
  openAfter: number;

  statusParams: Float64Array;
  /** Bit per pipeline status: which statuses need a zoning procedure and so count against capacity. */
  capacityMask: number;
  capacityPerYear: number;
  capacityLeadMonths: number;
  /** Bit for the status whose dropped plans may be replaced (zachte plannen). */
  replaceableMask: number;
  replacementChance: number;
  replacementDelay: number;

  nShocks: number;
  shockKey: Uint32Array;
  /** Each shock's place by id: two shocks that hit in the same month apply in id order, not file order. */
  shockRank: Int32Array;
  shockChance: Float64Array;
  /** min, mode, max per shock. */
  shockDelay: Float64Array;
  shockMask: Int32Array;
  shockFromYear: Int32Array;
  shockToYear: Int32Array;

  /** Per corporation and quarter (`corporation * nQuarters + quarter`): homes sold and bought. */
  salesByQuarter: Float64Array;
  acquisitionsByQuarter: Float64Array;
  /** Per corporation: the segment it buys from, and whether it sells with a warme jas (1) or not (0). */
  acquisitionFromSegment: Int32Array;
  warmeJas: Uint8Array;

  /** Once-a-year events as flat lists: quarter, cell and dwellings. */
  demolitionQuarter: Int32Array;
  demolitionCell: Int32Array;
  demolitionDwellings: Float64Array;
  splittingQuarter: Int32Array;
  splittingFromCell: Int32Array;
  splittingToCell: Int32Array;
  splittingHomes: Float64Array;
  splittingUnitsPerHome: Float64Array;

  opgaveHomes: number;
  opgaveDeadlineYear: number;
  realisedBeforeStart: number;
  inhabitants: number;
  personsPerDwellingChange: number;
  /**
   * `(1 + personsPerDwellingChange) ** (months / 12)` for every month since the start up to the
   * horizon: how the persons per dwelling have thinned by then, worked out once instead of at every
   * year's end of every run.
   */
  personsByMonth: Float64Array;
}

/** A completion month that marks a project that fell through (see ./pipeline). */
export const DROPPED = -1;

/** In `projectFixed`: nothing is known yet, the run draws the project's fate. */
export const OPEN = -2;

export const statusIndex = (status: PipelineStatus): number => PIPELINE_STATUSES.indexOf(status);
const bit = (status: PipelineStatus) => 1 << statusIndex(status);
const maskOf = (statuses: readonly PipelineStatus[]) => statuses.reduce((m, s) => m | bit(s), 0);

/** A yearly count spread over a year's quarters by cumulative rounding; quarters outside the run are skipped. */
function spreadYearly(cal: Calendar, perYear: number, byYear: Record<string, number>): Float64Array {
  const out = new Float64Array(cal.nQuarters);
  for (let q = 0; q < cal.nQuarters; q++) {
    const abs = cal.startAbsMonth + 3 * q;
    const year = Math.floor(abs / 12);
    const quarterOfYear = Math.floor((abs % 12) / 3);
    const n = byYear[String(year)] ?? perYear;
    out[q] = Math.floor((n * (quarterOfYear + 1)) / 4) - Math.floor((n * quarterOfYear) / 4);
  }
  return out;
}

export function compileStock(scenario: StockInput & { progress?: Progress }, cal: Calendar): StockModel {
  const kernIds = scenario.kernen.map((k) => k.id);
  const kernOf = (id: string) => kernIds.indexOf(id);
  const nKern = kernIds.length;
  const owners = ownersOf(scenario.corporations);
  const ownerOf = (id: string) => owners.ids.indexOf(id);
  const nCells = nKern * N_SEGMENTS * owners.nOwners;
  const cell = (kern: string, segment: string, owner: string) =>
    cellIndex(kernOf(kern), SEGMENTS.indexOf(segment as never), ownerOf(owner), owners.nOwners);

  const initialStock = new Float64Array(nCells);
  for (const s of scenario.stock) initialStock[cell(s.kern, s.segment, s.owner)] += figureValue(s.dwellings);

  // Realised projects are already in the starting stock and in `realisedBeforeStart`; a progress
  // report adds the projects that came up since, and sets each project's status and plan as it stands.
  const { progress } = scenario;
  const listed = [...scenario.projects, ...(progress?.newProjects ?? [])].filter(
    (p) => p.status !== "gerealiseerd",
  );
  const projectFixed = new Int32Array(listed.length).fill(OPEN);
  const projects = listed.map((p, i) => {
    if (!progress) return p;
    const now = projectProgress(progress, p);
    if (now.completedIn !== undefined) projectFixed[i] = monthsFromStart(cal, now.completedIn);
    else if (now.status === "vervallen") projectFixed[i] = DROPPED;
    const status = now.status === "vervallen" ? p.status : now.status;
    return { ...p, status, plannedCompletion: now.plannedCompletion, units: now.units ?? p.units };
  });
  const n = projects.length;
  const levers = scenario.pipeline.levers.filter((l) => l.active);
  const projectLeverMonths = new Float64Array(n);
  const projectUnits = new Float64Array(n * N_SEGMENTS);
  projects.forEach((p, i) => {
    SEGMENTS.forEach((s, j) => {
      projectUnits[i * N_SEGMENTS + j] = figureValue(p.units[s] ?? 0);
    });
    const plannedYear = Number(p.plannedCompletion.slice(0, 4));
    for (const l of levers) {
      const applies =
        l.statuses.includes(p.status as PipelineStatus) &&
        (l.owners === undefined || l.owners.includes(p.owner)) &&
        plannedYear >= l.fromYear;
      if (applies) projectLeverMonths[i] += figureValue(l.monthsSaved);
    }
  });

  const statusParams = new Float64Array(PIPELINE_STATUSES.length * STATUS_PARAMS);
  PIPELINE_STATUSES.forEach((status, i) => {
    const a = scenario.pipeline.statuses[status];
    statusParams.set(
      [
        figureValue(a.dropOut),
        figureValue(a.delayMonths.min),
        figureValue(a.delayMonths.mode),
        figureValue(a.delayMonths.max),
        figureValue(a.objection.chance),
        figureValue(a.objection.months.min),
        figureValue(a.objection.months.mode),
        figureValue(a.objection.months.max),
      ],
      i * STATUS_PARAMS,
    );
  });

  const shocks = scenario.pipeline.shocks;
  const { policy } = scenario;
  const eventQuarter = (year: number) => firstQuarterOfYear(cal, year - cal.startYear);
  // The first corporation's sales and purchases are the policy's; the others bring their own or none.
  const trade = scenario.corporations.map((c, i) => ({
    sales: i === 0 ? policy.sales : c.sales,
    acquisitions: i === 0 ? policy.acquisitions : c.acquisitions,
  }));
  // A progress report's sales and purchases replace each corporation's plan up to the peildatum; a row
  // without a corporation is the first one's, like the policy's.
  const byQuarter = (
    pick: (t: (typeof trade)[number]) => { perYear: Figure; byYear: Record<string, number> } | undefined,
    actuals: readonly { year: number; homes: number; corporation?: string }[],
  ) => {
    const out = new Float64Array(trade.length * cal.nQuarters);
    trade.forEach((t, c) => {
      const yearly = pick(t);
      const plan = yearly
        ? spreadYearly(cal, figureValue(yearly.perYear), yearly.byYear)
        : new Float64Array(cal.nQuarters);
      const own = actuals.filter(
        (a) => (a.corporation ?? scenario.corporations[0].id) === scenario.corporations[c].id,
      );
      out.set(conditionedByQuarter(cal, plan, own, progress?.peildatum), c * cal.nQuarters);
    });
    return out;
  };

  return {
    cal,
    owners,
    kernIds,
    nKern,
    nCells,
    initialStock,
    nProjects: n,
    projectIds: projects.map((p) => p.id),
    projectKey: Uint32Array.from(projects, (p) => nameKey(p.id)),
    projectRank: ranksById(projects.map((p) => p.id)),
    projectKern: Int32Array.from(projects, (p) => kernOf(p.kern)),
    projectOwner: Int32Array.from(projects, (p) => ownerOf(p.owner)),
    projectBuyer: Int32Array.from(projects, (p) => (p.buyer === undefined ? 0 : ownerOf(p.buyer))),
    projectStatus: Int32Array.from(projects, (p) => statusIndex(p.status as PipelineStatus)),
    projectPlanned: Int32Array.from(projects, (p) => Math.max(0, monthsFromStart(cal, p.plannedCompletion))),
    projectUnits,
    projectTotalUnits: Float64Array.from({ length: n }, (_, i) => {
      let units = 0;
      for (let s = 0; s < N_SEGMENTS; s++) units += projectUnits[i * N_SEGMENTS + s];
      return units;
    }),
    projectSleutel: Uint8Array.from(projects, (p) => (p.sleutelproject ? 1 : 0)),
    projectLeverMonths,
    projectFixed,
    openAfter: progress ? monthsFromStart(cal, progress.peildatum) : -1,
    statusParams,
    capacityMask: maskOf(scenario.pipeline.capacity.statuses),
    capacityPerYear: figureValue(scenario.pipeline.capacity.projectsPerYear),
    capacityLeadMonths: figureValue(scenario.pipeline.capacity.leadMonths),
    replaceableMask: bit("zacht"),
    replacementChance: figureValue(scenario.pipeline.replacement.chance),
    replacementDelay: figureValue(scenario.pipeline.replacement.delayMonths),
    nShocks: shocks.length,
    shockKey: Uint32Array.from(shocks, (s) => nameKey(`schok:${s.id}`)),
    shockRank: ranksById(shocks.map((s) => s.id)),
    shockChance: Float64Array.from(shocks, (s) => figureValue(s.chancePerYear)),
    shockDelay: Float64Array.from(
      shocks.flatMap((s) => [
        figureValue(s.delayMonths.min),
        figureValue(s.delayMonths.mode),
        figureValue(s.delayMonths.max),
      ]),
    ),
    shockMask: Int32Array.from(shocks, (s) => maskOf(s.statuses)),
    shockFromYear: Int32Array.from(shocks, (s) => s.fromYear),
    shockToYear: Int32Array.from(shocks, (s) => s.toYear),
    salesByQuarter: byQuarter((t) => t.sales, progress?.sales ?? []),
    acquisitionsByQuarter: byQuarter((t) => t.acquisitions, progress?.acquisitions ?? []),
    // Without purchases of its own the segment is moot; the policy's keeps the cells valid.
    acquisitionFromSegment: Int32Array.from(trade, (t) =>
      SEGMENTS.indexOf((t.acquisitions ?? policy.acquisitions).fromSegment),
    ),
    warmeJas: Uint8Array.from(trade, (t) => (t.sales?.warmeJas ? 1 : 0)),
    demolitionQuarter: Int32Array.from(policy.demolitions, (d) => eventQuarter(d.year)),
    demolitionCell: Int32Array.from(policy.demolitions, (d) => cell(d.kern, d.segment, d.owner)),
    demolitionDwellings: Float64Array.from(policy.demolitions, (d) => d.dwellings),
    splittingQuarter: Int32Array.from(policy.splittings, (s) => eventQuarter(s.year)),
    splittingFromCell: Int32Array.from(policy.splittings, (s) => cell(s.kern, s.segment, s.owner)),
    splittingToCell: Int32Array.from(policy.splittings, (s) => cell(s.kern, s.toSegment, s.owner)),
    splittingHomes: Float64Array.from(policy.splittings, (s) => s.homes),
    splittingUnitsPerHome: Float64Array.from(policy.splittings, (s) => s.unitsPerHome),
    opgaveHomes: figureValue(scenario.opgave.homes),
    opgaveDeadlineYear: scenario.opgave.deadlineYear,
    realisedBeforeStart: figureValue(scenario.opgave.realisedBeforeStart),
    inhabitants: figureValue(scenario.municipality.inhabitants),
    personsPerDwellingChange: figureValue(scenario.municipality.personsPerDwellingChange),
    personsByMonth: Float64Array.from(
      { length: cal.nQuarters * 3 + 1 },
      (_, months) => (1 + figureValue(scenario.municipality.personsPerDwellingChange)) ** (months / 12),
    ),
  };
}

/** The place of each id in the sorted list of ids (ids are unique, so this is a permutation). */
function ranksById(ids: readonly string[]): Int32Array {
  const sorted = ids.map((id, i) => ({ id, i })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rank = new Int32Array(ids.length);
  sorted.forEach(({ i }, r) => {
    rank[i] = r;
  });
  return rank;
}
