import { cellIndex, SOCIAL } from "../kernel/cells";
import { uniform } from "../kernel/random";
import type { StockWork } from "../stock/step";
import { type AllocationContext, DRAW, tally } from "./context";
import { pickCumulative } from "./draw";
import { leaveQueue } from "./queues";
import { firstEligible } from "./rules";
import { countTenant, OCCUPIED, REMOVED, TENANT_WAITING, VACANT } from "./state";
import { house, moveOut, register, vacate } from "./tenancy";
import {
  FROM_ACQUISITION,
  FROM_NEW_BUILDING,
  FROM_SALE,
  INCOME_LOW,
  STATUSHOUDER,
  URGENT,
} from "./vocabulary";

/**
 * Keeps the list of social homes equal to the stock model's social homes, kern by kern and owner by
 * owner, every quarter: what the stock model sold, demolished or split away leaves the list; what it
 * completed, bought or split into social rent joins it as a vacant home.
 *
 * Sales follow the practice of selling at turnover: a vacant home of the selling corporation in the kern
 * goes first, and under the agreement's priority a social tenant from the municipality may buy it, freeing that tenant's home. Only
 * when no home stands empty is an occupied one sold, to its sitting tenant. Demolition also takes empty
 * homes first; the tenants of an occupied home are rehoused as urgent households.
 */

export function syncWithStock(ctx: AllocationContext, stock: StockWork): void {
  const { nOwners, nCorporations, nKern } = ctx.am;
  for (const k of ctx.am.kernOrder) {
    for (let o = 0; o < nOwners; o++) {
      const cell = cellIndex(k, SOCIAL, o, nOwners);
      const inflow = stock.flowIn[cell];
      const outflow = stock.flowOut[cell];
      if (inflow === 0 && outflow === 0) continue;
      // Only corporations sell and buy (../stock/step), per corporation and kern.
      const sold = o < nCorporations ? stock.soldByKern[o * nKern + k] : 0;
      const acquired = o < nCorporations ? stock.acquiredByKern[o * nKern + k] : 0;
      // Removals first, from the homes there were; if the stock took more than that (homes completed
      // and sold in one quarter), the rest goes after the additions.
      let toSell = sold - sellHomes(ctx, k, o, sold);
      let toRemove = outflow - sold - removeHomes(ctx, k, o, outflow - sold);
      for (let n = 0; n < acquired; n++) addHome(ctx, k, o, FROM_ACQUISITION);
      for (let n = 0; n < inflow - acquired; n++) addHome(ctx, k, o, FROM_NEW_BUILDING);
      toSell -= sellHomes(ctx, k, o, toSell);
      toRemove -= removeHomes(ctx, k, o, toRemove);
    }
  }
}

/** Sell up to `n` of corporation `o`'s homes in kern `k`; returns how many were sold. */
function sellHomes(ctx: AllocationContext, k: number, o: number, n: number): number {
  let done = 0;
  for (; done < n; done++) {
    const d = pickHome(ctx, k, o);
    if (d < 0) break;
    const { st, am } = ctx;
    if (st.dwState[d] === VACANT && letSaleHomeToStatushouder(ctx, k, o, d)) continue;
    const sale = st.nSales++;
    if (st.dwState[d] === VACANT) {
      removeVacant(ctx, d);
      if (am.tenantPriority && uniform(ctx.run, DRAW.buyer, 2 * sale) < am.tenantBuyerShare)
        tenantBuys(ctx, uniform(ctx.run, DRAW.buyer, 2 * sale + 1));
    } else {
      // The sitting tenant buys the home; no vacancy.
      const h = st.dwTenant[d];
      moveOut(ctx, h, -1);
      tally(ctx, ctx.lay.salesToTenants, 1);
    }
    retireHome(ctx, d);
  }
  return done;
}

/**
 * Under the agreement's H6, a vacant home labelled for sale may house a statushouder while the
 * taakstelling is behind; the stock still loses a social home, so a sitting tenant buys theirs instead.
 * Only when a statushouder who has waited since an earlier quarter fits the home and another occupied
 * home of the same corporation (`o`) stands in the kern.
 */
function letSaleHomeToStatushouder(ctx: AllocationContext, k: number, o: number, d: number): boolean {
  const { st, am } = ctx;
  if (!am.useSaleHomes || st.housedStatushouderPersons >= st.taakstellingPersons) return false;
  const sold = occupiedHome(ctx, k, o);
  if (sold < 0) return false;
  const h = firstEligible(ctx, STATUSHOUDER, d, false);
  // Only for a statushouder who has waited since an earlier quarter: the taakstelling is really behind.
  if (h < 0 || st.hhRegistered[h] >= ctx.quarter) return false;
  const exception = ctx.chosenException;
  takeOffVacantList(ctx, d);
  house(ctx, h, d, STATUSHOUDER, exception);
  tally(ctx, ctx.lay.saleHomesToStatushouders, 1);
  st.nSales++;
  moveOut(ctx, st.dwTenant[sold], -1);
  tally(ctx, ctx.lay.salesToTenants, 1);
  retireHome(ctx, sold);
  return true;
}

