import { uniform } from "../kernel/random";
import { type AllocationContext, ageAt, DRAW, tally } from "./context";
import { GEOMETRIC_STEPS } from "./draw";
import { rentCeilingBand } from "./households";
import { countRegistration, dequeue, enqueue, leaveQueue } from "./queues";
import {
  countTenant,
  MOVED_OUT,
  OCCUPIED,
  setHouseholdState,
  TENANT,
  TENANT_WAITING,
  typeKernCategory,
  VACANT,
  WAITING,
} from "./state";
import {
  DWELLING_TYPES,
  EENGEZINS,
  FROM_CHAIN,
  INCOME_LOW,
  N_GROUPS,
  N_REGULAR_TYPES,
  REGULIER,
  STATUSHOUDER,
  VRIJ,
} from "./vocabulary";

/**
 * Households moving in and out of social homes: registering as a home-seeker, being housed, moving
 * out, and the vacancy each move leaves behind.
 */

/** A draw of quarters until an event of hazard class `cls` (see ./draw). */
function quartersUntilEvent(ctx: AllocationContext, cls: number, u: number): number {
  return ctx.am.geometric[cls * GEOMETRIC_STEPS + Math.floor(u * GEOMETRIC_STEPS)];
}

/** The move-out hazard class of household `h` entering home `d`: by the head's age and the type of home. */
export function moveOutClass(ctx: AllocationContext, h: number, d: number, quarter: number): number {
  const { am } = ctx;
  const age = ageAt(ctx, h, Math.max(quarter, 0));
  let ageClass = 0;
  while (ageClass + 1 < am.turnoverFromAge.length && am.turnoverFromAge[ageClass + 1] <= age) ageClass++;
  return ageClass * DWELLING_TYPES.length + ctx.st.dwType[d];
}

function link(ctx: AllocationContext, head: Int32Array, quarter: number, h: number): void {
  const { st } = ctx;
  const e = st.nExits++;
  st.exitHousehold[e] = h;
  st.exitNext[e] = head[quarter];
  head[quarter] = e;
}

/**
 * Draw when a tenant of home `d` (moved in at `quarter`) moves out, with hazard class `cls`, and file it
 * under that quarter. The chance depends on the head's age class and the type of home at moving in; it
 * is not redrawn as the tenant ages (a ten-year horizon moves few tenants across a class). A tenant of
 * a family home also gets the quarter it would register as a doorstromer, once old enough.
 */
export function scheduleMoveOut(
  ctx: AllocationContext,
  h: number,
  d: number,
  quarter: number,
  cls: number,
): void {
  const { am, st } = ctx;
  const key = h * 8 + st.hhMoves[h];
  const exit = quarter + quartersUntilEvent(ctx, cls, uniform(ctx.run, DRAW.moveOut, key));
  st.hhExit[h] = exit < ctx.nQuarters ? exit : -1;
  if (exit < ctx.nQuarters) link(ctx, st.exitHead, exit, h);
  st.hhDoorstroom[h] = -1;
  if (!am.doorstroomActive || st.dwType[d] !== EENGEZINS) return;
  const turns = st.hhBorn[h] + am.doorstroomFromAge - am.startYear;
  if (turns >= ctx.nYears) return;
  const from = Math.max(quarter + 1, turns <= 0 ? 0 : am.yearStartQuarter[turns]);
  const registers =
    from - 1 + quartersUntilEvent(ctx, am.doorstroomClass, uniform(ctx.run, DRAW.doorstroom, key));
  if (registers >= ctx.nQuarters || (st.hhExit[h] >= 0 && registers >= st.hhExit[h])) return;
  st.hhDoorstroom[h] = registers;
  link(ctx, st.doorstroomHead, registers, h);
}

/**
 * When a new registrant would leave the waiting list, counting from `quarter`, from uniform `u` (or, when
 * `step` ≥ 0, the step of the table a uniform falls in: `floor(u * GEOMETRIC_STEPS)`); filed.
 */
export function scheduleLeave(
  ctx: AllocationContext,
  h: number,
  quarter: number,
  u: number,
  step = -1,
): void {
  const { st } = ctx;
  const cls = ctx.am.leaveClass;
  const leave =
    quarter + (step >= 0 ? ctx.am.geometric[cls * GEOMETRIC_STEPS + step] : quartersUntilEvent(ctx, cls, u));
  st.hhLeave[h] = leave;
  if (leave < ctx.nQuarters) link(ctx, st.leaveHead, leave, h);
}

/**
 * Register household `h` in queue `group` now; `step` (a whole number, so no boxed number is passed)
 * draws when it would leave, as `floor(u * GEOMETRIC_STEPS)` of a uniform u (default −1: its own draw,
 * keyed by household and tenancy).
 */
