import { cellIndex, SOCIAL } from "../kernel/cells";
import { type Economy, growthIn, realTableByYear, tableByYear } from "../kernel/economy";
import { type Figure, figureValue } from "../kernel/figure";
import { nameKey, uniform } from "../kernel/random";
import { type Calendar, calendar, firstQuarterOfYear } from "../kernel/time";
import type { StockModel } from "../stock/compile";
import { cumulativeOf, geometricTable, pickCumulative, quarterlyLogStay } from "./draw";
import {
  compileProfile,
  type IncomeLimits,
  incomeClass,
  type Profile,
  profileAge,
  profileIncome,
  profileSize,
} from "./households";
import {
  type AllocationModel,
  type InitialQueue,
  POOL,
  POOL_AGE,
  POOL_CLASS,
  POOL_KERN,
  POOL_LOCAL,
  POOL_SIZE,
} from "./model";
import { initialQueue } from "./queues";
import { fitTable } from "./rules";
import { type Allocation, RENT_LIMIT_KEYS } from "./schema";
import {
  DWELLING_TYPES,
  ENERGY_LABELS,
  GROUPS,
  HOUSEHOLD_TYPES,
  INCOME_HIGH,
  N_REGULAR_TYPES,
  REGULAR_TYPES,
  REGULIER,
  RENT_BANDS,
  STATUSHOUDER,
  TYPE_STATUSHOUDER,
  TYPE_URGENT,
  URGENT,
  VRIJ,
} from "./vocabulary";

/**
 * The allocation block compiled once per scenario into flat arrays: the starting social stock and its
 * tenants, the waiting list at the start, a pool of arriving households per type, and every rate and
 * rule as a number. A run copies the starting arrays and draws only what must differ between runs
 * (move-outs, departures from the queue, arrivals, new homes).
 */

const v = (f: Figure) => figureValue(f);
/** The starting stock and the pools are the same in every run: drawn under this fixed key. */
const COMPILE_RUN = nameKey("toewijzing:start");
const PURPOSE = {
  dwellingType: nameKey("toewijzing:start:woningtype"),
  rooms: nameKey("toewijzing:start:kamers"),
  band: nameKey("toewijzing:start:huurklasse"),
  label: nameKey("toewijzing:start:label"),
  tenantType: nameKey("toewijzing:start:huurder"),
  household: nameKey("toewijzing:start:huishouden"),
  pool: nameKey("toewijzing:pool"),
} as const;

/** Classes in exact proportion (largest remainder), placed in the order of `keys` (ascending). */
function stratify(keys: Float64Array, cumulative: Float64Array, out: Uint8Array): void {
  const n = keys.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  for (let rank = 0; rank < n; rank++) out[order[rank]] = pickCumulative(cumulative, (rank + 0.5) / n);
}

/** A household drawn from a profile with five uniforms from `draw(k)`, `k` = 0 … 4. */
function sampleHousehold(
  profile: Profile,
  limits: IncomeLimits,
  draw: (k: number) => number,
  maxSize: number,
): { age: number; size: number; income: number; cls: number } {
  const age = profileAge(profile, draw(0));
  const size = Math.min(profileSize(profile, draw(1)), maxSize);
  const income = profileIncome(profile, draw(2), draw(3));
  return { age, size, income, cls: incomeClass(limits, income, size, age) };
}

const PASSEND_KEYS = ["onePerson", "morePersons", "onePersonAow", "morePersonsAow"] as const;
const DAEB_KEYS = ["onePerson", "morePersons"] as const;

/**
 * The income limits of each simulated year at the price level of the incomes (which the scenario gives
 * at `economy.priceYear`): published limits deflated by wage growth, later years as the last published
 * (they follow wages). Without an economy, the limits are taken as they stand.
 */
function incomeLimitsByYear(a: Allocation, cal: Calendar, economy: Economy | undefined): IncomeLimits[] {
  const level = economy ? wageLevel(economy) : () => 1;
  const passend = realTableByYear(a.limits.passendIncome.byYear, PASSEND_KEYS, cal, level);
  const daeb = realTableByYear(a.limits.daebIncome.byYear, DAEB_KEYS, cal, level);
  return Array.from({ length: cal.nYears }, (_, y) => ({
    passendOne: passend[y * 4],
    passendMore: passend[y * 4 + 1],
    passendOneAow: passend[y * 4 + 2],
    passendMoreAow: passend[y * 4 + 3],
    daebOne: daeb[y * 2],
    daebMore: daeb[y * 2 + 1],
    aowAge: v(a.limits.aowAge),
  }));
}

