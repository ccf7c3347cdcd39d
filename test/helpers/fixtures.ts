import type { ScenarioInput } from "../../engine/scenario";
import { loadScenario } from "./scenarios";

const fixed = (months: number) => ({ min: months, mode: months, max: months });
const certain = () => ({ dropOut: 0, delayMonths: fixed(0), objection: { chance: 0, months: fixed(0) } });

/**
 * A small scenario with no randomness at all: two kernen, no drop-out, no delay, no shocks, capacity
 * enough for everything. Tests start from it and change what they test.
 */
export function certainScenario(): ScenarioInput {
  return {
    schemaVersion: 3,
    name: "Zeker",
    corporations: [{ id: "domijn", name: "Domijn" }],
    municipality: { name: "Testgemeente", inhabitants: 1000, personsPerDwellingChange: 0 },
    kernen: [
      { id: "Noord", name: "Noord" },
      { id: "Zuid", name: "Zuid" },
    ],
    stock: [
      { kern: "Noord", segment: "sociale_huur", owner: "domijn", dwellings: 100 },
      { kern: "Noord", segment: "betaalbare_koop", owner: "eigenaar_bewoner", dwellings: 200 },
      { kern: "Zuid", segment: "sociale_huur", owner: "domijn", dwellings: 50 },
      { kern: "Zuid", segment: "duur", owner: "eigenaar_bewoner", dwellings: 150 },
    ],
    opgave: { homes: 100, deadlineYear: 2027, realisedBeforeStart: 10 },
    projects: [
      {
        id: "A",
        name: "Project A",
        kern: "Noord",
        status: "hard",
        plannedCompletion: "2026-05",
        units: { sociale_huur: 12, middenhuur: 0, betaalbare_koop: 8, duur: 0 },
        owner: "domijn",
        sleutelproject: true,
        kind: "nieuwbouw",
      },
      {
        id: "B",
        name: "Project B",
        kern: "Zuid",
        status: "zacht",
        plannedCompletion: "2027-11",
        units: { sociale_huur: 0, middenhuur: 5, betaalbare_koop: 0, duur: 15 },
        owner: "eigenaar_bewoner",
        sleutelproject: false,
        kind: "nieuwbouw",
      },
    ],
    pipeline: {
      statuses: { in_aanbouw: certain(), hard: certain(), zacht: certain(), ambitie: certain() },
      shocks: [],
      capacity: { projectsPerYear: 10, statuses: ["zacht", "ambitie"], leadMonths: 12 },
      levers: [],
      replacement: { chance: 0, delayMonths: 0 },
    },
    policy: {
      sales: { perYear: 4, byYear: {}, warmeJas: true },
      acquisitions: { perYear: 0, byYear: {}, fromSegment: "betaalbare_koop" },
      demolitions: [],
      splittings: [],
    },
    targets: {
      socialShareNewBuild: 0.3,
      affordableShareNewBuild: 0.6667,
      sleutelprojecten: [{ fromYear: 2025, untilYear: 2027, homes: 20 }],
      socialAdditions: [{ corporation: "domijn", fromYear: 2025, untilYear: 2027, homes: 12 }],
      socialShareByKern: [],
      inhabitants: 1100,
      inhabitantsYear: 2027,
    },
    simulation: { start: "2025-01", endYear: 2027, runs: 10, seed: 1 },
  };
}

const months = (min: number, mode: number, max: number) => ({ min, mode, max });

/**
 * A small scenario with chance in every part: certainScenario's two kernen and 500 homes, with
 * drop-out, delay, objections, a shock and a lever in the pipeline, sales, acquisitions, a demolition
 * and a splitting, and the baseline's economy, allocation and affordability rules on its social homes (with
 * arrivals to match).
 * Every sub-model runs and no two runs are alike, at about a millisecond a run: for the tests of the
 * pool, the session, chunks, merges and the command line, whose property does not depend on the size
 * of the model. `runs` is what a session or `woonscenario run` computes.
 */
export function smallScenario(runs = 400): ScenarioInput {
  const basis = loadScenario("basis");
  const input = certainScenario();
  const uncertain = (dropOut: number) => ({
    dropOut,
    delayMonths: months(0, 3, 12),
    objection: { chance: 0.3, months: months(2, 6, 18) },
  });
  input.name = "Klein";
  input.pipeline = {
    ...input.pipeline,
    statuses: {
      in_aanbouw: uncertain(0),
      hard: uncertain(0.05),
      zacht: uncertain(0.3),
      ambitie: uncertain(0.5),
    },
    shocks: [
      {
        id: "stikstof",
        label: "Stikstof",
        chancePerYear: 0.2,
        delayMonths: months(3, 6, 12),
        statuses: ["hard", "zacht"],
        fromYear: 2025,
        toYear: 2028,
      },
    ],
    levers: [
      {
        id: "bouwstroom",
        label: "Bouwstroom",
        active: true,
        monthsSaved: 2,
        statuses: ["zacht"],
        fromYear: 2026,
      },
    ],
    replacement: { chance: 0.5, delayMonths: 12 },
  };
  input.policy = {
    sales: { perYear: 2, byYear: { "2026": 4 }, warmeJas: true },
    acquisitions: { perYear: 1, byYear: {}, fromSegment: "betaalbare_koop" },
    demolitions: [
      { id: "sloop", year: 2026, kern: "Zuid", segment: "sociale_huur", owner: "domijn", dwellings: 4 },
    ],
    splittings: [
      {
        id: "splitsing",
        year: 2027,
        kern: "Noord",
        segment: "betaalbare_koop",
        owner: "eigenaar_bewoner",
        homes: 2,
        unitsPerHome: 2,
        toSegment: "middenhuur",
      },
    ],
  };
  input.simulation = { ...input.simulation, endYear: 2028, runs };
  return {
    ...input,
    economy: basis.economy,
    // The baseline's arrivals are for some 1,800 social homes; these are for 150.
    allocation: { ...basis.allocation, arrivals: { starter: 7, gezin: 5, senior: 3, overig: 3, urgent: 1 } },
    affordability: basis.affordability,
  } as ScenarioInput;
}