/**
 * A social tenant from Losser with an income above the passend limit buys the sold home under the
 * priority rule; the home they leave falls vacant. The search starts at a random home.
 */
function tenantBuys(ctx: AllocationContext, u: number): void {
  const { st } = ctx;
  const n = st.nDwellings;
  const start = Math.floor(u * n);
  for (let i = 0; i < n; i++) {
    const d = (start + i) % n;
    if (st.dwState[d] !== OCCUPIED) continue;
    const h = st.dwTenant[d];
    if (st.hhClass[h] === INCOME_LOW) continue;
    moveOut(ctx, h, FROM_SALE);
    tally(ctx, ctx.lay.salesToTenants, 1);
    return;
  }
}

/** Demolish or split away up to `n` homes of owner `o` in kern `k`; returns how many. */
function removeHomes(ctx: AllocationContext, k: number, o: number, n: number): number {
  let done = 0;
  for (; done < n; done++) {
    const d = pickHome(ctx, k, o);
    if (d < 0) break;
    const { st } = ctx;
    if (st.dwState[d] === VACANT) {
      removeVacant(ctx, d);
    } else {
      const h = st.dwTenant[d];
      if (st.hhState[h] === TENANT_WAITING) leaveQueue(ctx, h, ctx.quarter);
      st.hhDwelling[h] = -1;
      register(ctx, h, URGENT);
    }
    retireHome(ctx, d);
  }
  return done;
}

/** Home `d` leaves the stock (sold or demolished): its row stays, marked REMOVED, and leaves every count. */
function retireHome(ctx: AllocationContext, d: number): void {
  const { st } = ctx;
  if (st.dwState[d] === OCCUPIED) countTenant(st, d, -1);
  st.bandHomes[st.dwBand[d]]--;
  if (st.dwOwner[d] < ctx.am.nCorporations) st.corporationsByLabel[st.dwLabel[d]]--;
  st.dwState[d] = REMOVED;
  st.nActive--;
}

/** A home of owner `o` in kern `k` to take out: a vacant one if there is one, else the first occupied. */
function pickHome(ctx: AllocationContext, k: number, o: number): number {
  const { st } = ctx;
  for (let i = 0; i < st.nVacant; i++) {
    const d = st.vacant[i];
    if (st.dwKern[d] === k && st.dwOwner[d] === o) return d;
  }
  return occupiedHome(ctx, k, o);
}

/**
 * The first occupied home of owner `o` in kern `k`, or −1. The search starts at a bound below which no
 * home of that kern and owner is occupied (lowered when one is let, see ./tenancy).
 */
function occupiedHome(ctx: AllocationContext, k: number, o: number): number {
  const { st } = ctx;
  const cell = k * ctx.am.nOwners + o;
  for (let d = st.firstOccupied[cell]; d < st.nDwellings; d++) {
    if (st.dwState[d] === OCCUPIED && st.dwKern[d] === k && st.dwOwner[d] === o) {
      st.firstOccupied[cell] = d;
      return d;
    }
  }
  st.firstOccupied[cell] = st.nDwellings;
  return -1;
}

/** A vacant home leaves the stock (sold or demolished empty). */
function removeVacant(ctx: AllocationContext, d: number): void {
  takeOffVacantList(ctx, d);
  tally(ctx, ctx.lay.vacanciesRemoved, 1);
}

function takeOffVacantList(ctx: AllocationContext, d: number): void {
  const { st } = ctx;
  for (let i = 0; i < st.nVacant; i++) {
    if (st.vacant[i] !== d) continue;
    st.vacant[i] = st.vacant[--st.nVacant];
    break;
  }
}

/** A new social home (completed or bought) joins the stock, vacant. */
export function addHome(ctx: AllocationContext, k: number, o: number, source: number): void {
  const { st, am } = ctx;
  const d = st.nDwellings++;
  const key = d * 4;
  const type =
    source === FROM_ACQUISITION
      ? am.acquisitionType
      : pickCumulative(am.newBuildTypeCumulative, uniform(ctx.run, DRAW.newHome, key));
  st.dwKern[d] = k;
  st.dwOwner[d] = o;
  st.dwType[d] = type;
  st.dwRooms[d] =
    am.roomsMin[type] +
    Math.floor(uniform(ctx.run, DRAW.newHome, key + 1) * (am.roomsMax[type] - am.roomsMin[type] + 1));
  st.dwBand[d] = pickCumulative(am.bandCumulative, uniform(ctx.run, DRAW.newHome, key + 2));
  st.dwLabel[d] = source === FROM_ACQUISITION ? am.acquisitionLabel : am.newBuildLabel;
  st.dwState[d] = VACANT;
  st.bandHomes[st.dwBand[d]]++;
  if (o < am.nCorporations) st.corporationsByLabel[st.dwLabel[d]]++;
  st.nActive++;
  vacate(ctx, d, source);
}
