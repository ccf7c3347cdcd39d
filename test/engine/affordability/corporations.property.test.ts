import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REMOVED } from "../../../engine/allocation/state";
import { ENERGY_LABELS } from "../../../engine/allocation/vocabulary";
import type { ScenarioInput } from "../../../engine/scenario";
import { arbitraryAllocationScenario, runOne } from "../../helpers/allocation-fixtures";
import { parsed, readScenarioJson } from "../../helpers/scenarios";

/**
 * The warme jas and the renovation path work on the corporations' homes (one to three corporations):
 * the count of their homes by label that the model keeps as homes come, go and are renovated must be
 * what a scan of the homes finds, or renovation would look for homes that are not there (or miss some).
 */

const basis = readScenarioJson("basis.json") as { affordability: Record<string, unknown>; economy: unknown };
const LABEL_E = ENERGY_LABELS.indexOf("E");

const withWarmeJas = fc
  .tuple(arbitraryAllocationScenario, fc.integer({ min: 0, max: 40 }))
  .map(([scenario, warmeJas]): ScenarioInput => {
    const a = structuredClone(basis.affordability) as Record<string, Record<string, unknown>>;
    a.energy = { ...a.energy, warmeJasPerYear: warmeJas };
    return { ...scenario, economy: basis.economy as never, affordability: a as never };
  });

describe("the corporations' homes by energy label", () => {
  it("count in the last year what a scan of the corporations' homes finds, whatever the number of corporations", () => {
    fc.assert(
      fc.property(withWarmeJas, fc.integer({ min: 0, max: 500 }), (input, run) => {
        const scenario = parsed(input);
        const result = runOne(scenario, { run });
        const st = result.work.allocation!.st;
        const nCorporations = result.prepared.model.owners.nCorporations;
        const scanned = ENERGY_LABELS.map(() => 0);
        for (let d = 0; d < st.nDwellings; d++)
          if (st.dwState[d] !== REMOVED && st.dwOwner[d] < nCorporations) scanned[st.dwLabel[d]]++;
        expect(Array.from(st.corporationsByLabel)).toEqual(scanned);
        const poor = scanned.slice(LABEL_E).reduce((sum, n) => sum + n, 0);
        const efg = result.metric("homes.label_efg");
        expect(efg[efg.length - 1]).toBe(poor);
      }),
      { numRuns: 40 },
    );
  });
});