/** The wage level of any year relative to the price year (below 1 before it). */
function wageLevel(economy: Economy): (year: number) => number {
  return (year) => {
    let level = 1;
    for (let t = economy.priceYear + 1; t <= year; t++) level *= 1 + growthIn(economy.wageGrowth, t);
    for (let t = year + 1; t <= economy.priceYear; t++) level /= 1 + growthIn(economy.wageGrowth, t);
    return level;
  };
}

/** Published rent limits per simulated year, later years indexed by the table's own rate or by inflation. */
function rentLimitsByYear(a: Allocation, cal: Calendar, economy: Economy | undefined): Float64Array {
  const own = a.limits.rent.indexation;
  const growth =
    own !== undefined
      ? () => v(own)
      : economy
        ? (year: number) => growthIn(economy.inflation, year)
        : () => 0;
  return tableByYear(a.limits.rent.byYear, RENT_LIMIT_KEYS, cal, growth);
}

/** The rent limits at the price year: what the scenario's other euro amounts are measured against. */
function rentLimitsAtPriceYear(a: Allocation, cal: Calendar, economy: Economy | undefined): Float64Array {
  const priceYear = economy?.priceYear ?? cal.startYear;
  const atYear = calendar(`${Math.min(priceYear, cal.startYear)}-01`, Math.max(priceYear, cal.startYear));
  const table = rentLimitsByYear(a, atYear, economy);
  return table.slice((priceYear - atYear.startYear) * 4, (priceYear - atYear.startYear) * 4 + 4);
}

