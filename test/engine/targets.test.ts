import { describe, expect, it } from "vitest";
import { parseScenario } from "../../engine/parse";
import type { ScenarioInput } from "../../engine/scenario";
import { prepare } from "../../engine/simulate";
import { startingSocialShare } from "../../engine/targets";
import { certainScenario } from "../helpers/fixtures";
import { readScenarioJson } from "../helpers/scenarios";

function targetsOf(input: unknown) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return prepare(parsed.value);
}

/** A run record with the given yearly values per metric id (other metrics zero). */
function record(prepared: ReturnType<typeof targetsOf>, values: Record<string, number[]>): Float64Array {
  const nY = prepared.model.cal.nYears;
  const r = new Float64Array(prepared.layout.defs.length * nY);
  for (const [id, series] of Object.entries(values)) {
    const m = prepared.layout.defs.findIndex((d) => d.id === id);
    if (m < 0) throw new Error(`unknown metric ${id}`);
    r.set(series, m * nY);
  }
  return r;
}

describe("the agreement's targets", () => {
  it("defines every target of the baseline with a Dutch label and a deadline inside the period", () => {
    const { targets } = targetsOf(readScenarioJson("basis.json"));
    expect(targets.map((t) => t.id)).toEqual([
      "opgave",
      "nieuwbouw_sociaal",
      "nieuwbouw_sociaal_jaar",
      "verdeling_30_40_30",
      "sociale_voorraad_groeit",
      "sociale_voorraad_daalt_niet",
      "sociaal_aandeel@Overdinkel",
      "sleutelprojecten_2025_2030",
      "sleutelprojecten_2031_2035",
      "socialAdditions_2025_2029@domijn",
      "socialAdditions_2030_2035@domijn",
      "inwoners",
      "vrije_toewijzing",
      "taakstelling_statushouders",
    ]);
    expect(targets[0].label).toBe("1.225 woningen gerealiseerd in 2034");
    for (const t of targets) expect(t.deadlineYear).toBeGreaterThanOrEqual(2025);
  });

  it("reads the agreement's targets in the year it names: its own at the end of its period, the opgave in 2034", () => {
    const { targets } = targetsOf(readScenarioJson("basis.json"));
    const year = Object.fromEntries(targets.map((t) => [t.id, t.deadlineYear]));
    expect(year).toMatchObject({
      opgave: 2034,
      nieuwbouw_sociaal: 2030,
      verdeling_30_40_30: 2030,
      sociale_voorraad_groeit: 2030,
      "sociaal_aandeel@Overdinkel": 2030,
      sleutelprojecten_2025_2030: 2030,
      sleutelprojecten_2031_2035: 2035,
      "socialAdditions_2030_2035@domijn": 2035,
      vrije_toewijzing: 2030,
      taakstelling_statushouders: 2030,
    });
    for (const t of targets) expect(t.yearBasis, t.id).not.toBe("");
  });

  it("asks in which year the growth in inhabitants is reached, since the agreement names no year", () => {
    const prepared = targetsOf(readScenarioJson("basis.json"));
    const growth = prepared.targets.find((t) => t.id === "inwoners")!;
    expect(growth.kind).toBe("reach");
    expect(growth.deadlineYear).toBe(2035);
    const nY = prepared.model.cal.nYears;
    const r = record(prepared, {
      inhabitants: Array.from({ length: nY }, (_, y) => (y === 3 ? 25_000 : 24_000)),
    });
    // Reached in the fourth year: met from then on, even when the population dips below it again.
    expect(Array.from({ length: nY }, (_, y) => growth.met(r, y))).toEqual(
      Array.from({ length: nY }, (_, y) => y >= 3),
    );
  });

  it("gives every target the unit its value is shown in", () => {
    const { targets } = targetsOf(readScenarioJson("basis.json"));
    const unit = Object.fromEntries(targets.map((t) => [t.id, t.unit]));
    expect(unit).toMatchObject({ opgave: "woningen", nieuwbouw_sociaal: "aandeel", inwoners: "inwoners" });
  });

  it("signals a fall in social homes in any year so far: once fallen, not met for the rest of the run", () => {
    const prepared = targetsOf(certainScenario());
    const signal = prepared.targets.find((t) => t.id === "sociale_voorraad_daalt_niet")!;
    // The small scenario starts with 150 social homes.
    const r = record(prepared, { "stock.sociale_huur": [150, 149, 160] });
    expect([0, 1, 2].map((y) => signal.met(r, y))).toEqual([true, false, false]);
    expect(signal.met(record(prepared, { "stock.sociale_huur": [150, 151, 151] }), 2)).toBe(true);
  });

  it("meets the opgave exactly at the threshold, not below", () => {
    const prepared = targetsOf(certainScenario());
    const opgave = prepared.targets.find((t) => t.id === "opgave")!;
    const r = record(prepared, { "opgave.realised": [99, 100, 101] });
    expect([0, 1, 2].map((y) => opgave.met(r, y))).toEqual([false, true, true]);
  });

  it("sums a window target only over the years since the window opened", () => {
    const input: ScenarioInput = certainScenario();
    input.targets.sleutelprojecten = [{ fromYear: 2026, untilYear: 2027, homes: 10 }];
    const prepared = targetsOf(input);
    const window = prepared.targets.find((t) => t.id === "sleutelprojecten_2026_2027")!;
    const r = record(prepared, { "completions.sleutelproject": [50, 4, 6] });
    expect([0, 1, 2].map((y) => window.value(r, y))).toEqual([0, 4, 10]);
    expect(window.met(r, 2)).toBe(true);
    expect(window.met(r, 1)).toBe(false);
  });

  it("does not count a year without completions as meeting the yearly social share", () => {
    const prepared = targetsOf(certainScenario());
    const yearly = prepared.targets.find((t) => t.id === "nieuwbouw_sociaal_jaar")!;
    const r = record(prepared, { "completions.total": [0, 10, 10], "completions.sociale_huur": [0, 3, 2] });
    expect([0, 1, 2].map((y) => yearly.met(r, y))).toEqual([false, true, false]);
  });

  it("reads the starting social share off the stock: 150 of 500 in the small scenario", () => {
    expect(startingSocialShare(targetsOf(certainScenario()).model)).toBe(0.3);
  });
});
