import { uniform } from "../random";
import { type AllocationContext, ageAt, DRAW, tally } from "./context";
import { quartersUntil } from "./draw";
import { rentCeilingBand } from "./households";
import { countRegistration, dequeue, enqueue, leaveQueue } from "./queues";
import { MOVED_OUT, OCCUPIED, TENANT, TENANT_WAITING, VACANT, WAITING } from "./state";
import { DWELLING_TYPES, FROM_CHAIN, INCOME_LOW, STATUSHOUDER, VRIJ } from "./vocabulary";

/**
 * Households moving in and out of social homes: registering as a home-seeker, being housed, moving
 * out, and the vacancy each move leaves behind.
 */

/**
 * Draw when a tenant of home `d` moves out, counting from `quarter`, and file it under that quarter.
 * The chance depends on the head's age class and the type of home at moving in (it is not redrawn as
 * the tenant ages: a ten-year horizon moves few tenants across a class).
 */
export function scheduleMoveOut(ctx: AllocationContext, h: number, d: number, quarter: number): void {
  const { am, st } = ctx;
  const age = ageAt(ctx, h, Math.max(quarter, 0));
  let ageClass = 0;
  while (ageClass + 1 < am.turnoverFromAge.length && am.turnoverFromAge[ageClass + 1] <= age) ageClass++;
  const logStay = am.turnoverLogStay[ageClass * DWELLING_TYPES.length + st.dwType[d]];
  const exit = quarter + quartersUntil(uniform(ctx.run, DRAW.moveOut, h * 8 + st.hhMoves[h]), logStay);
  st.hhExit[h] = exit < ctx.nQuarters ? exit : -1;
  if (exit >= ctx.nQuarters) return;
  const e = st.nExits++;
  st.exitHousehold[e] = h;
  st.exitNext[e] = st.exitHead[exit];
  st.exitHead[exit] = e;
}

/** Draw when a new registrant would leave the waiting list, counting from `quarter`. */
export function scheduleLeave(ctx: AllocationContext, h: number, quarter: number): void {
  const { st } = ctx;
  const after = quartersUntil(uniform(ctx.run, DRAW.leaveQueue, h * 8 + st.hhMoves[h]), ctx.am.queueLogStay);
  st.hhLeave[h] = after === Number.POSITIVE_INFINITY ? 2147483647 : Math.min(2147483647, quarter + after);
}

/** Register household `h` in queue `group` now. */
export function register(ctx: AllocationContext, h: number, group: number): void {
  const { st } = ctx;
  st.hhState[h] = st.hhDwelling[h] >= 0 ? TENANT_WAITING : WAITING;
  st.hhRegistered[h] = ctx.quarter;
  scheduleLeave(ctx, h, ctx.quarter);
  enqueue(ctx, h, group);
  countRegistration(ctx);
}

/** Home `d` falls vacant for `source` and joins the homes to let. */
export function vacate(ctx: AllocationContext, d: number, source: number): void {
  const { st, lay } = ctx;
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
  st.hhState[h] = MOVED_OUT;
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
  const n = st.nYear++;
  st.yearSearch[n] = (q - st.hhRegistered[h]) / 4;
  st.yearGroup[n] = group;
  st.yearKern[n] = st.dwKern[d];
  st.yearType[n] = st.hhType[h];
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
  st.hhState[h] = TENANT;
  st.hhDwelling[h] = d;
  st.dwState[d] = OCCUPIED;
  st.dwTenant[d] = h;
  st.hhMoves[h]++;
  scheduleMoveOut(ctx, h, d, q);
  if (ctx.observer?.allocated) ctx.observer.allocated(q, h, d, group, exception);
}
