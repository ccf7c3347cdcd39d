import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { energyCost } from "../../../engine/affordability/energy";
import { huurtoeslag } from "../../../engine/affordability/huurtoeslag";
import type { AllocationObserver } from "../../../engine/allocation/context";
import { runKey } from "../../../engine/kernel/random";
import { parseScenario } from "../../../engine/parse";
import { runOnce, runWork } from "../../../engine/run";
import type { ScenarioInput } from "../../../engine/scenario";
import { prepare, simulate } from "../../../engine/simulate";
import { arbitraryAllocationScenario } from "../../helpers/allocation-fixtures";
import { readScenarioJson } from "../../helpers/scenarios";
import { HUURTOESLAG } from "./figures";

const basis = readScenarioJson("basis.json") as { affordability: Record<string, unknown>; economy: unknown };
const basisAffordability = basis.affordability;

/** Random allocation scenarios with a random rent policy on top. */
const arbitraryAffordabilityScenario = fc
  .tuple(
    arbitraryAllocationScenario,
    fc.record({
      mode: fc.constantFrom("loon", "maximum", "inflatie", "pad"),
      increase: fc.double({ min: -0.02, max: 0.12, noNaN: true }),
      freezeYear: fc.integer({ min: 2026, max: 2028 }),
      harmonise: fc.boolean(),
      twoRent: fc.boolean(),
      warmeJas: fc.integer({ min: 0, max: 30 }),
      sampleEvery: fc.integer({ min: 1, max: 4 }),
    }),
  )
  .map(([scenario, r]): ScenarioInput & { freezeYear: number } => {
    const a = structuredClone(basisAffordability) as Record<string, Record<string, unknown>>;
    a.rentPolicy = {
      ...a.rentPolicy,
      mode: r.mode,
      maximumDefault: r.increase,
      spread: r.increase - 0.02,
      path: { "2027": r.increase },
      freezeYears: [r.freezeYear],
      harmoniseOnReletting: r.harmonise,
      twoRent: r.twoRent,
    };
    a.energy = { ...a.energy, warmeJasPerYear: r.warmeJas };
    return {
      ...scenario,
      economy: basis.economy as never,
      affordability: { ...a, sampleEvery: r.sampleEvery } as never,
      freezeYear: r.freezeYear,
    };
  });

describe("affordability over random scenarios", () => {
  it("a rent freeze never raises any rent in that year, whatever the policy", () => {
    fc.assert(
      fc.property(
        arbitraryAffordabilityScenario,
        fc.integer({ min: 0, max: 500 }),
        ({ freezeYear, ...input }, run) => {
          const parsed = parseScenario(input);
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
          const { model, layout } = prepare(parsed.value);
          const work = runWork(model, layout);
          const record = new Float64Array(layout.defs.length * model.cal.nYears);
          let before: Float64Array | undefined;
          const observer: AllocationObserver = {
            quarterEnd(q) {
              const rent = work.affordability!.rent;
              const year = Math.floor((model.cal.startAbsMonth + 3 * q) / 12);
              if (year === freezeYear - 1) before = rent.slice();
              if (year !== freezeYear || !before) return;
              for (let d = 0; d < before.length; d++) {
                if (before[d] > 0 && rent[d] > before[d])
                  throw new Error(`huur van woning ${d} steeg in ${year}`);
              }
            },
          };
          runOnce(model, layout, runKey(1, run), work, record, undefined, observer);
          expect(before).toBeDefined();
        },
      ),
      { numRuns: 40 },
    );
  });

  it("housing costs are never negative: huurtoeslag never exceeds the rent and energy costs are positive", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1200, noNaN: true }),
        fc.double({ min: 0, max: 90_000, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        (rent, income, label, persons) => {
          const p = HUURTOESLAG;
          const energy = energyCost(
            { monthlyByLabel: Float64Array.from([110, 125, 145, 170, 200, 225, 250]), perExtraPerson: 20 },
            label,
            persons,
          );
          const costs = rent - huurtoeslag(p, rent, income, 477.2, 682.96, 900.07) + energy;
          expect(costs).toBeGreaterThanOrEqual(energy);
          expect(energy).toBeGreaterThan(0);
        },
      ),
    );
  });

  it("every recorded woonlasten quantile of a random scenario is at least zero", () => {
    fc.assert(
      fc.property(arbitraryAffordabilityScenario, ({ freezeYear: _, ...input }) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        const sim = simulate(parsed.value, { runs: 3, seed: 2 });
        const d = sim.prepared.layout.distributions.findIndex((x) => x.id === "woonlasten");
        const h = sim.result.histograms;
        // Negative costs would land in the first bin (values below the range are clamped into it).
        const firstBins = h.counts.subarray(h.offsets[d], h.offsets[d] + h.defs[d].bins * h.nYears);
        for (let y = 0; y < h.nYears; y++) expect(firstBins[y * h.defs[d].bins]).toBe(0);
      }),
      { numRuns: 25 },
    );
  });
});
