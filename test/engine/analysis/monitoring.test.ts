import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  actualsOf,
  allocationActuals,
  behindOf,
  chanceChanges,
  endOfMonth,
  historyOf,
} from "../../../engine/analysis/monitoring";
import { type SummaryJson, toSummaryJson } from "../../../engine/analysis/output";
import { parseProgress } from "../../../engine/progress";
import { planningScope } from "../../../engine/scope";
import { simulate } from "../../../engine/simulate";
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

describe("allocation figures and the history of reports", () => {
  it("sets the report's allocation figures beside both forecasts, a part-year marked as such", () => {
    const progress = report();
    const start = simulate(basis, { runs: 20, seed: 1 });
    const summary = toSummaryJson(start.prepared.shape, start.meta, start.summary);
    const rows = allocationActuals(basis, progress, summary, summary);
    const lettings = rows.filter((r) => r.figure === "lettings");
    expect(lettings.map((r) => [r.year, r.actual, r.period, r.partial])).toEqual([
      [2025, 38, "okt 2025 – dec 2025", false],
      [2026, 79, "jan 2026 – jun 2026", true],
    ]);
    const { layout } = start.prepared;
    expect(lettings[0].metric).toBe(layout.defs[layout.allocation?.allocationsTotal ?? -1].id);
    expect(lettings[0].now?.p50).toBe(summary.metrics[lettings[0].metric].find((r) => r.year === 2025)?.p50);
    expect(rows.map((r) => r.figure)).toContain("searchTimeYears");
    // Without an allocation block there is no forecast to set them beside.
    expect(allocationActuals(planningScope(basis), progress)).toEqual([]);
  });

  it("lists each target's chance per peildatum, oldest first, after the forecast at the start", () => {
    const s = (probability: number) =>
      ({
        targets: [{ id: "opgave", label: "x", deadlineYear: 2034, probability }],
      }) as unknown as SummaryJson;
    const a = { ...report(), peildatum: "2027-12", name: "later" };
    const b = report();
    const history = historyOf(
      s(0.1),
      [
        { progress: a, summary: s(0.3) },
        { progress: b, summary: s(0.2) },
      ],
      "2025-10",
    );
    expect(history.map((h) => [h.peildatum, h.chances[0].chance])).toEqual([
      ["2025-10", 0.1],
      ["2026-06", 0.2],
      ["2027-12", 0.3],
    ]);
  });
});