export function register(ctx: AllocationContext, h: number, group: number, step = -1): void {
  const { st } = ctx;
  setHouseholdState(st, h, st.hhDwelling[h] >= 0 ? TENANT_WAITING : WAITING);
  st.hhRegistered[h] = ctx.quarter;
  if (step >= 0) scheduleLeave(ctx, h, ctx.quarter, 0, step);
  else scheduleLeave(ctx, h, ctx.quarter, uniform(ctx.run, DRAW.leaveQueue, h * 8 + st.hhMoves[h]));
  enqueue(ctx, h, group);
  countRegistration(ctx);
}

/** Home `d` falls vacant for `source` and joins the homes to let. */
export function vacate(ctx: AllocationContext, d: number, source: number): void {
  const { st, lay } = ctx;
  if (st.dwState[d] === OCCUPIED) countTenant(st, d, -1);
  st.dwState[d] = VACANT;
  st.dwTenant[d] = -1;
  st.dwSource[d] = source;
  st.dwVacantSince[d] = ctx.quarter;
  st.vacant[st.nVacant++] = d;
  tally(ctx, lay.vacancies[source], 1);
  tally(ctx, lay.vacanciesTotal, 1);
  tally(ctx, lay.kernVacancies[st.dwKern[d]], 1);
}

/** A tenant leaves the social stock (moves away, into care, dies, or buys a home); the home is freed. */
export function moveOut(ctx: AllocationContext, h: number, source: number): void {
  const { st } = ctx;
  const d = st.hhDwelling[h];
  if (st.hhState[h] === TENANT_WAITING) leaveQueue(ctx, h, ctx.quarter);
  setHouseholdState(st, h, MOVED_OUT);
  st.hhDwelling[h] = -1;
  st.hhExit[h] = -1;
  if (source >= 0) vacate(ctx, d, source);
}

/** Whether an allocation of `d` to `h` keeps within the passend-toewijzen ceiling (or the rule does not apply). */
export function isPassend(ctx: AllocationContext, h: number, d: number): boolean {
  const { st } = ctx;
  return st.hhClass[h] !== INCOME_LOW || st.dwBand[d] <= rentCeilingBand(st.hhSize[h]);
}

/**
 * Household `h`, chosen from queue `group`, gets home `d`. A sitting tenant (a doorstromer) frees the home
 * it leaves: the next link of the moving chain.
 */
export function house(ctx: AllocationContext, h: number, d: number, group: number, exception: boolean): void {
  const { st, lay } = ctx;
  const q = ctx.quarter;
  countSearchTime(ctx, group, st.hhType[h], st.dwKern[d], q - st.hhRegistered[h]);
  tally(ctx, lay.allocationsTotal, 1);
  tally(ctx, lay.allocations[group], 1);
  tally(ctx, lay.kernAllocations[st.dwKern[d]], 1);
  if (st.hhClass[h] === INCOME_LOW) {
    // The monitored share: appropriate allocations among those to households under the income limit.
    st.passendTargetThisYear++;
    if (isPassend(ctx, h, d)) st.passendThisYear++;
  }
  if (exception) tally(ctx, lay.passendExceptions, 1);
  st.allocatedThisYear++;
  if (group === VRIJ) st.freeThisYear++;
  if (group === STATUSHOUDER) {
    st.housedStatushouderPersons += st.hhSize[h];
    tally(ctx, lay.statushoudersHoused, st.hhSize[h]);
  }
  const previous = st.hhDwelling[h];
  if (previous >= 0) {
    st.hhDwelling[h] = -1;
    vacate(ctx, previous, FROM_CHAIN);
  }
  dequeue(ctx, h);
  setHouseholdState(st, h, TENANT);
  st.hhDwelling[h] = d;
  st.dwState[d] = OCCUPIED;
  st.dwTenant[d] = h;
  countTenant(st, d, 1);
  const cell = st.dwKern[d] * ctx.am.nOwners + st.dwOwner[d];
  if (d < st.firstOccupied[cell]) st.firstOccupied[cell] = d;
  if (ctx.letting) ctx.letting(h, d);
  st.hhMoves[h]++;
  scheduleMoveOut(ctx, h, d, q, moveOutClass(ctx, h, d, q));
  if (ctx.observer?.allocated) ctx.observer.allocated(q, h, d, group, exception);
}

/**
 * Count an allocation's search time (whole quarters) in its group, its household type (whole municipality
 * and kern) and, for regular seekers, its kern.
 */
function countSearchTime(
  ctx: AllocationContext,
  group: number,
  type: number,
  kern: number,
  quarters: number,
): void {
  const { st, am } = ctx;
  const bins = am.searchBins;
  st.searchHistogram[group * bins + quarters]++;
  st.searchCount[group]++;
  if (type < N_REGULAR_TYPES) {
    st.searchHistogram[(N_GROUPS + type) * bins + quarters]++;
    st.searchCount[N_GROUPS + type]++;
    const byKern = typeKernCategory(am.nKern, type, kern);
    st.searchHistogram[byKern * bins + quarters]++;
    st.searchCount[byKern]++;
  }
  if (group === REGULIER) {
    const category = N_GROUPS + N_REGULAR_TYPES + kern;
    st.searchHistogram[category * bins + quarters]++;
    st.searchCount[category]++;
  }
}
