import { uniform } from "../kernel/random";
import type { StockWork } from "../stock/step";
import { arrivalGroup } from "./compile";
import { type AllocationContext, type AllocationObserver, DRAW, tally } from "./context";
import { GEOMETRIC_STEPS } from "./draw";
import { LISTS_PER_KERN, listBase } from "./lists";
import { POOL, POOL_AGE, POOL_CLASS, POOL_KERN, POOL_LOCAL, POOL_SIZE } from "./model";
import { dequeue, headOf, leaveQueue } from "./queues";
import { startYear } from "./record";
import { chooseHousehold } from "./rules";
import {
  countTenant,
  HOUSED_ELSEWHERE,
  OCCUPIED,
  setHouseholdState,
  TENANT,
  TENANT_WAITING,
  WAITING,
} from "./state";
import { syncWithStock } from "./sync";
import { house, moveOut, register, scheduleLeave, scheduleMoveOut } from "./tenancy";
import {
  DOORSTROMER,
  EENGEZINS,
  FROM_TURNOVER,
  HOUSEHOLD_TYPES,
  STATUSHOUDER,
  TYPE_STATUSHOUDER,
} from "./vocabulary";

/**
 * One quarter of the allocation microsimulation, after the stock model has stepped: home-seekers
 * arrive, seniors register to move on, tenants move out, the list of homes follows the stock's sales,
 * acquisitions, completions and demolitions, and every vacant home is offered by the rules.
 */

/** Reset the state for a new run: the starting homes, tenants and waiting list, with this run's draws. */
export function startAllocationRun(
  ctx: AllocationContext,
  run: number,
  record: Float64Array,
  observer?: AllocationObserver,
): void {
  const { am, st } = ctx;
  ctx.run = run;
  ctx.record = record;
  ctx.quarter = 0;
  ctx.year = 0;
  ctx.observer = observer;
  const nD = am.nInitialDwellings;
  st.nDwellings = nD;
  st.dwKern.set(am.initKern);
  st.dwOwner.set(am.initOwner);
  st.dwType.set(am.initType);
  st.dwRooms.set(am.initRooms);
  st.dwBand.set(am.initBand);
  st.dwLabel.set(am.initLabel);
  st.dwState.fill(OCCUPIED, 0, nD);
  for (let d = 0; d < nD; d++) st.dwTenant[d] = d;
  const nH = am.nInitialHouseholds;
  st.nHouseholds = nH;
  st.hhType.set(am.initHhType);
  st.hhSize.set(am.initHhSize);
  st.hhBorn.set(am.initHhBorn);
  st.hhIncome.set(am.initHhIncome);
  st.hhClass.set(am.initHhClass);
  st.hhKernPref.set(am.initHhKernPref);
  st.hhLocal.set(am.initHhLocal);
  st.hhRegistered.set(am.initHhRegistered);
  st.hhMoves.fill(0, 0, nH);
  // The waiting list at the start is the same in every run: its queues are copied whole.
  const start = am.initialQueue;
  st.hhGroup.set(start.hhGroup);
  st.hhRegistration.set(start.hhRegistration);
  st.entryHousehold.set(start.entryHousehold);
  st.entryRegistration.set(start.entryRegistration);
  st.entryNext.set(start.entryNext);
  st.listHead.set(start.listHead);
  st.listTail.set(start.listTail);
  st.listMask.set(start.listMask);
  st.waitingInGroup.set(start.waitingInGroup);
  st.nEntries = start.entryHousehold.length;
  st.nRegistrations = start.nRegistrations;
  st.exitHead.fill(-1);
  st.doorstroomHead.fill(-1);
  st.leaveHead.fill(-1);
  st.nExits = 0;
  st.nVacant = 0;
  st.nActive = nD;
  st.nSales = 0;
  st.taakstellingPersons = 0;
  st.housedStatushouderPersons = 0;
  st.arrivedStatushouderPersons = 0;
  st.arrivalsExpected.fill(0);
  st.arrivalsMade.fill(0);
  for (let h = 0; h < nD; h++) {
    st.hhState[h] = TENANT;
    st.hhDwelling[h] = h;
    // From quarter −1, so a tenant may already move out in the first quarter.
    scheduleMoveOut(ctx, h, h, -1, am.initMoveOutClass[h]);
  }
  for (let h = nD; h < nH; h++) {
    st.hhState[h] = WAITING;
    st.hhDwelling[h] = -1;
    scheduleLeave(ctx, h, -1, 0, Math.floor(uniform(run, DRAW.leaveQueue, h * 8) * GEOMETRIC_STEPS));
  }
  countAtStart(ctx);
  startYear(ctx, 0);
}

