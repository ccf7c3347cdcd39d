import fc from "fast-check";
import type { AllocationObserver } from "../../engine/allocation/context";
import type { AllocationInput } from "../../engine/allocation/schema";
import {
  type AllocationState,
  OCCUPIED,
  TENANT,
  TENANT_WAITING,
  VACANT,
} from "../../engine/allocation/state";
import { GROUPS } from "../../engine/allocation/vocabulary";
import { cellIndex, SOCIAL } from "../../engine/kernel/cells";
import { runKey } from "../../engine/kernel/random";
import { runOnce, runWork } from "../../engine/run";
import type { Scenario, ScenarioInput } from "../../engine/scenario";
import { type Prepared, prepare } from "../../engine/simulate";
import { loadScenario } from "./scenarios";

/** Helpers for the allocation tests: read a scenario, run it once, and read what happened. */

export interface Allocation {
  quarter: number;
  household: number;
  dwelling: number;
  group: number;
  exception: boolean;
  /** The household and home as they were at the allocation. */
  incomeClass: number;
  size: number;
  registered: number;
  band: number;
}

export interface OneRun {
  prepared: Prepared;
  work: ReturnType<typeof runWork>;
  runIndex: number;
  /** A metric's value per year. */
  metric(id: string): number[];
  /** Per quarter, per kern and owner (`kern * nOwners + owner`): social homes in the stock model and in the microsimulation's list. */
  stockSocial: number[][];
  listSocial: number[][];
  allocations: Allocation[];
  /** Broken links between homes and households found at the end of any quarter. */
  occupancyProblems: string[];
  /** Households on the waiting list at the start. */
  initialWaiting: number;
  /** The smallest stock cell seen after any quarter. */
  minimumStockCell: number;
}

/** Check at the end of a quarter that homes and households point at each other, one to one. */
function occupancy(st: AllocationState, quarter: number, problems: string[]): void {
  const seen = new Set<number>();
  for (let d = 0; d < st.nDwellings; d++) {
    if (st.dwState[d] !== OCCUPIED) continue;
    const h = st.dwTenant[d];
    if (seen.has(h)) problems.push(`kwartaal ${quarter}: huishouden ${h} woont in twee woningen`);
    seen.add(h);
    if (st.hhDwelling[h] !== d)
      problems.push(`kwartaal ${quarter}: woning ${d} noemt ${h}, die woont in ${st.hhDwelling[h]}`);
  }
  for (let h = 0; h < st.nHouseholds; h++) {
    const tenant = st.hhState[h] === TENANT || st.hhState[h] === TENANT_WAITING;
    if (tenant !== st.hhDwelling[h] >= 0)
      problems.push(
        `kwartaal ${quarter}: huishouden ${h} staat ${st.hhState[h]} met woning ${st.hhDwelling[h]}`,
      );
    if (tenant && st.dwTenant[st.hhDwelling[h]] !== h)
      problems.push(`kwartaal ${quarter}: huishouden ${h} niet gevonden in zijn woning`);
  }
}

/** Run a scenario once at (seed, run), watching every quarter and every allocation. */
export function runOne(scenario: Scenario, options: { seed?: number; run?: number } = {}): OneRun {
  const prepared = prepare(scenario);
  const { model, layout } = prepared;
  const work = runWork(model, layout);
  const nY = model.cal.nYears;
  const record = new Float64Array(layout.defs.length * nY);
  const am = model.allocation;
  const out: OneRun = {
    prepared,
    work,
    runIndex: options.run ?? 0,
    stockSocial: [],
    listSocial: [],
    allocations: [],
    occupancyProblems: [],
    initialWaiting: am ? am.nInitialHouseholds - am.nInitialDwellings : 0,
    minimumStockCell: Number.POSITIVE_INFINITY,
    metric(id: string) {
      const m = layout.defs.findIndex((d) => d.id === id);
      if (m < 0) throw new Error(`geen metriek ${id}`);
      return Array.from(record.subarray(m * nY, (m + 1) * nY));
    },
  };
  const observer: AllocationObserver = {
    allocated(quarter, household, dwelling, group, exception) {
      const st = work.allocation!.st;
      out.allocations.push({
        quarter,
        household,
        dwelling,
        group,
        exception,
        incomeClass: st.hhClass[household],
        size: st.hhSize[household],
        registered: st.hhRegistered[household],
        band: st.dwBand[dwelling],
      });
    },
    quarterEnd(quarter) {
      const st = work.allocation!.st;
      // Per kern and owner (`kern * nOwners + owner`): each corporation's homes are followed apart.
      const { nOwners } = model.owners;
      out.stockSocial.push(
        Array.from(
          { length: model.nKern * nOwners },
          (_, c) => work.state[cellIndex(Math.floor(c / nOwners), SOCIAL, c % nOwners, nOwners)],
        ),
      );
      const perCell = new Array<number>(model.nKern * nOwners).fill(0);
      for (let d = 0; d < st.nDwellings; d++) {
        if (st.dwState[d] === VACANT || st.dwState[d] === OCCUPIED)
          perCell[st.dwKern[d] * nOwners + st.dwOwner[d]]++;
      }
      out.listSocial.push(perCell);
      occupancy(st, quarter, out.occupancyProblems);
    },
  };
  const stockObserver = (
    _q: number,
    _before: Float64Array,
    _in: Float64Array,
    _out: Float64Array,
    after: Float64Array,
  ) => {
    for (const x of after) out.minimumStockCell = Math.min(out.minimumStockCell, x);
  };
  runOnce(model, layout, runKey(options.seed ?? 1, out.runIndex), work, record, stockObserver, observer);
  return out;
}

