import fc from "fast-check";
import {
  OTHER_OWNERS,
  PIPELINE_STATUSES,
  PROJECT_KINDS,
  SEGMENTS,
  STATUSES,
} from "../../engine/kernel/domain";
import type { ScenarioInput } from "../../engine/scenario";

/**
 * Random valid scenarios for property tests: a few kernen, one to three corporations, random stock,
 * projects (some with a buyer for their social units), delays, shocks, capacity, levers and policy,
 * sales and purchases per corporation. Every one passes the schema (a test checks that), so a failing property
 * is the model's fault, not the generator's.
 */

const START_YEAR = 2025;
const END_YEAR = 2030;
const year = fc.integer({ min: START_YEAR, max: END_YEAR });
const month = fc
  .tuple(year, fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
const probability = fc.double({ min: 0, max: 1, noNaN: true });
const months = fc
  .array(fc.integer({ min: 0, max: 36 }), { minLength: 3, maxLength: 3 })
  .map((xs) => xs.sort((a, b) => a - b))
  .map(([min, mode, max]) => ({ min, mode, max }));
const count = (max: number) => fc.integer({ min: 0, max });

const statusAssumption = fc.record({
  dropOut: probability,
  delayMonths: months,
  objection: fc.record({ chance: probability, months }),
});

export const arbitraryScenario: fc.Arbitrary<ScenarioInput> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
  .chain(([nKern, nCorporations]) => {
    const kernen = Array.from({ length: nKern }, (_, i) => `K${i}`);
    const corporations = Array.from({ length: nCorporations }, (_, i) => `C${i}`);
    const kern = fc.constantFrom(...kernen);
    const segment = fc.constantFrom(...SEGMENTS);
    const owner = fc.constantFrom(...corporations, ...OTHER_OWNERS);
    const corporation = fc.constantFrom(...corporations);
    const trade = fc.record({ sales: count(20), acquisitions: count(20), warmeJas: fc.boolean() });
    const project = fc.record({
      status: fc.constantFrom(...STATUSES),
      plannedCompletion: month,
      kern,
      owner,
      buyer: fc.option(corporation, { nil: undefined }),
      units: fc.record({
        sociale_huur: count(40),
        middenhuur: count(40),
        betaalbare_koop: count(40),
        duur: count(40),
      }),
      sleutelproject: fc.boolean(),
      kind: fc.constantFrom(...PROJECT_KINDS),
    });
    const statuses = fc.subarray([...PIPELINE_STATUSES], { minLength: 1 });
    return fc
      .record({
        stock: fc.array(fc.record({ kern, segment, owner, dwellings: count(300) }), {
          minLength: 1,
          maxLength: 20,
        }),
        projects: fc.array(project, { maxLength: 12 }),
        statuses: fc.record({
          in_aanbouw: statusAssumption,
          hard: statusAssumption,
          zacht: statusAssumption,
          ambitie: statusAssumption,
        }),
        shocks: fc.array(
          fc.record({
            chancePerYear: probability,
            delayMonths: months,
            statuses,
            fromYear: fc.constant(START_YEAR),
            toYear: year,
          }),
          { maxLength: 2 },
        ),
        capacity: fc.record({
          projectsPerYear: fc.integer({ min: 1, max: 5 }),
          statuses: fc.subarray([...PIPELINE_STATUSES]),
          leadMonths: count(30),
        }),
        levers: fc.array(
          fc.record({
            active: fc.boolean(),
            monthsSaved: count(12),
            statuses,
            fromYear: year,
            owners: fc.option(fc.subarray([...corporations, ...OTHER_OWNERS], { minLength: 1 }), {
              nil: undefined,
            }),
          }),
          { maxLength: 2 },
        ),
        replacement: fc.record({ chance: probability, delayMonths: count(36) }),
        sales: count(40),
        acquisitions: count(40),
        others: fc.array(trade, { minLength: nCorporations - 1, maxLength: nCorporations - 1 }),
        demolitions: fc.array(fc.record({ year, kern, segment, owner, dwellings: count(100) }), {
          maxLength: 3,
        }),
        splittings: fc.array(
          fc.record({
            year,
            kern,
            segment,
            owner,
            homes: count(30),
            unitsPerHome: fc.integer({ min: 2, max: 4 }),
            toSegment: segment,
          }),
          { maxLength: 3 },
        ),
        start: fc.constantFrom("2025-01", "2025-04", "2025-07", "2025-10"),
      })
      .map(
        (r): ScenarioInput => ({
          schemaVersion: 3,
          name: "Willekeurig",
          municipality: { name: "Proef", inhabitants: 10_000, personsPerDwellingChange: -0.005 },
          corporations: corporations.map((id, i) => {
            const other = r.others[i - 1];
            if (other === undefined) return { id, name: `Corporatie ${i}` };
            return {
              id,
              name: `Corporatie ${i}`,
              sales: { perYear: other.sales, byYear: {}, warmeJas: other.warmeJas },
              acquisitions: { perYear: other.acquisitions, byYear: {}, fromSegment: "middenhuur" },
            };
          }),
          kernen: kernen.map((id) => ({ id, name: id })),
          stock: r.stock,
          opgave: { homes: 200, deadlineYear: END_YEAR, realisedBeforeStart: 0 },
          projects: r.projects.map(({ buyer, ...p }, i) => ({
            ...p,
            ...(buyer === undefined ? {} : { buyer }),
            id: `P${i}`,
            name: `Project ${i}`,
          })),
          pipeline: {
            statuses: r.statuses,
            shocks: r.shocks.map((s, i) => ({ ...s, id: `schok${i}`, label: `Schok ${i}` })),
            capacity: r.capacity,
            levers: r.levers.map(({ owners, ...l }, i) => ({
              ...l,
              ...(owners === undefined ? {} : { owners }),
              id: `hefboom${i}`,
              label: `Hefboom ${i}`,
            })),
            replacement: r.replacement,
          },
          policy: {
            sales: { perYear: r.sales, byYear: {}, warmeJas: true },
            acquisitions: { perYear: r.acquisitions, byYear: {}, fromSegment: "betaalbare_koop" },
            demolitions: r.demolitions.map((d, i) => ({ ...d, id: `sloop${i}` })),
            splittings: r.splittings.map((s, i) => ({ ...s, id: `splitsing${i}` })),
          },
          targets: {
            socialShareNewBuild: 0.3,
            affordableShareNewBuild: 0.6667,
            sleutelprojecten: [{ fromYear: START_YEAR, untilYear: END_YEAR, homes: 50 }],
            socialAdditions: corporations.map((c) => ({
              corporation: c,
              fromYear: START_YEAR,
              untilYear: END_YEAR,
              homes: 20,
            })),
            socialShareByKern: [{ kern: kernen[0], min: 0.1, max: 0.4 }],
            inhabitants: 11_000,
            inhabitantsYear: END_YEAR,
          },
          simulation: { start: r.start, endYear: END_YEAR, runs: 5, seed: 1 },
        }),
      );
  });
