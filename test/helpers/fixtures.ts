import type { ScenarioInput } from "../../engine/scenario";

const fixed = (months: number) => ({ min: months, mode: months, max: months });
const certain = () => ({ dropOut: 0, delayMonths: fixed(0), objection: { chance: 0, months: fixed(0) } });

/**
 * A small scenario with no randomness at all: two kernen, no drop-out, no delay, no shocks, capacity
 * enough for everything. Tests start from it and change what they test.
 */
export function certainScenario(): ScenarioInput {
  return {
    schemaVersion: 2,
    name: "Zeker",
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
      domijnSocialAdditions: [{ fromYear: 2025, untilYear: 2027, homes: 12 }],
      socialShareByKern: [],
      inhabitants: 1100,
      inhabitantsYear: 2027,
    },
    simulation: { start: "2025-01", endYear: 2027, runs: 10, seed: 1 },
  };
}
