import { type AllocationContext, ageAt, tally } from "./context";
import {
  LISTS_PER_KERN,
  LOCAL_SENIOR_LISTS,
  LOCAL_SMALL_LISTS,
  LOCAL_YOUNG_LISTS,
  listBase,
  listOffset,
  MAX_SIZE,
  SENIOR_LISTS,
} from "./lists";
import type { AllocationModel, InitialQueue } from "./model";
import { allocationState, LEFT_QUEUE, setHouseholdState, TENANT, TENANT_WAITING, WAITING } from "./state";
import { REGULIER } from "./vocabulary";

/**
 * Queues of home-seekers. Each group's queue is split into first-in-first-out lists by kern, income
 * class and household size; households without a kern wish have lists of their own, as if in one more
 * kern that every home is in. Every list is in order of registration, so the longest-waiting household
 * that fits a home is the earliest among the heads of the few lists that fit it (its kern's and the
 * no-wish lists): a vacancy reads a handful of heads, not the whole queue.
 *
 * Entries live in one pool, one per household and list set. An entry is live while its household is
 * still waiting under the same registration; it goes stale when the household is housed, leaves or
 * registers anew, and stale entries are dropped when they reach the head of their list. Departures from the queue are events filed by
 * quarter (see ./tenancy), so the count of waiting households is always exact.
 */

function append(ctx: AllocationContext, list: number, h: number, registration: number): void {
  const { st } = ctx;
  const block = (list / LISTS_PER_KERN) | 0;
  st.listMask[block] |= 1 << (list - block * LISTS_PER_KERN);
  const e = st.nEntries++;
  st.entryHousehold[e] = h;
  st.entryRegistration[e] = registration;
  st.entryNext[e] = -1;
  if (st.listTail[list] >= 0) st.entryNext[st.listTail[list]] = e;
  else st.listHead[list] = e;
  st.listTail[list] = e;
}

function appendToList(ctx: AllocationContext, h: number, set: number, registration: number): void {
  const { st, am } = ctx;
  const offset = listOffset(st.hhClass[h], Math.min(st.hhSize[h], MAX_SIZE));
  const wish = st.hhKernPref[h];
  append(ctx, listBase(am.nKern, set, wish >= 0 ? wish : am.nKern) + offset, h, registration);
}

export function enqueue(ctx: AllocationContext, h: number, group: number): void {
  const { st, am } = ctx;
  const registration = ++st.nRegistrations;
  appendToList(ctx, h, group, registration);
  if (group === REGULIER) {
    const age = ageAt(ctx, h, Math.max(ctx.quarter, 0));
    if (age >= am.nultredenFromAge) appendToList(ctx, h, SENIOR_LISTS, registration);
    if (st.hhLocal[h] === 1) {
      if (age >= am.youngFromAge && age <= am.youngToAge)
        appendToList(ctx, h, LOCAL_YOUNG_LISTS, registration);
      if (st.hhSize[h] <= am.smallMaxPersons) appendToList(ctx, h, LOCAL_SMALL_LISTS, registration);
      if (age >= am.localSeniorFromAge) appendToList(ctx, h, LOCAL_SENIOR_LISTS, registration);
    }
  }
  st.hhGroup[h] = group;
  st.hhRegistration[h] = registration;
  st.waitingInGroup[group]++;
}

/** Entry `e` is the live registration of a household that still waits. */
export function isLive(ctx: AllocationContext, e: number): boolean {
  const { st } = ctx;
  return st.hhRegistration[st.entryHousehold[e]] === st.entryRegistration[e];
}

/** The household at the head of list `list` that still waits, or −1; stale entries at the head are dropped. */
export function headOf(ctx: AllocationContext, list: number): number {
  const { st } = ctx;
  let e = st.listHead[list];
  while (e >= 0 && !isLive(ctx, e)) e = st.entryNext[e];
  st.listHead[list] = e;
  if (e < 0) {
    st.listTail[list] = -1;
    const block = (list / LISTS_PER_KERN) | 0;
    st.listMask[block] &= ~(1 << (list - block * LISTS_PER_KERN));
  }
  return e < 0 ? -1 : st.entryHousehold[e];
}

/** Take household `h` off its queue (housed, or leaving); its entries go stale. */
export function dequeue(ctx: AllocationContext, h: number): void {
  const { st } = ctx;
  if (st.hhRegistration[h] === 0) return;
  st.waitingInGroup[st.hhGroup[h]]--;
  st.hhRegistration[h] = 0;
  st.hhGroup[h] = -1;
}

/**
 * A household leaves the waiting list without a home: it found one elsewhere or gave up. A sitting tenant
 * who stops seeking stays a tenant. Counted in the year it left.
 */
export function leaveQueue(ctx: AllocationContext, h: number, quarter: number): void {
  const { st, am } = ctx;
  dequeue(ctx, h);
  setHouseholdState(st, h, st.hhState[h] === TENANT_WAITING ? TENANT : LEFT_QUEUE);
  const year = am.yearOfQuarter[quarter] - am.startYear;
  ctx.record[ctx.lay.leftQueue * ctx.nYears + year] += 1;
}

/** Count a registration in the current year. */
export function countRegistration(ctx: AllocationContext): void {
  tally(ctx, ctx.lay.registered, 1);
}

export function initialQueue(am: AllocationModel, nQuarters: number): InitialQueue {
  const st = allocationState(am, nQuarters);
  const ctx = { am, st, quarter: 0 } as AllocationContext;
  const nH = am.nInitialHouseholds;
  st.hhClass.set(am.initHhClass);
  st.hhSize.set(am.initHhSize);
  st.hhBorn.set(am.initHhBorn);
  st.hhLocal.set(am.initHhLocal);
  st.hhKernPref.set(am.initHhKernPref);
  st.hhGroup.fill(-1);
  st.listHead.fill(-1);
  st.listTail.fill(-1);
  for (let h = am.nInitialDwellings; h < nH; h++) {
    st.hhState[h] = WAITING;
    enqueue(ctx, h, am.initHhGroup[h]);
  }
  const n = st.nEntries;
  return {
    hhGroup: st.hhGroup.slice(0, nH),
    hhRegistration: st.hhRegistration.slice(0, nH),
    entryHousehold: st.entryHousehold.slice(0, n),
    entryRegistration: st.entryRegistration.slice(0, n),
    entryNext: st.entryNext.slice(0, n),
    listHead: st.listHead.slice(),
    listTail: st.listTail.slice(),
    listMask: st.listMask.slice(),
    waitingInGroup: st.waitingInGroup.slice(),
    nRegistrations: st.nRegistrations,
  };
}