export function compileAllocation(
  a: Allocation,
  model: StockModel,
  economy: Economy | undefined,
): AllocationModel {
  const { cal, nKern } = model;
  const limitsByYear = incomeLimitsByYear(a, cal, economy);
  const limits = limitsByYear[0];
  const profiles = HOUSEHOLD_TYPES.map((t) => {
    const p = a.households[t];
    return compileProfile({
      ageMin: p.ageMin,
      ageMax: p.ageMax,
      sizeShares: p.sizeShares.map(v),
      incomeMedian: v(p.incomeMedian),
      incomeSpread: v(p.incomeSpread),
    });
  });
  const d = a.dwellings;
  const typeCumulative = cumulativeOf(DWELLING_TYPES.map((t) => v(d.typeShares[t])));
  const newBuildTypeCumulative = cumulativeOf(DWELLING_TYPES.map((t) => v(d.newBuildTypeShares[t])));
  const bandCumulative = cumulativeOf(RENT_BANDS.map((b) => v(d.rentBandShares[b])));
  const labelCumulative = cumulativeOf(ENERGY_LABELS.map((l) => v(d.energyLabelShares[l])));
  const roomsMin = Uint8Array.from(DWELLING_TYPES, (t) => d.rooms[t].min);
  const roomsMax = Uint8Array.from(DWELLING_TYPES, (t) => d.rooms[t].max);
  const maxPersonsAboveRooms = v(a.sizeMatch.maxPersonsAboveRooms);

  // The starting social stock: one home per unit in each social cell, kern by kern, owner by owner.
  let nInit = 0;
  for (let c = 0; c < model.nCells; c++)
    if (isSocialCell(c, model.owners.nOwners)) nInit += model.initialStock[c];
  const initKern = new Int32Array(nInit);
  const initOwner = new Uint8Array(nInit);
  const kernOrder = canonicalKernOrder(model.kernIds);
  let i = 0;
  for (const k of kernOrder) {
    for (let o = 0; o < model.owners.nOwners; o++) {
      const n = model.initialStock[cellIndex(k, SOCIAL, o, model.owners.nOwners)];
      for (let j = 0; j < n; j++, i++) {
        initKern[i] = k;
        initOwner[i] = o;
      }
    }
  }
  const u = (purpose: number, index: number) => uniform(COMPILE_RUN, purpose, index);
  // Types and labels in exact proportion, placed at random; bands in exact proportion (the agreement's
  // streefhuur split), larger homes leaning to the higher bands.
  const initType = new Uint8Array(nInit);
  const initLabel = new Uint8Array(nInit);
  const initBand = new Uint8Array(nInit);
  const initRooms = new Uint8Array(nInit);
  const keys = new Float64Array(nInit);
  for (let h = 0; h < nInit; h++) keys[h] = u(PURPOSE.dwellingType, h);
  stratify(keys, typeCumulative, initType);
  for (let h = 0; h < nInit; h++) keys[h] = u(PURPOSE.label, h);
  stratify(keys, labelCumulative, initLabel);
  for (let h = 0; h < nInit; h++) {
    const t = initType[h];
    initRooms[h] = roomsMin[t] + Math.floor(u(PURPOSE.rooms, h) * (roomsMax[t] - roomsMin[t] + 1));
    keys[h] = 0.5 * initRooms[h] + u(PURPOSE.band, h);
  }
  stratify(keys, bandCumulative, initBand);

  // Sitting tenants, one per starting home; then the waiting list at the start.
  const queueLogStay = quarterlyLogStay(v(a.queue.exitPerYear));
  const arrivalsPerYear = [
    ...REGULAR_TYPES.map((t) => v(a.arrivals[t])),
    v(a.arrivals.urgent),
    0, // statushouders arrive with the taakstelling
  ];
  const initialQuarters = 4 * v(a.queue.initialYears);
  const waiting: { type: number; registered: number }[] = [];
  for (let t = 0; t < HOUSEHOLD_TYPES.length; t++) {
    // Registrations of each past quarter, thinned by those who left since: cumulative rounding keeps
    // the total true to the rates.
    let expected = 0;
    let made = 0;
    for (let back = initialQuarters; back >= 1; back--) {
      expected += (arrivalsPerYear[t] / 4) * Math.exp(queueLogStay * back);
      for (; made < Math.floor(expected + 1e-9); made++) waiting.push({ type: t, registered: -back });
    }
  }
  waiting.sort((x, y) => x.registered - y.registered || x.type - y.type);
  const nHouseholds0 = nInit + waiting.length;
  const initHhType = new Uint8Array(nHouseholds0);
  const initHhSize = new Uint8Array(nHouseholds0);
  const initHhBorn = new Int32Array(nHouseholds0);
  const initHhIncome = new Float64Array(nHouseholds0);
  const initHhClass = new Uint8Array(nHouseholds0);
  const initHhKernPref = new Int32Array(nHouseholds0).fill(-1);
  const initHhRegistered = new Int32Array(nHouseholds0);
  const initHhGroup = new Int8Array(nHouseholds0).fill(-1);
  const initHhLocal = new Uint8Array(nHouseholds0);
  const localShare = a.localPriority ? v(a.localPriority.localShare) : 0;
  const tenantCumulative = DWELLING_TYPES.map((t) =>
    cumulativeOf(REGULAR_TYPES.map((r) => v(a.tenants[t][r]))),
  );
  const kernCumulative = socialKernCumulative(model, kernOrder);
  const kernPreferenceShare = v(a.queue.kernPreferenceShare);
  const startYear = cal.startYear;
  const setHousehold = (h: number, type: number, maxSize: number) => {
    const s = sampleHousehold(profiles[type], limits, (k) => u(PURPOSE.household, h * 8 + k), maxSize);
    initHhType[h] = type;
    initHhSize[h] = s.size;
    initHhBorn[h] = startYear - s.age;
    initHhIncome[h] = s.income;
    initHhClass[h] = s.cls;
  };
  for (let h = 0; h < nInit; h++) {
    const type = pickCumulative(tenantCumulative[initType[h]], u(PURPOSE.tenantType, h));
    setHousehold(h, type, initRooms[h] + maxPersonsAboveRooms);
  }
  waiting.forEach((w, j) => {
    const h = nInit + j;
    setHousehold(h, w.type, 9);
    initHhRegistered[h] = w.registered;
    initHhGroup[h] = arrivalGroup(w.type, initHhClass[h]);
    if (w.type < N_REGULAR_TYPES && u(PURPOSE.household, h * 8 + 5) < kernPreferenceShare)
      initHhKernPref[h] = kernOrder[pickCumulative(kernCumulative, u(PURPOSE.household, h * 8 + 6))];
    if (w.type < N_REGULAR_TYPES && u(PURPOSE.household, h * 8 + 7) < localShare) initHhLocal[h] = 1;
  });

  // Pools of arriving households per type, each classed by the income limits of every year.
  const nTypes = HOUSEHOLD_TYPES.length;
  const poolSlots = nTypes * POOL;
  const poolAge = new Uint8Array(poolSlots);
  const poolSize = new Uint8Array(poolSlots);
  const poolIncome = new Float64Array(poolSlots);
  const poolClass = new Uint8Array(cal.nYears * poolSlots);
  const poolKernPref = new Int32Array(poolSlots).fill(-1);
  const poolLocal = new Uint8Array(poolSlots);
  for (let t = 0; t < nTypes; t++) {
    for (let j = 0; j < POOL; j++) {
      const slot = t * POOL + j;
      const s = sampleHousehold(profiles[t], limits, (k) => u(PURPOSE.pool, slot * 8 + k), 9);
      poolAge[slot] = s.age;
      poolSize[slot] = s.size;
      poolIncome[slot] = s.income;
      for (let y = 0; y < cal.nYears; y++)
        poolClass[y * poolSlots + slot] = incomeClass(limitsByYear[y], s.income, s.size, s.age);
      if (t < N_REGULAR_TYPES && u(PURPOSE.pool, slot * 8 + 5) < kernPreferenceShare)
        poolKernPref[slot] = kernOrder[pickCumulative(kernCumulative, u(PURPOSE.pool, slot * 8 + 6))];
      if (t < N_REGULAR_TYPES && u(PURPOSE.pool, slot * 8 + 7) < localShare) poolLocal[slot] = 1;
    }
  }

  // Rows of 16 bytes (or a multiple), so none straddles two cache lines.
  const poolStride = 16 * Math.ceil((POOL_CLASS + cal.nYears) / 16);
  const poolRows = new Uint8Array(poolSlots * poolStride);
  for (let slot = 0; slot < poolSlots; slot++) {
    const row = slot * poolStride;
    poolRows[row + POOL_SIZE] = poolSize[slot];
    poolRows[row + POOL_AGE] = poolAge[slot];
    poolRows[row + POOL_KERN] = poolKernPref[slot] + 1;
    poolRows[row + POOL_LOCAL] = poolLocal[slot];
    for (let y = 0; y < cal.nYears; y++) poolRows[row + POOL_CLASS + y] = poolClass[y * poolSlots + slot];
  }

  // Hazards: move-out per age class and dwelling type, leaving the queue, registering as a doorstromer.
  const classes = a.turnover.byAge;
  const typeFactor = DWELLING_TYPES.map((t) => v(a.turnover.typeFactor[t]));
  const logStays = classes.flatMap((c) =>
    typeFactor.map((f) => quarterlyLogStay(Math.min(1, v(c.rate) * f))),
  );
  const leaveClass = logStays.length;
  logStays.push(queueLogStay);
  const doorstroomClass = logStays.length;
  logStays.push(quarterlyLogStay(v(a.doorstroming.registrationPerYear)));
  const turnoverFromAge = Int32Array.from(classes, (c) => c.fromAge);
  const initMoveOutClass = Uint8Array.from({ length: nInit }, (_, h) => {
    const age = startYear - initHhBorn[h];
    let ageClass = 0;
    while (ageClass + 1 < turnoverFromAge.length && turnoverFromAge[ageClass + 1] <= age) ageClass++;
    return ageClass * DWELLING_TYPES.length + initType[h];
  });

  const perQuarter = Float64Array.from(arrivalsPerYear, (x) => x / 4);
  const taakstellingPerInhabitant = taakstellingByQuarter(a, cal);
  const capacity = capacities(
    model,
    nInit,
    nHouseholds0,
    perQuarter,
    Math.max(0, ...taakstellingPerInhabitant),
  );
  const alternatives = a.statushouders.alternatives;
  const local = a.localPriority;
  const yearOfQuarter = Int32Array.from({ length: cal.nQuarters }, (_, q) =>
    Math.floor((cal.startAbsMonth + 3 * q) / 12),
  );
  const am: AllocationModel = {
    nKern,
    nOwners: model.owners.nOwners,
    nCorporations: model.owners.nCorporations,
    kernOrder,
    fit: fitTable(a.passendToewijzen.active, v(a.sizeMatch.maxRoomsAbovePersons), maxPersonsAboveRooms),
    order: Int32Array.from(a.order, (g) => GROUPS.indexOf(g)),
    limitsByYear,
    rentLimits: rentLimitsAtPriceYear(a, cal, economy),
    rentLimitsByYear: rentLimitsByYear(a, cal, economy),
    capDwellings: capacity.dwellings,
    nInitialDwellings: nInit,
    initKern,
    initOwner,
    initType,
    initRooms,
    initBand,
    initLabel,
    capHouseholds: capacity.households,
    nInitialHouseholds: nHouseholds0,
    initHhType,
    initHhSize,
    initHhBorn,
    initHhIncome,
    initHhClass,
    initHhKernPref,
    initHhRegistered,
    initHhGroup,
    poolAge,
    poolSize,
    poolIncome,
    poolClass,
    poolSlots,
    poolKernPref,
    poolRows,
    poolStride,
    newBuildTypeCumulative,
    roomsMin,
    roomsMax,
    bandCumulative,
    newBuildLabel: ENERGY_LABELS.indexOf(d.newBuildLabel),
    acquisitionType: DWELLING_TYPES.indexOf(d.acquisitionType),
    acquisitionLabel: ENERGY_LABELS.indexOf(d.acquisitionLabel),
    turnoverFromAge,
    initMoveOutClass,
    geometric: geometricTable(logStays),
    leaveClass,
    doorstroomClass,
    arrivalsPerQuarter: perQuarter,
    taakstellingPerInhabitant,
    alternativeAfterQuarters: alternatives ? Math.ceil(v(alternatives.afterMonths) / 3) : 0,
    alternativePersonsPerYear: alternatives ? v(alternatives.personsPerYear) : 0,
    useSaleHomes: a.statushouders.useSaleHomes,
    localPriority: local !== undefined,
    youngFromAge: local?.youngFromAge ?? 0,
    youngToAge: local?.youngToAge ?? -1,
    smallMaxPersons: local?.smallMaxPersons ?? 0,
    localSeniorFromAge: local?.seniorFromAge ?? 200,
    initHhLocal,
    poolLocal,
    doorstroomActive: v(a.doorstroming.registrationPerYear) > 0,
    searchBins: initialQuarters + cal.nQuarters + 1,
    doorstroomFromAge: v(a.doorstroming.fromAge),
    passendActive: a.passendToewijzen.active,
    exceptionAfterQuarters: Math.round(4 * v(a.passendToewijzen.exceptionAfterYears)),
    freeShare: Math.min(v(a.freeAllocation.share), v(a.freeAllocation.cap)),
    freeCap: v(a.freeAllocation.cap),
    maxRoomsAbovePersons: v(a.sizeMatch.maxRoomsAbovePersons),
    maxPersonsAboveRooms,
    nultredenFromAge: v(a.sizeMatch.nultredenFromAge),
    hardToLetAfterQuarters: Math.ceil(v(a.sizeMatch.hardToLetAfterMonths) / 3),
    tenantPriority: a.sales.tenantPriority,
    tenantBuyerShare: v(a.sales.tenantBuyerShare),
    yearOfQuarter,
    yearStartQuarter: Int32Array.from({ length: cal.nYears }, (_, y) => firstQuarterOfYear(cal, y)),
    startYear,
    initialQueue: undefined as unknown as InitialQueue,
  };
  am.initialQueue = initialQueue(am, cal.nQuarters);
  return am;
}

