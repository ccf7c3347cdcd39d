import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { actualsOf, behindOf, chanceChanges, endOfMonth } from "../../../engine/analysis/monitoring";
import type { SummaryJson } from "../../../engine/analysis/output";
import { parseProgress } from "../../../engine/progress";
import { loadScenario } from "../../helpers/scenarios";

const basis = loadScenario("basis");
const report = () => {
  const raw = JSON.parse(
    readFileSync(new URL("../../../data/voortgang/voorbeeld-2026-06.json", import.meta.url), "utf8"),
  );
  const parsed = parseProgress(raw, basis);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
};

describe("monitoring", () => {
  it("adds the homes delivered month by month to the stand at the start", () => {
    expect(endOfMonth("2026-06")).toBe(2026.5);
    expect(actualsOf(basis, report()).map((p) => [p.month, p.homes, p.realised])).toEqual([
      ["2025-09", 0, 302],
      ["2026-02", 14, 316],
      ["2026-04", 8, 324],
      ["2026-05", 24, 348],
      ["2026-06", 0, 348],
    ]);
  });

  it("lists the projects planned by the peildatum that are neither delivered nor dropped", () => {
    const behind = behindOf(basis, report());
    expect(behind.map((b) => [b.id, b.monthsLate, b.homes])).toEqual([["P02", 0, 22]]);
  });

  it("says each target's chance at the start and now", () => {
    const summary = (p: number) =>
      ({
        targets: [
          { id: "opgave", label: "1.225 woningen gerealiseerd in 2034", deadlineYear: 2034, probability: p },
        ],
      }) as unknown as SummaryJson;
    expect(chanceChanges(summary(0.06), summary(0.09))[0].sentence).toBe(
      "1.225 woningen gerealiseerd in 2034: 6% bij de start, nu 9%",
    );
  });
});
