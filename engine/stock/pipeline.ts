import { triangular, triangularCdf, uniform } from "../kernel/random";
import { DROPPED, OPEN, STATUS_PARAMS, type StockModel } from "./compile";

/**
 * The building pipeline of one run: when does each project complete, if at all?
 *
 * Slot `p` holds project p; slot `nProjects + p` holds the replacement plan for p when p is a dropped
 * soft plan that gets replaced (the national 130% plan-capacity rule exists because about a third of
 * plans drop out or slip). A slot holds the completion month counted from the start, or DROPPED.
 */
export { DROPPED };

/** Draw indices per project: each purpose its own, so adding a purpose never shifts the others. */
const DRAW = { dropOut: 0, delay: 1, objection: 2, objectionMonths: 3, replaced: 4 } as const;

export interface PipelineWork {
  /** Completion month per slot, length 2 × nProjects. */
  completion: Int32Array;
  /** Status index per slot (a replacement is a soft plan again). */
  status: Int32Array;
  order: Int32Array;
  procedureMonth: Float64Array;
  capacityUsed: Int32Array;
  /** The shocks that hit in the year being drawn: their month, delay and the order they apply in. */
  shockHit: Float64Array;
  shockMonths: Float64Array;
  shockOrder: Int32Array;
}

export function pipelineWork(model: StockModel): PipelineWork {
  const slots = 2 * model.nProjects;
  return {
    completion: new Int32Array(slots),
    status: new Int32Array(slots),
    order: new Int32Array(slots),
    procedureMonth: new Float64Array(slots),
    // Procedures pushed past the horizon still need a year to land in.
    capacityUsed: new Int32Array(model.cal.nYears + slots + 1),
    shockHit: new Float64Array(model.nShocks),
    shockMonths: new Float64Array(model.nShocks),
    shockOrder: new Int32Array(model.nShocks),
  };
}

export function samplePipeline(model: StockModel, run: number, work: PipelineWork): void {
  const { nProjects, statusParams: sp } = model;
  const { completion, status } = work;
  const replaceable = model.replaceableMask;

  const openAfter = model.openAfter;
  for (let p = 0; p < nProjects; p++) {
    const key = model.projectKey[p];
    const s = model.projectStatus[p];
    const r = nProjects + p;
    status[p] = s;
    status[r] = s;
    // What a progress report recorded is fixed: completed in its month, or fallen through for good.
    const fixed = model.projectFixed[p];
    if (fixed !== OPEN) {
      completion[p] = fixed;
      completion[r] = DROPPED;
      continue;
    }
    const o = s * STATUS_PARAMS;
    const objection =
      uniform(run, key, DRAW.objection) < sp[o + 4]
        ? triangular(uniform(run, key, DRAW.objectionMonths), sp[o + 5], sp[o + 6], sp[o + 7])
        : 0;
    const u = uniform(run, key, DRAW.delay);
    let month: number;
    if (openAfter < 0) {
      const delay = triangular(u, sp[o + 1], sp[o + 2], sp[o + 3]);
      // Levers shorten the whole path, but nothing completes before the run starts.
      month = Math.max(
        0,
        Math.round(model.projectPlanned[p] + delay + objection - model.projectLeverMonths[p]),
      );
    } else {
      const path = model.projectPlanned[p] + objection - model.projectLeverMonths[p];
      month = openAfterPeildatum(u, path, openAfter, sp[o + 1], sp[o + 2], sp[o + 3]);
    }
    const dropped = uniform(run, key, DRAW.dropOut) < sp[o];
    completion[p] = dropped ? DROPPED : month;
    completion[r] =
      dropped && ((1 << s) & replaceable) !== 0 && uniform(run, key, DRAW.replaced) < model.replacementChance
        ? Math.round(month + model.replacementDelay)
        : DROPPED;
  }
  applyShocks(model, run, work);
  applyCapacity(model, work);
}

/**
 * The completion month of a project still open at the peildatum: it was not completed by then, so its
 * delay is drawn given that it is late enough: u maps into [F(needed), 1) of the status's delay
 * (a truncated triangular), which leaves a project planned well after the peildatum as it was. A
 * project later than the longest delay the status allows gets a fresh delay from the month after the
 * peildatum.
 */
function openAfterPeildatum(
  u: number,
  path: number,
  openAfter: number,
  min: number,
  mode: number,
  max: number,
): number {
  // The smallest delay that rounds to a month after the peildatum.
  const needed = openAfter + 0.5 - path;
  const floor = triangularCdf(needed, min, mode, max);
  if (floor >= 1) return openAfter + 1 + Math.round(triangular(u, min, mode, max) - min);
  const delay = triangular(floor + u * (1 - floor), min, mode, max);
  return Math.max(openAfter + 1, Math.round(path + delay));
}

