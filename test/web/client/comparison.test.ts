import { describe, expect, it } from "vitest";
import {
  differenceReading,
  differenceRows,
  runComparison,
  scoreMatrix,
  tornadoFor,
} from "../../../web/client/comparison";
import { builtinScenario } from "../../../web/scenario/builtin";

const options = { runs: 200, seed: 1 };
const [basis, vertraging] = ["basis", "vertraging"].map(builtinScenario);

describe("comparison", () => {
  const compared = runComparison([basis, vertraging, basis], options);

  it("runComparison runs every scenario with the same seed and runs, and makes names unique", () => {
    expect(compared.map((c) => c.label)).toEqual(["Basis Losser", "Vertraging", "Basis Losser (2)"]);
    expect(compared.map((c) => [c.summary.meta.seed, c.summary.meta.runs])).toEqual([
      [1, 200],
      [1, 200],
      [1, 200],
    ]);
  });

  it("scoreMatrix has a row per target with a cell per scenario: median, probability and light", () => {
    const rows = scoreMatrix(compared);
    expect(rows.map((r) => r.id)).toEqual(compared[0].summary.targets.map((t) => t.id));
    const opgave = rows.find((r) => r.id === "opgave")!;
    expect(opgave.cells.map((c) => c.scenario)).toEqual(compared.map((c) => c.label));
    const target = compared[1].summary.targets.find((t) => t.id === "opgave")!;
    expect(opgave.cells[1].probability).toBe(target.probability);
    expect(opgave.cells[1].light?.color).toBeDefined();
    // The same scenario twice scores the same.
    expect(opgave.cells[2]).toEqual({ ...opgave.cells[0], scenario: "Basis Losser (2)" });
  });

  it("scoreMatrix leaves a dash where a scenario lacks a target", () => {
    const { summary } = compared[1];
    const lacking = {
      ...compared[1],
      summary: { ...summary, targets: summary.targets.filter((t) => t.id !== "opgave") },
    };
    const row = scoreMatrix([compared[0], lacking]).find((r) => r.id === "opgave")!;
    expect(row.cells[1]).toMatchObject({ medianText: "–", probability: undefined });
  });

  it("differenceRows of a scenario with itself is exactly zero in every year and statistic", () => {
    for (const row of differenceRows(compared[0], compared[2], "opgave.realised")) {
      const { year: _, ...values } = row;
      expect(Object.values(values).every((v) => v === 0)).toBe(true);
    }
  });

  it("differenceRows of vertraging against basis realises fewer homes by 2034 at the median", () => {
    const rows = differenceRows(compared[0], compared[1], "opgave.realised");
    const r2034 = rows.find((r) => r.year === 2034)!;
    expect(r2034.p50).toBeLessThan(0);
    expect(differenceReading(compared[0], compared[1], rows, 2034, "woningen")?.text).toMatch(
      /^In 2034 geeft Vertraging naar verwachting [\d.]+ woningen minder dan Basis Losser \(80% kans: tussen [\d.]+ (minder )?en [\d.]+ (minder|meer)\)\.$/,
    );
    expect(differenceReading(compared[0], compared[1], rows, 2034, "woningen")?.text).not.toMatch(/-\d/);
    // A band on both sides of zero says so in words.
    const fake = [{ year: 2034, mean: -5, p5: -30, p10: -20, p25: -10, p50: -5, p75: 0, p90: 10, p95: 20 }];
    expect(differenceReading(compared[0], compared[1], fake, 2034, "woningen")?.text).toContain(
      "(80% kans: tussen 20 minder en 10 meer)",
    );
  });

  it("tornadoFor lists assumptions by swing, largest first, for both outcomes", () => {
    const tornados = tornadoFor(basis, { runs: 50, seed: 1 });
    expect(tornados.map((t) => `${t.outcome.metric}@${t.outcome.year}`)).toEqual([
      "share.sociale_huur@2030",
      "opgave.realised@2034",
    ]);
    for (const t of tornados) {
      const swings = t.bars.map((b) => b.swing);
      expect(swings).toEqual([...swings].sort((a, b) => b - a));
    }
  });
});
