import { ENTRIES_PER_REGISTRATION, LISTS_PER_KERN, listCount } from "./lists";
import type { AllocationModel } from "./model";
import { N_GROUPS, N_REGULAR_TYPES } from "./vocabulary";

/**
 * The state of one run of the microsimulation as parallel typed arrays (struct of arrays): one row per
 * social home, one per household, linked lists over a pool of queue entries. Allocated once per model, reset at the
 * start of every run by copying the compiled starting arrays; nothing is allocated while a run steps.
 */

/** A home's state. REMOVED homes (sold, demolished) keep their row; rows are never reused. */
export const VACANT = 1;
export const OCCUPIED = 2;
export const REMOVED = 3;

/** A household's state. */
export const TENANT = 1;
/** Registered and waiting, not living in a social home. */
export const WAITING = 2;
/** A sitting tenant who is also registered (a senior seeking a nultredenwoning). */
export const TENANT_WAITING = 3;
/** Left the waiting list without a home (found one elsewhere, gave up). */
export const LEFT_QUEUE = 4;
/** Left the social stock: moved away, moved into care, died, or bought a home. */
export const MOVED_OUT = 5;
/** A statushouder housed by the municipality outside social rent. */
export const HOUSED_ELSEWHERE = 6;

export interface AllocationState {
  nDwellings: number;
  dwKern: Int32Array;
  dwOwner: Uint8Array;
  dwType: Uint8Array;
  dwRooms: Uint8Array;
  /** Streefhuur band, and energy label (A = 0 … G = 6): carried for the affordability model. */
  dwBand: Uint8Array;
  dwLabel: Uint8Array;
  dwState: Uint8Array;
  dwTenant: Int32Array;
  /** Why the home is vacant now (a VACANCY_SOURCES index), and since which quarter. */
  dwSource: Uint8Array;
  dwVacantSince: Int32Array;

  nHouseholds: number;
  hhType: Uint8Array;
  hhSize: Uint8Array;
  hhBorn: Int32Array;
  hhIncome: Float64Array;
  hhClass: Uint8Array;
  hhKernPref: Int32Array;
  /** 1 for a household from the municipality itself (Domijn's local priority). */
  hhLocal: Uint8Array;
  hhRegistered: Int32Array;
  /** Queue the household waits in (−1 when not waiting). */
  hhGroup: Int8Array;
  hhState: Uint8Array;
  hhDwelling: Int32Array;
  /** Quarter the household would leave the waiting list, and the quarter it would move out as a tenant. */
  hhLeave: Int32Array;
  hhExit: Int32Array;
  /** Tenancies so far: keys the move-out draw, so a second home gets a fresh one. */
  hhMoves: Uint8Array;
  /** The household's current registration (0 when not waiting); entries of older registrations are stale. */
  hhRegistration: Int32Array;
  /** Quarter a senior tenant of a family home would register as a doorstromer (−1: not in this run). */
  hhDoorstroom: Int32Array;

  /** Queue entries (see ./queues): household, its registration, and the next entry of the same list. */
  entryHousehold: Int32Array;
  entryRegistration: Int32Array;
  entryNext: Int32Array;
  nEntries: number;
  nRegistrations: number;
  listHead: Int32Array;
  listTail: Int32Array;
  /** Per block of a kern's lists (see ./lists), a bit for each list that may hold a live entry (clear: empty). */
  listMask: Int32Array;
  /** Households registered per group and not yet housed or known to have left (those due to leave count until found). */
  waitingInGroup: Int32Array;

  /** Move-outs, doorstroom registrations and departures from the queue by quarter: linked lists per quarter over one pool of events. */
  exitHead: Int32Array;
  doorstroomHead: Int32Array;
  leaveHead: Int32Array;
  exitNext: Int32Array;
  exitHousehold: Int32Array;
  nExits: number;

  /** Vacant homes waiting for a tenant. */
  vacant: Int32Array;
  nVacant: number;

  /**
   * This year's search times in whole quarters, as counts per category (see `searchCategories`):
   * `searchHistogram[category * am.searchBins + quarters]`.
   */
  searchHistogram: Int32Array;
  searchCount: Int32Array;

  /** Running counts within the year: for the free-allocation cap, and for the share passend toegewezen. */
  allocatedThisYear: number;
  freeThisYear: number;
  passendTargetThisYear: number;
  passendThisYear: number;
  /** Statushouders: persons the taakstelling asked for and persons housed, since the start. */
  taakstellingPersons: number;
  housedStatushouderPersons: number;
  /** Persons housed this year outside social rent (the municipality's alternatives). */
  alternativeThisYear: number;
  /** Statushouder persons that have arrived (households are offered until the taakstelling is reached). */
  arrivedStatushouderPersons: number;
  /** Social homes in the simulation now (must equal the stock model's social homes). */
  nActive: number;
  /** Homes sold so far in the run (keys the draw of who buys). */
  nSales: number;
  /** Arrivals so far per household type (for cumulative rounding). */
  arrivalsExpected: Float64Array;
  arrivalsMade: Float64Array;

  /**
   * Kept as things happen, so the yearly records read counts instead of every home and household:
   * tenants (households in an occupied home) and waiting households (state WAITING) by year of birth,
   * `[born - bornBase]`; homes in the stock by rent band; the corporations' homes in the stock by energy label.
   */
  bornBase: number;
  firstSeeker: number;
  tenantsByBorn: Int32Array;
  seekersByBorn: Int32Array;
  bandHomes: Int32Array;
  corporationsByLabel: Int32Array;
  /** Per kern and owner (`kern * nOwners + owner`): no home of theirs below this index is occupied. */
  firstOccupied: Int32Array;
}