/**
 * The taakstelling in persons per inhabitant for each simulated quarter: a fixed rate per 1,000
 * inhabitants, or the Rijk's national taakstelling of the quarter's half year (half of it per quarter)
 * shared by population.
 */
function taakstellingByQuarter(a: Allocation, cal: Calendar): Float64Array {
  const out = new Float64Array(cal.nQuarters);
  const national = a.statushouders.national;
  for (let q = 0; q < cal.nQuarters; q++) {
    if (!national) {
      out[q] = v(a.statushouders.perThousandInhabitants ?? 0) / 1000 / 4;
      continue;
    }
    const abs = cal.startAbsMonth + 3 * q;
    const half = `${Math.floor(abs / 12)}-${abs % 12 < 6 ? "I" : "II"}`;
    const persons = national.byHalfYear[half] ?? v(national.default);
    out[q] = persons / 2 / v(national.population);
  }
  return out;
}

/** The queue a new home-seeker joins: by type, and for regular seekers by income. */
export function arrivalGroup(type: number, cls: number): number {
  if (type === TYPE_URGENT) return URGENT;
  if (type === TYPE_STATUSHOUDER) return STATUSHOUDER;
  return cls === INCOME_HIGH ? VRIJ : REGULIER;
}

const isSocialCell = (c: number, nOwners: number) => Math.floor(c / nOwners) % 4 === SOCIAL;