const fixed = (months: number) => ({ min: months, mode: months, max: months });
const certain = () => ({ dropOut: 0, delayMonths: fixed(0), objection: { chance: 0, months: fixed(0) } });
const profile = (age: number, size: number, income: number) => ({
  ageMin: age,
  ageMax: age,
  sizeShares: Array.from({ length: size }, (_, i) => (i === size - 1 ? 1 : 0)),
  incomeMedian: income,
  incomeSpread: 0,
});

let basisAllocationParsed: Scenario["allocation"];

/** A copy of the baseline's allocation block, the rules the hand and random scenarios start from. */
function basisAllocation(): NonNullable<Scenario["allocation"]> {
  basisAllocationParsed ??= loadScenario("basis").allocation;
  return structuredClone(basisAllocationParsed!);
}

/**
 * A small scenario without randomness in what it tests: one kern, two occupied social homes whose tenants
 * never move, one project of three social two-room apartments in the rent band up to the second
 * aftoppingsgrens completing in January 2026, and per quarter one starter (one person, €20.000), one
 * family (three persons, €20.000) and one other household (two persons, €40.000). Nobody leaves the
 * queue; every household of a type is the same.
 */
export function handScenario(): ScenarioInput {
  const basis = basisAllocation();
  const { localPriority: _, ...withoutLocalPriority } = basis;
  const allocation: AllocationInput = {
    ...withoutLocalPriority,
    order: ["urgent", "statushouder", "doorstromer", "vrij", "regulier"],
    dwellings: {
      ...basis.dwellings,
      typeShares: { eengezinswoning: 0, appartement: 1, nultredenwoning: 0 },
      newBuildTypeShares: { eengezinswoning: 0, appartement: 1, nultredenwoning: 0 },
      rooms: {
        eengezinswoning: { min: 4, max: 4 },
        appartement: { min: 2, max: 2 },
        nultredenwoning: { min: 2, max: 2 },
      },
      rentBandShares: { kwaliteitskorting: 0, aftopping_laag: 0, aftopping_hoog: 1, liberalisatie: 0 },
    },
    freeAllocation: { cap: 0.15, share: 0 },
    sizeMatch: {
      maxRoomsAbovePersons: 2,
      maxPersonsAboveRooms: 1,
      nultredenFromAge: 55,
      hardToLetAfterMonths: 120,
    },
    turnover: {
      byAge: [{ fromAge: 0, rate: 0 }],
      typeFactor: { eengezinswoning: 1, appartement: 1, nultredenwoning: 1 },
    },
    households: {
      starter: profile(25, 1, 20000),
      gezin: profile(35, 3, 20000),
      senior: profile(70, 1, 20000),
      overig: profile(45, 2, 40000),
      urgent: profile(30, 1, 15000),
      statushouder: profile(30, 1, 15000),
    },
    arrivals: { starter: 4, gezin: 4, senior: 0, overig: 4, urgent: 0 },
    statushouders: { perThousandInhabitants: 0 },
    queue: { exitPerYear: 0, initialYears: 0, kernPreferenceShare: 0 },
    doorstroming: { registrationPerYear: 0, fromAge: 65 },
    sales: { tenantPriority: true, tenantBuyerShare: 0 },
  };
  return {
    schemaVersion: 3,
    name: "Handberekening",
    corporations: [{ id: "domijn", name: "Domijn" }],
    municipality: { name: "Testgemeente", inhabitants: 1000, personsPerDwellingChange: 0 },
    kernen: [{ id: "Dorp", name: "Dorp" }],
    stock: [
      { kern: "Dorp", segment: "sociale_huur", owner: "domijn", dwellings: 2 },
      { kern: "Dorp", segment: "duur", owner: "eigenaar_bewoner", dwellings: 100 },
    ],
    opgave: { homes: 3, deadlineYear: 2026, realisedBeforeStart: 0 },
    projects: [
      {
        id: "A",
        name: "Appartementen",
        kern: "Dorp",
        status: "in_aanbouw",
        plannedCompletion: "2026-01",
        units: { sociale_huur: 3, middenhuur: 0, betaalbare_koop: 0, duur: 0 },
        owner: "domijn",
      },
    ],
    pipeline: {
      statuses: { in_aanbouw: certain(), hard: certain(), zacht: certain(), ambitie: certain() },
      capacity: { projectsPerYear: 10, statuses: ["zacht", "ambitie"], leadMonths: 0 },
      replacement: { chance: 0, delayMonths: 0 },
    },
    policy: {
      sales: { perYear: 0, warmeJas: false },
      acquisitions: { perYear: 0, fromSegment: "betaalbare_koop" },
    },
    targets: {
      socialShareNewBuild: 0.3,
      affordableShareNewBuild: 0.6667,
      sleutelprojecten: [],
      socialAdditions: [],
      inhabitants: 1000,
      inhabitantsYear: 2026,
    },
    allocation,
    simulation: { start: "2025-10", endYear: 2026, runs: 1, seed: 1 },
  } as ScenarioInput;
}