/** The running counts of the yearly records (see ./state), from the homes and households at the start. */
function countAtStart(ctx: AllocationContext): void {
  const { am, st } = ctx;
  st.tenantsByBorn.fill(0);
  st.seekersByBorn.fill(0);
  st.bandHomes.fill(0);
  st.corporationsByLabel.fill(0);
  st.firstOccupied.fill(0);
  for (let d = 0; d < am.nInitialDwellings; d++) {
    countTenant(st, d, 1);
    st.bandHomes[st.dwBand[d]]++;
    if (st.dwOwner[d] < am.nCorporations) st.corporationsByLabel[st.dwLabel[d]]++;
  }
  for (let h = am.nInitialDwellings; h < am.nInitialHouseholds; h++)
    st.seekersByBorn[st.hhBorn[h] - st.bornBase]++;
}

/**
 * Step quarter `quarter` (in year index `year`). `populationFactor` is the population against the start
 * (arrivals scale with it) and `inhabitants` the population itself (the taakstelling follows it).
 */
export function stepAllocation(
  ctx: AllocationContext,
  quarter: number,
  year: number,
  populationFactor: number,
  inhabitants: number,
  stock: StockWork,
): void {
  ctx.quarter = quarter;
  ctx.year = year;
  leaveQueueOfQuarter(ctx);
  registerDoorstromers(ctx);
  arrive(ctx, populationFactor, inhabitants);
  moveOutsOfQuarter(ctx);
  syncWithStock(ctx, stock);
  allocateVacancies(ctx);
  houseElsewhere(ctx);
  if (ctx.observer?.quarterEnd) ctx.observer.quarterEnd(quarter);
}

/** New home-seekers of the quarter, and statushouders up to the taakstelling so far. */
function arrive(ctx: AllocationContext, populationFactor: number, inhabitants: number): void {
  const { am, st } = ctx;
  for (let t = 0; t < HOUSEHOLD_TYPES.length; t++) {
    st.arrivalsExpected[t] += am.arrivalsPerQuarter[t] * populationFactor;
    while (st.arrivalsMade[t] < Math.floor(st.arrivalsExpected[t] + 1e-9)) {
      newHomeSeeker(ctx, t);
      st.arrivalsMade[t]++;
    }
  }
  const taakstelling = am.taakstellingPerInhabitant[ctx.quarter] * inhabitants;
  st.taakstellingPersons += taakstelling;
  tally(ctx, ctx.lay.statushoudersTaakstelling, taakstelling);
  while (st.arrivedStatushouderPersons < st.taakstellingPersons) {
    st.arrivedStatushouderPersons += st.hhSize[newHomeSeeker(ctx, TYPE_STATUSHOUDER)];
  }
}

/** A new household of type `type` from the pool registers now; returns its index. */
function newHomeSeeker(ctx: AllocationContext, type: number): number {
  const { am, st } = ctx;
  const h = st.nHouseholds++;
  if (h >= am.capHouseholds) throw new Error("toewijzing: meer huishoudens dan de berekende bovengrens");
  // One draw picks the household from the pool (its first bits) and when it would leave (the rest).
  const u = uniform(ctx.run, DRAW.arrival, h) * POOL;
  const slot = type * POOL + Math.floor(u);
  const row = slot * am.poolStride;
  const pool = am.poolRows;
  st.hhType[h] = type;
  st.hhSize[h] = pool[row + POOL_SIZE];
  st.hhBorn[h] = am.yearOfQuarter[ctx.quarter] - pool[row + POOL_AGE];
  st.hhIncome[h] = am.poolIncome[slot];
  // The income limits of the year of registration decide the household's class.
  const cls = pool[row + POOL_CLASS + ctx.year];
  st.hhClass[h] = cls;
  st.hhKernPref[h] = pool[row + POOL_KERN] - 1;
  st.hhLocal[h] = pool[row + POOL_LOCAL];
  // The row may hold a household of an earlier run: start it from no state at all.
  st.hhState[h] = 0;
  st.hhDwelling[h] = -1;
  st.hhMoves[h] = 0;
  st.hhGroup[h] = -1;
  st.hhRegistration[h] = 0;
  register(ctx, h, arrivalGroup(type, cls), Math.floor((u - Math.floor(u)) * GEOMETRIC_STEPS));
  return h;
}