/** The kern indices sorted by kern id (code-unit order, as the file's order is no assumption). */
export function canonicalKernOrder(kernIds: readonly string[]): Int32Array {
  const order = kernIds
    .map((_, k) => k)
    .sort((a, b) => (kernIds[a] < kernIds[b] ? -1 : kernIds[a] > kernIds[b] ? 1 : a - b));
  return Int32Array.from(order);
}

/**
 * Where seekers with a kern wish want to live: in proportion to each kern's social stock at the start.
 * Cumulative over the kernen in `kernOrder`; a pick is a position in that order.
 */
function socialKernCumulative(model: StockModel, kernOrder: Int32Array): Float64Array {
  const perKern = Array.from(kernOrder, (k) => {
    let n = 0;
    for (let o = 0; o < model.owners.nOwners; o++)
      n += model.initialStock[cellIndex(k, SOCIAL, o, model.owners.nOwners)];
    return n;
  });
  const total = perKern.reduce((s, x) => s + x, 0);
  return cumulativeOf(perKern.map((x) => (total > 0 ? x / total : 1 / model.nKern)));
}

/**
 * Upper bounds on the homes and households a run can hold, so every array is allocated once per model.
 * Homes: the start plus every social unit that could be added (each project and its replacement,
 * acquisitions, splitting into social). Households: the start plus arrivals at the largest population
 * the stock allows, plus one displaced household per home that could be demolished.
 */