/**
 * Random valid scenarios for the allocation's property tests: the hand scenario's frame with random
 * kernen, social stock, projects, sales, acquisitions, demolitions, and random rates and rules for the
 * allocation (order, passend toewijzen, free allocation, turnover, arrivals, queue, doorstroming).
 */
export const arbitraryAllocationScenario: fc.Arbitrary<ScenarioInput> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([nKern, nCorporations]) => {
    const kernen = Array.from({ length: nKern }, (_, i) => `K${i}`);
    const corporations = Array.from({ length: nCorporations }, (_, i) => `C${i}`);
    const kern = fc.constantFrom(...kernen);
    const corporation = fc.constantFrom(...corporations);
    const rate = fc.double({ min: 0, max: 0.4, noNaN: true });
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    return fc
      .record({
        social: fc.array(
          fc.record({
            kern,
            owner: fc.constantFrom(...corporations, "overige_verhuurder"),
            dwellings: fc.integer({ min: 0, max: 60 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        projects: fc.array(
          fc.record({
            kern,
            year: fc.integer({ min: 2025, max: 2028 }),
            social: fc.integer({ min: 0, max: 25 }),
            dropOut: share,
            owner: fc.constantFrom(...corporations, "eigenaar_bewoner"),
            buyer: corporation,
          }),
          { maxLength: 3 },
        ),
        sales: fc.integer({ min: 0, max: 8 }),
        acquisitions: fc.integer({ min: 0, max: 4 }),
        others: fc.array(
          fc.record({ sales: fc.integer({ min: 0, max: 6 }), acquisitions: fc.integer({ min: 0, max: 3 }) }),
          {
            minLength: nCorporations - 1,
            maxLength: nCorporations - 1,
          },
        ),
        demolition: fc.option(
          fc.record({
            kern,
            owner: corporation,
            year: fc.integer({ min: 2026, max: 2028 }),
            dwellings: fc.integer({ min: 0, max: 15 }),
          }),
        ),
        order: fc.shuffledSubarray([...GROUPS], {
          minLength: 1,
        }),
        passend: fc.boolean(),
        exceptionAfterYears: fc.integer({ min: 0, max: 2 }),
        cap: share,
        used: share,
        turnover: fc.array(rate, { minLength: 3, maxLength: 3 }),
        arrivals: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 5, maxLength: 5 }),
        statushouders: fc.double({ min: 0, max: 20, noNaN: true }),
        alternatives: fc.option(
          fc.record({
            afterMonths: fc.integer({ min: 0, max: 12 }),
            personsPerYear: fc.integer({ min: 0, max: 10 }),
          }),
          { nil: undefined },
        ),
        useSaleHomes: fc.boolean(),
        localPriority: fc.option(
          fc.record({
            localShare: share,
            youngFromAge: fc.constant(18),
            youngToAge: fc.integer({ min: 18, max: 30 }),
            smallMaxPersons: fc.integer({ min: 1, max: 3 }),
            seniorFromAge: fc.integer({ min: 55, max: 70 }),
          }),
          { nil: undefined },
        ),
        exit: share,
        initialYears: fc.integer({ min: 0, max: 4 }),
        kernPreferenceShare: share,
        doorstroom: rate,
        hardToLetAfterMonths: fc.integer({ min: 0, max: 12 }),
        tenantPriority: fc.boolean(),
        tenantBuyerShare: share,
        bands: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }),
      })
      .map((r) => {
        const base = handScenario();
        const bandTotal = r.bands.reduce((s, x) => s + x, 0) || 1;
        const bands = r.bands.map((x) => (r.bands.every((b) => b === 0) ? 0.25 : x / bandTotal));
        bands[3] = 1 - bands[0] - bands[1] - bands[2];
        const basis = basisAllocation();
        const allocation: AllocationInput = {
          ...base.allocation!,
          order: r.order,
          dwellings: {
            ...basis.dwellings,
            rentBandShares: {
              kwaliteitskorting: bands[0],
              aftopping_laag: bands[1],
              aftopping_hoog: bands[2],
              liberalisatie: Math.max(0, bands[3]),
            },
          },
          households: basis.households,
          tenants: basis.tenants,
          passendToewijzen: { active: r.passend, exceptionAfterYears: r.exceptionAfterYears },
          freeAllocation: { cap: r.cap, share: Math.min(r.cap, r.used) },
          sizeMatch: {
            maxRoomsAbovePersons: 2,
            maxPersonsAboveRooms: 1,
            nultredenFromAge: 55,
            hardToLetAfterMonths: r.hardToLetAfterMonths,
          },
          turnover: {
            byAge: [
              { fromAge: 0, rate: r.turnover[0] },
              { fromAge: 40, rate: r.turnover[1] },
              { fromAge: 70, rate: r.turnover[2] },
            ],
            typeFactor: { eengezinswoning: 0.9, appartement: 1.2, nultredenwoning: 1 },
          },
          arrivals: {
            starter: r.arrivals[0],
            gezin: r.arrivals[1],
            senior: r.arrivals[2],
            overig: r.arrivals[3],
            urgent: r.arrivals[4],
          },
          statushouders: {
            perThousandInhabitants: r.statushouders,
            alternatives: r.alternatives,
            useSaleHomes: r.useSaleHomes,
          },
          localPriority: r.localPriority,
          queue: {
            exitPerYear: r.exit,
            initialYears: r.initialYears,
            kernPreferenceShare: r.kernPreferenceShare,
          },
          doorstroming: { registrationPerYear: r.doorstroom, fromAge: 65 },
          sales: { tenantPriority: r.tenantPriority, tenantBuyerShare: r.tenantBuyerShare },
        };
        return {
          ...base,
          allocation,
          corporations: corporations.map((id, i) =>
            i === 0
              ? { id, name: `Corporatie ${i}` }
              : {
                  id,
                  name: `Corporatie ${i}`,
                  sales: { perYear: r.others[i - 1].sales, warmeJas: i % 2 === 0 },
                  acquisitions: {
                    perYear: r.others[i - 1].acquisitions,
                    fromSegment: "betaalbare_koop" as const,
                  },
                },
          ),
          kernen: kernen.map((id) => ({ id, name: id })),
          stock: [
            ...r.social.map((s) => ({
              kern: s.kern,
              segment: "sociale_huur" as const,
              owner: s.owner,
              dwellings: s.dwellings,
            })),
            ...kernen.map((k) => ({
              kern: k,
              segment: "betaalbare_koop" as const,
              owner: "eigenaar_bewoner" as const,
              dwellings: 50,
            })),
          ],
          projects: r.projects.map((p, i) => ({
            id: `P${i}`,
            name: `Project ${i}`,
            kern: p.kern,
            status: "hard" as const,
            plannedCompletion: `${p.year}-06`,
            units: { sociale_huur: p.social, middenhuur: 0, betaalbare_koop: 5, duur: 0 },
            owner: p.owner,
            buyer: p.buyer,
          })),
          pipeline: {
            ...base.pipeline,
            statuses: {
              ...base.pipeline.statuses,
              hard: {
                dropOut: r.projects[0]?.dropOut ?? 0,
                delayMonths: { min: 0, mode: 3, max: 12 },
                objection: { chance: 0, months: { min: 0, mode: 0, max: 0 } },
              },
            },
          },
          policy: {
            sales: { perYear: r.sales, warmeJas: true },
            acquisitions: { perYear: r.acquisitions, fromSegment: "betaalbare_koop" as const },
            demolitions: r.demolition
              ? [
                  {
                    id: "S",
                    year: r.demolition.year,
                    kern: r.demolition.kern,
                    segment: "sociale_huur" as const,
                    owner: r.demolition.owner,
                    dwellings: r.demolition.dwellings,
                  },
                ]
              : [],
          },
          opgave: { homes: 10, deadlineYear: 2028, realisedBeforeStart: 0 },
          targets: { ...base.targets, inhabitantsYear: 2028 },
          simulation: { start: "2025-10", endYear: 2028, runs: 2, seed: 1 },
        } as ScenarioInput;
      });
  });