export function allocationState(am: AllocationModel, nQuarters: number): AllocationState {
  const D = am.capDwellings;
  const H = am.capHouseholds;
  // Registrations: households, plus re-registrations (doorstromers, tenants of demolished homes).
  const Q = H + 2 * D;
  const E = ENTRIES_PER_REGISTRATION * Q;
  return {
    nDwellings: 0,
    dwKern: new Int32Array(D),
    dwOwner: new Uint8Array(D),
    dwType: new Uint8Array(D),
    dwRooms: new Uint8Array(D),
    dwBand: new Uint8Array(D),
    dwLabel: new Uint8Array(D),
    dwState: new Uint8Array(D),
    dwTenant: new Int32Array(D),
    dwSource: new Uint8Array(D),
    dwVacantSince: new Int32Array(D),
    nHouseholds: 0,
    hhType: new Uint8Array(H),
    hhSize: new Uint8Array(H),
    hhBorn: new Int32Array(H),
    hhIncome: new Float64Array(H),
    hhClass: new Uint8Array(H),
    hhKernPref: new Int32Array(H),
    hhLocal: new Uint8Array(H),
    hhRegistered: new Int32Array(H),
    hhGroup: new Int8Array(H),
    hhState: new Uint8Array(H),
    hhDwelling: new Int32Array(H),
    hhLeave: new Int32Array(H),
    hhExit: new Int32Array(H),
    hhMoves: new Uint8Array(H),
    hhRegistration: new Int32Array(H),
    hhDoorstroom: new Int32Array(H),
    entryHousehold: new Int32Array(E),
    entryRegistration: new Int32Array(E),
    entryNext: new Int32Array(E),
    nEntries: 0,
    nRegistrations: 0,
    listHead: new Int32Array(listCount(am.nKern)),
    listTail: new Int32Array(listCount(am.nKern)),
    listMask: new Int32Array(listCount(am.nKern) / LISTS_PER_KERN),
    waitingInGroup: new Int32Array(N_GROUPS),
    exitHead: new Int32Array(nQuarters),
    doorstroomHead: new Int32Array(nQuarters),
    leaveHead: new Int32Array(nQuarters),
    exitNext: new Int32Array(3 * Q),
    exitHousehold: new Int32Array(3 * Q),
    nExits: 0,
    vacant: new Int32Array(D),
    nVacant: 0,
    searchHistogram: new Int32Array(searchCategories(am.nKern) * am.searchBins),
    searchCount: new Int32Array(searchCategories(am.nKern)),
    nActive: 0,
    nSales: 0,
    allocatedThisYear: 0,
    freeThisYear: 0,
    passendTargetThisYear: 0,
    passendThisYear: 0,
    taakstellingPersons: 0,
    housedStatushouderPersons: 0,
    alternativeThisYear: 0,
    arrivedStatushouderPersons: 0,
    arrivalsExpected: new Float64Array(am.arrivalsPerQuarter.length),
    arrivalsMade: new Float64Array(am.arrivalsPerQuarter.length),
    bornBase: bornBase(am),
    firstSeeker: am.nInitialDwellings,
    tenantsByBorn: new Int32Array(am.startYear + nQuarters - bornBase(am) + 1),
    seekersByBorn: new Int32Array(am.startYear + nQuarters - bornBase(am) + 1),
    bandHomes: new Int32Array(4),
    corporationsByLabel: new Int32Array(7),
    firstOccupied: new Int32Array(am.nKern * am.nOwners),
  };
}

/** The earliest year of birth a run can hold: of the households at the start, or of an arrival (age < 256). */
function bornBase(am: AllocationModel): number {
  let base = am.startYear - 256;
  for (let h = 0; h < am.nInitialHouseholds; h++) base = Math.min(base, am.initHhBorn[h]);
  return base;
}

/** Set household `h`'s state, keeping the count of waiting households by year of birth. */
export function setHouseholdState(st: AllocationState, h: number, state: number): void {
  const was = st.hhState[h];
  if (was === state) return;
  st.hhState[h] = state;
  // Sitting tenants at the start (households below `firstSeeker`) are never counted as seekers.
  if (h < st.firstSeeker) return;
  if (was === WAITING) st.seekersByBorn[st.hhBorn[h] - st.bornBase]--;
  if (state === WAITING) st.seekersByBorn[st.hhBorn[h] - st.bornBase]++;
}

/** Count home `d`'s tenant in (`sign` 1) or out (−1) of the tenants by year of birth. */
export function countTenant(st: AllocationState, d: number, sign: number): void {
  st.tenantsByBorn[st.hhBorn[st.dwTenant[d]] - st.bornBase] += sign;
}

/**
 * Search-time categories: each group, each regular household type, regular allocations per kern, and
 * each regular household type per kern ("hoe lang wacht een starter in Overdinkel?").
 */
export function searchCategories(nKern: number): number {
  return N_GROUPS + N_REGULAR_TYPES + nKern + N_REGULAR_TYPES * nKern;
}

/** The category of household type `type` (a regular type) housed in kern `kern`. */
export function typeKernCategory(nKern: number, type: number, kern: number): number {
  return N_GROUPS + N_REGULAR_TYPES + nKern + type * nKern + kern;
}