/**
 * A shock (a stikstof ruling, grid congestion) delays every affected project not yet completed when it
 * hits. The shocks of a year apply in the order they hit (at the same month by id), so a project that
 * one shock pushed past another's month is hit by that one too — whatever order the file lists them in.
 */
function applyShocks(model: StockModel, run: number, work: PipelineWork): void {
  const { completion, status, shockHit, shockMonths, shockOrder } = work;
  const { cal } = model;
  const slots = completion.length;
  const d = model.shockDelay;
  for (let y = 0; y < cal.nYears; y++) {
    const year = cal.startYear + y;
    let n = 0;
    for (let k = 0; k < model.nShocks; k++) {
      if (year < model.shockFromYear[k] || year > model.shockToYear[k]) continue;
      const key = model.shockKey[k];
      if (uniform(run, key, 4 * year) >= model.shockChance[k]) continue;
      shockHit[k] = year * 12 + Math.floor(12 * uniform(run, key, 4 * year + 1)) - cal.startAbsMonth;
      shockMonths[k] = Math.round(
        triangular(uniform(run, key, 4 * year + 2), d[3 * k], d[3 * k + 1], d[3 * k + 2]),
      );
      // Insertion by (month of the hit, id): a handful of shocks, and it allocates nothing.
      let j = n++;
      while (
        j > 0 &&
        (shockHit[shockOrder[j - 1]] > shockHit[k] ||
          (shockHit[shockOrder[j - 1]] === shockHit[k] &&
            model.shockRank[shockOrder[j - 1]] > model.shockRank[k]))
      ) {
        shockOrder[j] = shockOrder[j - 1];
        j--;
      }
      shockOrder[j] = k;
    }
    for (let j = 0; j < n; j++) {
      const k = shockOrder[j];
      const hit = shockHit[k];
      const mask = model.shockMask[k];
      for (let i = 0; i < slots; i++) {
        // A completion a progress report recorded has happened: no shock moves it.
        if (i < model.nProjects && model.projectFixed[i] !== OPEN) continue;
        // A hit before the start has a negative month: DROPPED (-1) must not be mistaken for a plan.
        if (completion[i] !== DROPPED && completion[i] > hit && ((1 << status[i]) & mask) !== 0) {
          completion[i] += shockMonths[k];
        }
      }
    }
  }
}

/**
 * The municipality can carry only so many projects through their zoning procedure a year. Projects
 * that need one queue in order of when their procedure should end, and at the same month by project
 * id (a replacement plan after the plan it replaces), never by their place in the file; a project that
 * finds its year full waits for the next year with room, and completes that much later.
 */
function applyCapacity(model: StockModel, work: PipelineWork): void {
  const { completion, status, order, procedureMonth, capacityUsed } = work;
  const slots = completion.length;
  const perYear = model.capacityPerYear;
  const startOffset = model.cal.startAbsMonth % 12;
  capacityUsed.fill(0);
  let n = 0;
  for (let i = 0; i < slots; i++) {
    if (completion[i] === DROPPED || ((1 << status[i]) & model.capacityMask) === 0) continue;
    procedureMonth[i] = Math.max(0, completion[i] - model.capacityLeadMonths);
    // A project a progress report recorded as completed had its procedure: it took its year's room.
    if (i < model.nProjects && model.projectFixed[i] !== OPEN) {
      capacityUsed[Math.floor((startOffset + procedureMonth[i]) / 12)]++;
      continue;
    }
    // Insertion sort: a few dozen projects, and it allocates nothing.
    let j = n++;
    while (j > 0 && queuesAfter(model, procedureMonth, order[j - 1], i)) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = i;
  }
  for (let j = 0; j < n; j++) {
    const i = order[j];
    const wanted = Math.floor((startOffset + procedureMonth[i]) / 12);
    // A procedure that ends after the horizon cannot push anything inside it.
    if (wanted >= model.cal.nYears) continue;
    let year = wanted;
    while (capacityUsed[year] >= perYear) year++;
    capacityUsed[year]++;
    completion[i] += 12 * (year - wanted);
  }
}

/** Whether slot `a` queues after slot `b`: later procedure end, or the same month and a later id. */
function queuesAfter(model: StockModel, procedureMonth: Float64Array, a: number, b: number): boolean {
  if (procedureMonth[a] !== procedureMonth[b]) return procedureMonth[a] > procedureMonth[b];
  const n = model.nProjects;
  // Rank by id, the replacement slot (index ≥ n) just after its own project.
  const tie = (i: number) => 2 * model.projectRank[i % n] + (i >= n ? 1 : 0);
  return tie(a) > tie(b);
}
