import type { AllocationModel } from "./compile";
import { type AllocationContext, ageAt, tally } from "./context";
import { allocationState, LEFT_QUEUE, TENANT, TENANT_WAITING, WAITING } from "./state";
import { N_GROUPS, REGULIER } from "./vocabulary";

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

export const MAX_SIZE = 9;
/** Lists per group and kern: income class (3) × household size 0…MAX_SIZE. */
export const LISTS_PER_KERN = 3 * (MAX_SIZE + 1);

/** Offset of the list for income class `cls` and `size` persons within a kern's lists. */
export const listOffset = (cls: number, size: number): number => cls * (MAX_SIZE + 1) + size;

/** First list of a list set in a kern; kern `nKern` holds the households without a kern wish. */
export function listBase(nKern: number, set: number, kern: number): number {
  return (set * (nKern + 1) + kern) * LISTS_PER_KERN;
}

/** Lists in all: every list set, each kern and the no-wish "kern". */
export function listCount(nKern: number): number {
  return N_LIST_SETS * (nKern + 1) * LISTS_PER_KERN;
}

function append(ctx: AllocationContext, list: number, h: number, registration: number): void {
  const { st } = ctx;
  const e = st.nEntries++;
  st.entryHousehold[e] = h;
  st.entryRegistration[e] = registration;
  st.entryNext[e] = -1;
  if (st.listTail[list] >= 0) st.entryNext[st.listTail[list]] = e;
  else st.listHead[list] = e;
  st.listTail[list] = e;
}

/**
 * Second indices over the same regular seekers, for the rules that put some of them first: seniors at
 * registration (nultredenwoningen go first to seniors), and under Domijn's local priority the local
 * young heads (cheapest homes), local small households (homes up to the first aftoppingsgrens) and
 * local seniors (nultredenwoningen).
 */
export const SENIOR_LISTS = N_GROUPS;
export const LOCAL_YOUNG_LISTS = N_GROUPS + 1;
export const LOCAL_SMALL_LISTS = N_GROUPS + 2;
export const LOCAL_SENIOR_LISTS = N_GROUPS + 3;
/** List sets: one per group, plus the priority indices among regular seekers. */
export const N_LIST_SETS = N_GROUPS + 4;
/** Entries a registration may have: its group's, and at most three priority indices (young and senior exclude each other). */
export const ENTRIES_PER_REGISTRATION = 4;

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
  if (e < 0) st.listTail[list] = -1;
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
  st.hhState[h] = st.hhState[h] === TENANT_WAITING ? TENANT : LEFT_QUEUE;
  const year = am.yearOfQuarter[quarter] - am.startYear;
  ctx.record[ctx.lay.leftQueue * ctx.nYears + year] += 1;
}

/** Count a registration in the current year. */
export function countRegistration(ctx: AllocationContext): void {
  tally(ctx, ctx.lay.registered, 1);
}

/** The queues of the starting waiting list, the same in every run: built once, copied at each run's start. */
export interface InitialQueue {
  hhGroup: Int8Array;
  hhRegistration: Int32Array;
  entryHousehold: Int32Array;
  entryRegistration: Int32Array;
  entryNext: Int32Array;
  listHead: Int32Array;
  listTail: Int32Array;
  waitingInGroup: Int32Array;
  nRegistrations: number;
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
    waitingInGroup: st.waitingInGroup.slice(),
    nRegistrations: st.nRegistrations,
  };
}