function capacities(
  model: StockModel,
  nInit: number,
  nHouseholds0: number,
  perQuarter: Float64Array,
  taakstellingPerInhabitantQuarter: number,
): { dwellings: number; households: number } {
  let added = 0;
  let allUnits = 0;
  for (let p = 0; p < model.nProjects; p++) {
    added += 2 * model.projectUnits[p * 4 + SOCIAL];
    for (let s = 0; s < 4; s++) allUnits += 2 * model.projectUnits[p * 4 + s];
  }
  // Every corporation's purchases, quarter by quarter.
  for (let q = 0; q < model.acquisitionsByQuarter.length; q++) added += model.acquisitionsByQuarter[q];
  for (let e = 0; e < model.splittingHomes.length; e++) {
    const units = model.splittingHomes[e] * model.splittingUnitsPerHome[e];
    added += units;
    allUnits += units;
  }
  let total0 = 0;
  for (let c = 0; c < model.nCells; c++) total0 += model.initialStock[c];
  const years = model.cal.nYears + 1;
  const factor =
    total0 > 0
      ? ((total0 + allUnits) / total0) * Math.max(1, (1 + model.personsPerDwellingChange) ** years)
      : 1;
  const nQ = model.cal.nQuarters;
  let arrivals = 0;
  for (let t = 0; t < perQuarter.length; t++) arrivals += Math.ceil(perQuarter[t] * factor * nQ) + nQ;
  arrivals += Math.ceil(taakstellingPerInhabitantQuarter * model.inhabitants * factor * nQ) + nQ;
  const dwellings = nInit + Math.ceil(added);
  return { dwellings, households: nHouseholds0 + arrivals + dwellings };
}
