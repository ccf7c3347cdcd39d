import { type AllocationContext, ageAt, tally } from "./context";
import { LEFT_QUEUE, TENANT, TENANT_WAITING, WAITING } from "./state";

/**
 * Queues of home-seekers. Each group's queue is split by profile — household size, income class, kern
 * wish and whether the head is a senior at registration — into first-in-first-out lists over a pool of
 * entries. Every list is in order of registration, so the longest-waiting household that fits a home
 * is the earliest among the heads of the lists that fit it: a vacancy looks at a few dozen heads, not
 * the whole queue. An entry goes stale when its household is housed, leaves or registers anew; stale
 * entries are dropped at the heads and in the yearly compaction.
 */

export const MAX_SIZE = 9;

/** Profiles per group: senior (2) × income class (3) × size 0…9 (10) × kern wish (none or a kern). */
export function profileCount(nKern: number): number {
  return 2 * 3 * (MAX_SIZE + 1) * (nKern + 1);
}

export function profileOf(
  nKern: number,
  senior: number,
  incomeClass: number,
  size: number,
  kernWish: number,
): number {
  return ((senior * 3 + incomeClass) * (MAX_SIZE + 1) + size) * (nKern + 1) + kernWish + 1;
}

export function enqueue(ctx: AllocationContext, h: number, group: number): void {
  const { st, am } = ctx;
  const senior = ageAt(ctx, h, Math.max(ctx.quarter, 0)) >= am.nultredenFromAge ? 1 : 0;
  const size = Math.min(st.hhSize[h], MAX_SIZE);
  const list = group * am.nProfiles + profileOf(am.nKern, senior, st.hhClass[h], size, st.hhKernPref[h]);
  const e = st.nEntries++;
  st.entryHousehold[e] = h;
  st.entryNext[e] = -1;
  if (st.listTail[list] >= 0) st.entryNext[st.listTail[list]] = e;
  else st.listHead[list] = e;
  st.listTail[list] = e;
  st.hhGroup[h] = group;
  st.hhEntry[h] = e;
  st.waitingInGroup[group]++;
}

/** Entry `e` is the live registration of a household that still waits (whether or not it is due to leave). */
function isLive(ctx: AllocationContext, e: number): boolean {
  const { st } = ctx;
  const h = st.entryHousehold[e];
  const state = st.hhState[h];
  return st.hhEntry[h] === e && (state === WAITING || state === TENANT_WAITING);
}

/**
 * The household at the head of list `list` that still waits, or −1. Stale entries at the head are
 * dropped; households found due to leave by `quarter` are taken off the waiting list.
 */
export function headOf(ctx: AllocationContext, list: number, quarter: number): number {
  const { st } = ctx;
  let e = st.listHead[list];
  while (e >= 0) {
    if (isLive(ctx, e)) {
      const h = st.entryHousehold[e];
      if (st.hhLeave[h] > quarter) break;
      leaveQueue(ctx, h, st.hhLeave[h]);
    }
    e = st.entryNext[e];
  }
  st.listHead[list] = e;
  if (e < 0) st.listTail[list] = -1;
  return e < 0 ? -1 : st.entryHousehold[e];
}

/** Take household `h` off its queue (housed). */
export function dequeue(ctx: AllocationContext, h: number): void {
  const { st } = ctx;
  if (st.hhEntry[h] < 0) return;
  st.waitingInGroup[st.hhGroup[h]]--;
  st.hhEntry[h] = -1;
  st.hhGroup[h] = -1;
}

/**
 * A household leaves the waiting list without a home: it found one elsewhere or gave up. A sitting tenant
 * who stops seeking stays a tenant. Counted in the year it left.
 */
export function leaveQueue(ctx: AllocationContext, h: number, quarter: number): void {
  const { st, am } = ctx;
  dequeue(ctx, h);
  st.hhState[h] = st.hhState[h] === TENANT_WAITING ? TENANT : LEFT_QUEUE;
  const year = am.yearOfQuarter[quarter] - am.startYear;
  ctx.record[ctx.lay.leftQueue * ctx.nYears + year] += 1;
}

/**
 * Drop stale entries and households due to leave by `quarter` from every list of `group`; returns how
 * many still wait.
 */
export function compactGroup(ctx: AllocationContext, group: number, quarter: number): number {
  const { st, am } = ctx;
  let waiting = 0;
  for (let p = 0; p < am.nProfiles; p++) {
    const list = group * am.nProfiles + p;
    let last = -1;
    for (let e = st.listHead[list]; e >= 0; e = st.entryNext[e]) {
      let keep = isLive(ctx, e);
      if (keep) {
        const h = st.entryHousehold[e];
        if (st.hhLeave[h] <= quarter) {
          leaveQueue(ctx, h, st.hhLeave[h]);
          keep = false;
        }
      }
      if (!keep) continue;
      if (last < 0) st.listHead[list] = e;
      else st.entryNext[last] = e;
      last = e;
      waiting++;
    }
    if (last < 0) st.listHead[list] = -1;
    else st.entryNext[last] = -1;
    st.listTail[list] = last;
  }
  return waiting;
}

/** Count a registration in the current year. */
export function countRegistration(ctx: AllocationContext): void {
  tally(ctx, ctx.lay.registered, 1);
}
