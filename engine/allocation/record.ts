import { quantileSorted } from "../quantiles";
import type { AllocationContext } from "./context";
import { compactGroup } from "./queues";
import { N_GROUPS, N_REGULAR_TYPES, REGULIER } from "./vocabulary";

/**
 * The year's allocation metrics, written at the end of each simulated year: search-time medians over the
 * year's allocations, queue lengths after dropping those who left, shares, and the statushouders'
 * balance. Then the year's running counts start again.
 */

const BY_GROUP = 0;
const BY_TYPE = 1;
const BY_KERN_REGULIER = 2;

export function recordAllocationYear(ctx: AllocationContext): void {
  const { st, lay, record, nYears } = ctx;
  const y = ctx.year;
  const at = (metric: number) => metric * nYears + y;
  for (let g = 0; g < N_GROUPS; g++) {
    const n = collect(ctx, BY_GROUP, g);
    record[at(lay.searchTimeMedian[g])] = quantileSorted(st.sortScratch, 0.5, n);
    record[at(lay.searchTimeP90[g])] = quantileSorted(st.sortScratch, 0.9, n);
  }
  for (let t = 0; t < N_REGULAR_TYPES; t++) {
    record[at(lay.searchTimeByType[t])] = quantileSorted(st.sortScratch, 0.5, collect(ctx, BY_TYPE, t));
  }
  for (let k = 0; k < ctx.am.nKern; k++) {
    const n = collect(ctx, BY_KERN_REGULIER, k);
    record[at(lay.kernSearchTimeRegulier[k])] = quantileSorted(st.sortScratch, 0.5, n);
  }
  let waiting = 0;
  for (let g = 0; g < N_GROUPS; g++) {
    const n = compactGroup(ctx, g, ctx.quarter);
    record[at(lay.queue[g])] = n;
    waiting += n;
  }
  record[at(lay.queueTotal)] = waiting;
  record[at(lay.vacanciesOpen)] = st.nVacant;
  record[at(lay.dwellings)] = st.nActive;
  // With no allocation to a household under the limit, none was inappropriate.
  record[at(lay.sharePassend)] =
    st.passendTargetThisYear > 0 ? st.passendThisYear / st.passendTargetThisYear : 1;
  record[at(lay.shareFree)] = st.allocatedThisYear > 0 ? st.freeThisYear / st.allocatedThisYear : 0;
  record[at(lay.statushoudersHousedCumulative)] = st.housedStatushouderPersons;
  record[at(lay.statushoudersTaakstellingCumulative)] = st.taakstellingPersons;
  startYear(ctx, y + 1);
}

/** Reset the year's running counts; the homes still vacant carry over into year `y`. */
export function startYear(ctx: AllocationContext, y: number): void {
  const { st, lay, record, nYears } = ctx;
  st.nYear = 0;
  st.allocatedThisYear = 0;
  st.freeThisYear = 0;
  st.passendTargetThisYear = 0;
  st.passendThisYear = 0;
  if (y >= nYears) return;
  record[lay.vacanciesCarriedOver * nYears + y] = st.nVacant;
  record[lay.vacanciesTotal * nYears + y] += st.nVacant;
  for (let i = 0; i < st.nVacant; i++) record[lay.kernVacancies[st.dwKern[st.vacant[i]]] * nYears + y] += 1;
}

/** Copy this year's search times of one group, type or kern into the scratch buffer, sorted; returns how many. */
function collect(ctx: AllocationContext, by: number, value: number): number {
  const { st } = ctx;
  const out = st.sortScratch;
  let n = 0;
  for (let i = 0; i < st.nYear; i++) {
    const match =
      by === BY_GROUP
        ? st.yearGroup[i] === value
        : by === BY_TYPE
          ? st.yearType[i] === value
          : st.yearGroup[i] === REGULIER && st.yearKern[i] === value;
    if (!match) continue;
    // Insertion sort as values arrive: a year holds a few hundred allocations at most.
    const x = st.yearSearch[i];
    let j = n++;
    while (j > 0 && out[j - 1] > x) {
      out[j] = out[j - 1];
      j--;
    }
    out[j] = x;
  }
  return n;
}