/**
 * Senior tenants of a family home whose registration falls in this quarter register for a nultredenwoning
 * in their own kern (doorstroming, the agreement's H5). When housed, their family home falls vacant: a
 * moving chain. Entries of tenants who moved or registered since are stale.
 */
function registerDoorstromers(ctx: AllocationContext): void {
  const { st } = ctx;
  const q = ctx.quarter;
  for (let e = st.doorstroomHead[q]; e >= 0; e = st.exitNext[e]) {
    const h = st.exitHousehold[e];
    const d = st.hhDwelling[h];
    if (st.hhDoorstroom[h] !== q || st.hhState[h] !== TENANT || d < 0 || st.dwType[d] !== EENGEZINS) continue;
    st.hhKernPref[h] = st.dwKern[d];
    register(ctx, h, DOORSTROMER);
  }
}

/** Home-seekers whose departure from the queue falls in this quarter leave it; stale events are skipped. */
function leaveQueueOfQuarter(ctx: AllocationContext): void {
  const { st } = ctx;
  const q = ctx.quarter;
  for (let e = st.leaveHead[q]; e >= 0; e = st.exitNext[e]) {
    const h = st.exitHousehold[e];
    if (st.hhLeave[h] === q && st.hhRegistration[h] !== 0) leaveQueue(ctx, h, q);
  }
}

/** Tenants whose move-out falls in this quarter leave; entries of tenants who moved since are stale. */
function moveOutsOfQuarter(ctx: AllocationContext): void {
  const { st } = ctx;
  const q = ctx.quarter;
  for (let e = st.exitHead[q]; e >= 0; e = st.exitNext[e]) {
    const h = st.exitHousehold[e];
    const state = st.hhState[h];
    if (st.hhExit[h] !== q || (state !== TENANT && state !== TENANT_WAITING)) continue;
    moveOut(ctx, h, FROM_TURNOVER);
    tally(ctx, ctx.lay.movedOut, 1);
  }
}

/**
 * Offer every vacant home by the rules, in the order they fell vacant; a home nobody fits stays vacant for
 * the next quarter. Housing a doorstromer appends the home it leaves, which is let in the same pass.
 */
function allocateVacancies(ctx: AllocationContext): void {
  const { st } = ctx;
  let kept = 0;
  for (let i = 0; i < st.nVacant; i++) {
    const d = st.vacant[i];
    const h = chooseHousehold(ctx, d);
    if (h < 0) st.vacant[kept++] = d;
    else house(ctx, h, d, ctx.chosenGroup, ctx.chosenException);
  }
  st.nVacant = kept;
}

/**
 * Statushouders who have waited long for a social home are housed by the municipality in an alternative
 * (flex homes, rooms), up to a number of persons a year, the longest-waiting first. They count for the
 * taakstelling and leave the queue.
 */
function houseElsewhere(ctx: AllocationContext): void {
  const { am, st } = ctx;
  if (am.alternativePersonsPerYear <= 0) return;
  while (st.alternativeThisYear < am.alternativePersonsPerYear && st.waitingInGroup[STATUSHOUDER] > 0) {
    const h = longestWaitingStatushouder(ctx);
    if (h < 0 || ctx.quarter - st.hhRegistered[h] < am.alternativeAfterQuarters) return;
    dequeue(ctx, h);
    setHouseholdState(st, h, HOUSED_ELSEWHERE);
    st.housedStatushouderPersons += st.hhSize[h];
    st.alternativeThisYear += st.hhSize[h];
    tally(ctx, ctx.lay.statushoudersAlternative, st.hhSize[h]);
    tally(ctx, ctx.lay.housedElsewhere, 1);
  }
}

/** The statushouder who registered first among those still waiting, over every list of the group. */
function longestWaitingStatushouder(ctx: AllocationContext): number {
  const { am, st } = ctx;
  let best = -1;
  for (let j = 0; j <= am.nKern; j++) {
    const base = listBase(am.nKern, STATUSHOUDER, j < am.nKern ? am.kernOrder[j] : am.nKern);
    for (let i = 0; i < LISTS_PER_KERN; i++) {
      const h = headOf(ctx, base + i);
      if (h >= 0 && (best < 0 || st.hhRegistered[h] < st.hhRegistered[best])) best = h;
    }
  }
  return best;
}
