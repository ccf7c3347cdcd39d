import type { IncomeLimits } from "./households";

/**
 * The allocation block compiled once per scenario into flat arrays (see ./compile): the starting social
 * stock and its tenants, the waiting list at the start, a pool of arriving households per type, and
 * every rate and rule as a number. Types only, so every module of the microsimulation can name it.
 */

/** Arriving households are drawn from a pool of this many per type, generated here once. */
export const POOL = 1024;
/** Fields of a packed pool row (see `AllocationModel.poolRows`). */
export const POOL_SIZE = 0;
export const POOL_AGE = 1;
export const POOL_KERN = 2;
export const POOL_LOCAL = 3;
export const POOL_CLASS = 4;

/**
 * Which lists may have a home, per class set, rooms and rent band: the (income class, size) list
 * offsets that fit, and whether the fit holds only through the passend exception (see ./rules).
 */
export interface FitTable {
  start: Int32Array;
  offset: Int32Array;
  exception: Uint8Array;
  /** The same per key as bit masks over a kern's lists (bit = list offset): the lists that fit, and those only by exception. */
  mask: Int32Array;
  exceptionMask: Int32Array;
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
  listMask: Int32Array;
  waitingInGroup: Int32Array;
  nRegistrations: number;
}

export interface AllocationModel {
  nKern: number;
  /** The scenario's owners (see ../kernel/cells): how many, and the corporations are those below `nCorporations`. */
  nOwners: number;
  nCorporations: number;
  /**
   * The kernen in the order of their ids: every walk over kernen that draws or breaks a tie goes in
   * this order, so the order in which a file lists its kernen changes no number.
   */
  kernOrder: Int32Array;
  /** Which queue lists may have a home of given rooms and rent band (see ./rules). */
  fit: FitTable;
  /** Allocation steps in order, as group indices. */
  order: Int32Array;
  /** Income limits of each simulated year, at the price level of the households' incomes. */
  limitsByYear: IncomeLimits[];
  /** Monthly rent limits bounding the bands (kwaliteitskorting, aftopping laag/hoog, liberalisatie) at the price year. */
  rentLimits: Float64Array;
  /** The same limits in each simulated year, as published or indexed: `[year * 4 + limit]`. */
  rentLimitsByYear: Float64Array;

  capDwellings: number;
  nInitialDwellings: number;
  /** Starting social homes, in cell order (kern, owner). */
  initKern: Int32Array;
  initOwner: Uint8Array;
  initType: Uint8Array;
  initRooms: Uint8Array;
  initBand: Uint8Array;
  initLabel: Uint8Array;

  capHouseholds: number;
  /** Sitting tenants are households 0 … nInitialDwellings − 1 (tenant i lives in home i); the waiting list follows. */
  nInitialHouseholds: number;
  initHhType: Uint8Array;
  initHhSize: Uint8Array;
  initHhBorn: Int32Array;
  initHhIncome: Float64Array;
  initHhClass: Uint8Array;
  initHhKernPref: Int32Array;
  /** Quarter of registration (negative: before the start); tenants: 0. */
  initHhRegistered: Int32Array;
  /** Queue of each household on the starting waiting list (−1 for tenants). */
  initHhGroup: Int8Array;
  /** The queues at the start, built once (see ./queues). */
  initialQueue: InitialQueue;

  /**
   * Pools of arriving households, `type * POOL + i`: age at arrival, size, income, kern wish; the income
   * class by the limits of the year of arrival, `year * poolSlots + slot`.
   */
  poolAge: Uint8Array;
  poolSize: Uint8Array;
  poolIncome: Float64Array;
  poolClass: Uint8Array;
  poolSlots: number;
  poolKernPref: Int32Array;
  /**
   * The same pools (but income) packed a row of bytes per slot, so an arrival reads one cache line for
   * them: `slot * poolStride + POOL_*` (the kern wish plus one), then the income class of each year
   * from `POOL_CLASS`.
   */
  poolRows: Uint8Array;
  poolStride: number;

  /** New homes: type shares, rooms per type (min, max), band shares, labels. */
  newBuildTypeCumulative: Float64Array;
  roomsMin: Uint8Array;
  roomsMax: Uint8Array;
  bandCumulative: Float64Array;
  newBuildLabel: number;
  acquisitionType: number;
  acquisitionLabel: number;

  /** Turnover: first age of each class; move-out hazard class `ageClass * 3 + type`. */
  turnoverFromAge: Int32Array;
  /** Hazard class of each starting tenant. */
  initMoveOutClass: Uint8Array;
  /**
   * Quarters until an event, tabulated per hazard class (see ./draw): the move-out classes, then
   * leaving the queue (`leaveClass`) and registering as a doorstromer (`doorstroomClass`).
   */
  geometric: Int16Array;
  leaveClass: number;
  doorstroomClass: number;

  /** Arrivals per quarter at the starting population, per household type (statushouders: 0). */
  arrivalsPerQuarter: Float64Array;
  /** Taakstelling in persons per inhabitant, per simulated quarter. */
  taakstellingPerInhabitant: Float64Array;
  /** Statushouders housed outside social rent: after this many quarters of waiting, up to so many persons a year (0: none). */
  alternativeAfterQuarters: number;
  alternativePersonsPerYear: number;
  /** Homes labelled for sale may house a statushouder while the taakstelling is behind. */
  useSaleHomes: boolean;
  /** Local priority (Domijn's rules in Losser): on, and its ages and size; whether each household is local. */
  localPriority: boolean;
  youngFromAge: number;
  youngToAge: number;
  smallMaxPersons: number;
  localSeniorFromAge: number;
  initHhLocal: Uint8Array;
  poolLocal: Uint8Array;
  /** Whether senior tenants of family homes register as doorstromers at all, and from what age. */
  doorstroomActive: boolean;
  doorstroomFromAge: number;
  /** Most quarters a household can have waited at allocation: the histogram bins of search times. */
  searchBins: number;

  passendActive: boolean;
  exceptionAfterQuarters: number;
  freeShare: number;
  freeCap: number;
  maxRoomsAbovePersons: number;
  maxPersonsAboveRooms: number;
  nultredenFromAge: number;
  /** Quarters a home stands vacant before size match and kern wish no longer apply. */
  hardToLetAfterQuarters: number;

  tenantPriority: boolean;
  tenantBuyerShare: number;

  /** Calendar year of each simulated quarter (ages are year minus year of birth). */
  yearOfQuarter: Int32Array;
  /** First quarter of each simulated year (by year index). */
  yearStartQuarter: Int32Array;
  startYear: number;
}
