// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { comparisons, type Scored } from "../../../web/client/comparison";
import { createPool } from "../../../web/client/worker-pool";
import { comparisonNote, councilReport, scoreMatrixTable } from "../../../web/pages/raad";
import { fakeWorker, newLog } from "../../helpers/fake-worker";
import { smallScenario } from "../../helpers/fixtures";
import { parsed } from "../../helpers/scenarios";

/** The council's first look as the page shows it: every scorecard row marked, the note and the print say so. */
describe("the council's first look on the page", () => {
  it("marks every row of the scorecard and the print, and unmarks them when all runs are in", async () => {
    const pool = createPool({ size: 2, spawn: fakeWorker(newLog()) });
    const scenario = parsed(smallScenario());
    const seen: Scored[] = [];
    for await (const s of comparisons(
      pool,
      [scenario, { ...scenario, name: "Tweede" }],
      { runs: 120, seed: 1 },
      40,
    ))
      seen.push(s);
    pool.dispose();
    const [first, last] = seen;
    const rows = (table: Element) => table.querySelectorAll("tr[data-target]").length;
    const marked = (table: Element) => table.querySelectorAll("tr:has(.ws-preliminary)").length;
    const table = scoreMatrixTable(first.compared, first);
    expect(marked(table)).toBe(rows(table));
    expect(table.textContent).toContain("voorlopig, 40 runs");
    expect(comparisonNote(first).textContent).toMatch(/eerste 40 runs per scenario; de overige 80/);
    const print = councilReport(first, [0, 1], []);
    expect(print.querySelector(".ws-report-missing")?.textContent).toMatch(/deze afdruk is voorlopig/);
    // Every printed page says so beside its runs.
    for (const header of print.querySelectorAll(".ws-page-header"))
      expect(header.textContent).toContain("40 runs (voorlopig)");
    expect(marked(scoreMatrixTable(last.compared, last))).toBe(0);
    expect(comparisonNote(last).hidden).toBe(true);
    expect(councilReport(last, [0, 1], []).querySelector(".ws-report-missing")).toBeNull();
  });
});
