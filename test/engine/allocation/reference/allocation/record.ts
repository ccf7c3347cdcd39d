import { N_GROUPS, N_REGULAR_TYPES } from "../../../../../engine/allocation/vocabulary";
import { NO_VALUE } from "../../../../../engine/kernel/metric";
import { r7Rank, r7Value } from "../../../../../engine/kernel/quantiles";
import type { AllocationContext } from "./context";
import { OCCUPIED, typeKernCategory, WAITING } from "./state";

/**
 * The year's allocation metrics, written at the end of each simulated year: search-time medians over the
 * year's allocations, queue lengths, shares, and the statushouders'
 * balance. Then the year's running counts start again.
 */

export function recordAllocationYear(ctx: AllocationContext): void {
  const { st, am, lay, record, nYears } = ctx;
  const y = ctx.year;
  const at = (metric: number) => metric * nYears + y;
  for (let g = 0; g < N_GROUPS; g++) {
    record[at(lay.searchTimeMedian[g])] = searchTimeQuantile(ctx, g, 0.5);
    record[at(lay.searchTimeP90[g])] = searchTimeQuantile(ctx, g, 0.9);
  }
  for (let t = 0; t < N_REGULAR_TYPES; t++) {
    record[at(lay.searchTimeByType[t])] = searchTimeQuantile(ctx, N_GROUPS + t, 0.5);
  }
  for (let k = 0; k < am.nKern; k++) {
    record[at(lay.kernSearchTimeRegulier[k])] = searchTimeQuantile(ctx, N_GROUPS + N_REGULAR_TYPES + k, 0.5);
    for (let t = 0; t < N_REGULAR_TYPES; t++)
      record[at(lay.kernSearchTimeByType[t][k])] = searchTimeQuantile(
        ctx,
        typeKernCategory(am.nKern, t, k),
        0.5,
      );
  }
  let waiting = 0;
  for (let g = 0; g < N_GROUPS; g++) {
    const n = st.waitingInGroup[g];
    record[at(lay.queue[g])] = n;
    waiting += n;
  }
  record[at(lay.queueTotal)] = waiting;
  record[at(lay.vacanciesOpen)] = st.nVacant;
  record[at(lay.dwellings)] = st.nActive;
  // A year with no allocation to a household under the limit has no share (not 100%: nothing was checked).
  record[at(lay.sharePassend)] =
    st.passendTargetThisYear > 0 ? st.passendThisYear / st.passendTargetThisYear : NO_VALUE;
  record[at(lay.shareFree)] = st.allocatedThisYear > 0 ? st.freeThisYear / st.allocatedThisYear : 0;
  record[at(lay.statushoudersHousedCumulative)] = st.housedStatushouderPersons;
  recordAges(ctx, y);
  record[at(lay.turnoverRate)] = st.nActive > 0 ? record[at(lay.movedOut)] / st.nActive : 0;
  record[at(lay.statushoudersTaakstellingCumulative)] = st.taakstellingPersons;
  startYear(ctx, y + 1);
}

/** The share of 65+ among tenants and among households waiting without a social home, at the year's end. */
function recordAges(ctx: AllocationContext, y: number): void {
  const { st, am, lay, record, nYears } = ctx;
  const year = am.startYear + y;
  let tenants = 0;
  let tenantsOld = 0;
  for (let d = 0; d < st.nDwellings; d++) {
    if (st.dwState[d] !== OCCUPIED) continue;
    tenants++;
    if (year - st.hhBorn[st.dwTenant[d]] >= SENIOR_AGE) tenantsOld++;
  }
  let seekers = 0;
  let seekersOld = 0;
  for (let h = am.nInitialDwellings; h < st.nHouseholds; h++) {
    if (st.hhState[h] !== WAITING) continue;
    seekers++;
    if (year - st.hhBorn[h] >= SENIOR_AGE) seekersOld++;
  }
  record[lay.shareTenants65 * nYears + y] = tenants > 0 ? tenantsOld / tenants : 0;
  record[lay.shareSeekers65 * nYears + y] = seekers > 0 ? seekersOld / seekers : 0;
}

/** The age the agreement's "a quarter of the inhabitants is 65 or older" counts from. */
const SENIOR_AGE = 65;

/** Reset the year's running counts; the homes still vacant carry over into year `y`. */
export function startYear(ctx: AllocationContext, y: number): void {
  const { st, lay, record, nYears } = ctx;
  st.searchHistogram.fill(0);
  st.searchCount.fill(0);
  st.allocatedThisYear = 0;
  st.freeThisYear = 0;
  st.passendTargetThisYear = 0;
  st.passendThisYear = 0;
  st.alternativeThisYear = 0;
  if (y >= nYears) return;
  record[lay.vacanciesCarriedOver * nYears + y] = st.nVacant;
  record[lay.vacanciesTotal * nYears + y] += st.nVacant;
  for (let i = 0; i < st.nVacant; i++) record[lay.kernVacancies[st.dwKern[st.vacant[i]]] * nYears + y] += 1;
}

/**
 * The p-quantile (R-7, ../kernel/quantiles) of the year's search times in years for one category, from
 * its histogram of whole quarters; NO_VALUE when the category had no allocation.
 */
function searchTimeQuantile(ctx: AllocationContext, category: number, p: number): number {
  const n = ctx.st.searchCount[category];
  if (n === 0) return NO_VALUE;
  const h = r7Rank(n, p);
  const lo = Math.floor(h);
  const below = orderStatistic(ctx, category, lo);
  const above = lo + 1 < n && h > lo ? orderStatistic(ctx, category, lo + 1) : below;
  return r7Value(h, n, below, above) / 4;
}

/** The r-th smallest (from 0) search time in quarters of a category. */
function orderStatistic(ctx: AllocationContext, category: number, r: number): number {
  const { st, am } = ctx;
  const base = category * am.searchBins;
  let seen = 0;
  for (let b = 0; b < am.searchBins; b++) {
    seen += st.searchHistogram[base + b];
    if (seen > r) return b;
  }
  return am.searchBins - 1;
}
