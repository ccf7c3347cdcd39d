import { type AllocationContext, ageAt, tally } from "./context";
import {
  ENTRY_HOUSEHOLD,
  ENTRY_NEXT,
  ENTRY_REGISTERED,
  ENTRY_REGISTRATION,
  ENTRY_STRIDE,
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
import {
  type AllocationState,
  allocationState,
  LEFT_QUEUE,
  setHouseholdState,
  TENANT,
  TENANT_WAITING,
  WAITING,
} from "./state";
import { REGULIER } from "./vocabulary";

/**
 * Queues of home-seekers. Each group's queue is split into first-in-first-out lists by kern, income
 * class and household size; households without a kern wish have lists of their own, as if in one more
 * kern that every home is in. Every list is in order of registration, so the longest-waiting household
 * that fits a home is the earliest among the heads of the few lists that fit it (its kern's and the
 * no-wish lists): a vacancy reads a handful of heads, not the whole queue.
 *
 * Entries live in one pool, one per household and list set, and a registration's entries follow each
 * other. An entry is live while its household is still waiting under the same registration; when the
 * household is housed, leaves or registers anew, its entries are marked stale (registration 0) at
 * once, and stale entries are dropped when they reach the head of their list. So a list's head is
 * judged from the entry alone, without reading the household. Departures from the queue are events
 * filed by quarter (see ./tenancy), so the count of waiting households is always exact.
 */

function append(ctx: AllocationContext, list: number, h: number, registration: number): void {
  const { st } = ctx;
  const block = (list / LISTS_PER_KERN) | 0;
  st.listMask[block] |= 1 << (list - block * LISTS_PER_KERN);
  const e = st.nEntries++;
  const at = e * ENTRY_STRIDE;
  const entries = st.entries;
  entries[at + ENTRY_HOUSEHOLD] = h;
  entries[at + ENTRY_REGISTRATION] = registration;
  entries[at + ENTRY_REGISTERED] = st.hhRegistered[h];
  entries[at + ENTRY_NEXT] = -1;
  const tail = st.listTail[list];
  if (tail >= 0) entries[tail * ENTRY_STRIDE + ENTRY_NEXT] = e;
  else st.listHead[list] = e;
  st.listTail[list] = e;
}

/** Register household `h` (its quarter of registration already set) in queue `group`. */
export function enqueue(ctx: AllocationContext, h: number, group: number): void {
  const { st, am } = ctx;
  // A household registering anew while still registered: its old entries go stale.
  if (st.hhRegistration[h] !== 0) markStale(st, h);
  const registration = ++st.nRegistrations;
  const offset = listOffset(st.hhClass[h], Math.min(st.hhSize[h], MAX_SIZE));
  const wish = st.hhKernPref[h];
  const kern = wish >= 0 ? wish : am.nKern;
  st.hhEntry[h] = st.nEntries;
  append(ctx, listBase(am.nKern, group, kern) + offset, h, registration);
  if (group === REGULIER) {
    const age = ageAt(ctx, h, Math.max(ctx.quarter, 0));
    if (age >= am.nultredenFromAge)
      append(ctx, listBase(am.nKern, SENIOR_LISTS, kern) + offset, h, registration);
    if (st.hhLocal[h] === 1) {
      if (age >= am.youngFromAge && age <= am.youngToAge)
        append(ctx, listBase(am.nKern, LOCAL_YOUNG_LISTS, kern) + offset, h, registration);
      if (st.hhSize[h] <= am.smallMaxPersons)
        append(ctx, listBase(am.nKern, LOCAL_SMALL_LISTS, kern) + offset, h, registration);
      if (age >= am.localSeniorFromAge)
        append(ctx, listBase(am.nKern, LOCAL_SENIOR_LISTS, kern) + offset, h, registration);
    }
  }
  st.hhEntries[h] = st.nEntries - st.hhEntry[h];
  st.hhGroup[h] = group;
  st.hhRegistration[h] = registration;
  st.waitingInGroup[group]++;
}

/**
 * The first live entry of list `list`, or −1; stale entries at the head are dropped. Its household and
 * quarter of registration are `entries[e * ENTRY_STRIDE + ENTRY_HOUSEHOLD]` and `+ ENTRY_REGISTERED`.
 */
export function headEntry(ctx: AllocationContext, list: number): number {
  const { st } = ctx;
  const entries = st.entries;
  let e = st.listHead[list];
  while (e >= 0 && entries[e * ENTRY_STRIDE + ENTRY_REGISTRATION] === 0)
    e = entries[e * ENTRY_STRIDE + ENTRY_NEXT];
  st.listHead[list] = e;
  if (e < 0) {
    st.listTail[list] = -1;
    const block = (list / LISTS_PER_KERN) | 0;
    st.listMask[block] &= ~(1 << (list - block * LISTS_PER_KERN));
  }
  return e;
}

/** The entries of household `h`'s current registration go stale. */
function markStale(st: AllocationState, h: number): void {
  const from = st.hhEntry[h];
  const to = from + st.hhEntries[h];
  for (let e = from; e < to; e++) st.entries[e * ENTRY_STRIDE + ENTRY_REGISTRATION] = 0;
}

/** Take household `h` off its queue (housed, or leaving); its entries go stale. */
export function dequeue(ctx: AllocationContext, h: number): void {
  const { st } = ctx;
  if (st.hhRegistration[h] === 0) return;
  markStale(st, h);
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
  st.hhRegistered.set(am.initHhRegistered);
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
    hhEntry: st.hhEntry.slice(0, nH),
    hhEntries: st.hhEntries.slice(0, nH),
    entries: st.entries.slice(0, n * ENTRY_STRIDE),
    listHead: st.listHead.slice(),
    listTail: st.listTail.slice(),
    listMask: st.listMask.slice(),
    waitingInGroup: st.waitingInGroup.slice(),
    nRegistrations: st.nRegistrations,
  };
}
