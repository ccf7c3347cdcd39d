import { describe, expect, it } from "vitest";
import { runKey } from "../../engine/kernel/random";
import { parseScenario } from "../../engine/parse";
import { runOnce, runWork } from "../../engine/run";
import type { Scenario } from "../../engine/scenario";
import { prepare } from "../../engine/simulate";
import { certainScenario } from "../helpers/fixtures";

function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** One run's yearly values per metric id. */
function oneRun(scenario: Scenario, seed = 1): Record<string, number[]> {
  const { model, layout } = prepare(scenario);
  const record = new Float64Array(layout.defs.length * model.cal.nYears);
  runOnce(model, layout, runKey(seed, 0), runWork(model, layout), record);
  const nY = model.cal.nYears;
  return Object.fromEntries(
    layout.defs.map((d, m) => [d.id, Array.from(record.subarray(m * nY, (m + 1) * nY))]),
  );
}

describe("runOnce without randomness", () => {
  // Only Noord has Domijn social homes, so all four sales a year (one a quarter) come from Noord.
  const input = certainScenario();
  input.stock[2].owner = "overige_verhuurder";
  const r = oneRun(parsed(input));

  it("follows the hand-computed stock path", () => {
    // 2025: Noord sells 4 (social 100 → 96, affordable purchase 200 → 204); Zuid stays 50 + 150.
    // 2026: project A (Noord, domijn, 12 social + 8 purchase) completes in May; 4 more sales.
    //       Noord social 96 + 12 − 4 = 104, purchase 204 + 8 + 4 = 216; total 520.
    // 2027: project B (Zuid, market party) completes in November: 5 mid-rent (to other landlords)
    //       and 15 expensive; 4 more sales: Noord social 100, purchase 220; total 540.
    expect(r["stock.total"]).toEqual([500, 520, 540]);
    expect(r["stock.sociale_huur"]).toEqual([146, 154, 150]);
    expect(r["stock.betaalbare_koop"]).toEqual([204, 216, 220]);
    expect(r["stock.middenhuur"]).toEqual([0, 0, 5]);
    expect(r["stock.duur"]).toEqual([150, 150, 165]);
    expect(r["stock.sociale_huur@Noord"]).toEqual([96, 104, 100]);
    expect(r["stock.sociale_huur@domijn"]).toEqual([96, 104, 100]);
    expect(r["share.sociale_huur"][2]).toBeCloseTo(150 / 540, 12);
  });

  it("counts completions in the year they happen and realisation on top of what was done before", () => {
    expect(r["completions.total"]).toEqual([0, 20, 20]);
    expect(r["completions.sociale_huur"]).toEqual([0, 12, 0]);
    expect(r["completions.total@Zuid"]).toEqual([0, 0, 20]);
    expect(r["completions.sleutelproject"]).toEqual([0, 20, 0]);
    expect(r["completions.sociaal@domijn"]).toEqual([0, 12, 0]);
    expect(r["opgave.realised"]).toEqual([10, 30, 50]);
    expect(r["newbuild_share.sociale_huur"]).toEqual([0, 0.6, 0.3]);
    expect(r["newbuild_share.betaalbaar"]).toEqual([0, 1, 0.625]);
  });

  it("records sales with the warme jas, and inhabitants following the stock", () => {
    expect(r["sales.sociale_huur"]).toEqual([4, 4, 4]);
    expect(r["sales.warme_jas"]).toEqual([4, 4, 4]);
    expect(r.inhabitants).toEqual([1000, 1040, 1080]);
  });

  it("gives the same path for every seed when nothing is random", () => {
    expect(oneRun(parsed(input), 99)).toEqual(r);
  });
});

describe("runOnce with policy events", () => {
  it("demolishes, splits and buys within what each cell holds", () => {
    const input = certainScenario();
    input.projects = [];
    input.policy.sales.perYear = 0;
    input.policy.acquisitions.perYear = 8;
    input.policy.demolitions = [
      { id: "s1", year: 2026, kern: "Zuid", segment: "sociale_huur", owner: "domijn", dwellings: 80 },
    ];
    input.policy.splittings = [
      {
        id: "w1",
        year: 2025,
        kern: "Noord",
        segment: "betaalbare_koop",
        owner: "eigenaar_bewoner",
        homes: 10,
        unitsPerHome: 3,
        toSegment: "middenhuur",
      },
    ];
    const r = oneRun(parsed(input));
    // Demolition asks for 80 in Zuid but only 50 are there.
    expect(r["demolitions.total"]).toEqual([0, 50, 0]);
    // Ten homes become thirty: twenty extra dwellings.
    expect(r["splitting.added"]).toEqual([20, 0, 0]);
    expect(r["stock.middenhuur"]).toEqual([30, 30, 30]);
    // Only Noord has owner-occupied affordable homes to buy: 8 a year.
    expect(r["acquisitions.sociale_huur"]).toEqual([8, 8, 8]);
    expect(r["stock.sociale_huur@Noord"]).toEqual([108, 116, 124]);
    expect(r["stock.total"]).toEqual([520, 470, 470]);
    expect(r["opgave.realised"]).toEqual([30, 30, 30]);
  });
});
