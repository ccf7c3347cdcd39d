import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../../engine/simulate";
import { main } from "../../../engine/transport/cli";
import { loadScenario } from "../../helpers/scenarios";

const GROUPS = ["urgent", "statushouder", "regulier", "vrij"];

/** Median over runs of a metric, summed over the years after the first (a partial quarter). */
function total(sim: ReturnType<typeof simulate>, id: string): number {
  const m = sim.prepared.layout.defs.findIndex((d) => d.id === id);
  const nY = sim.summary.nYears;
  let sum = 0;
  for (let y = 1; y < nY; y++) sum += sim.summary.metricStats[(m * nY + y) * 8 + 4];
  return sum;
}

describe("allocation in the command and the variants", () => {
  it("woonscenario run on the baseline reports allocations and search times per group", async () => {
    const dir = mkdtempSync(join(tmpdir(), "woonscenario-"));
    const lines: string[] = [];
    const code = await main(["run", "--runs", "20", "--seed", "1", "--out", dir], (l) => lines.push(l));
    expect(code).toBe(0);
    expect(lines.join("\n")).toContain("Toewijzing sociale huur in 2035");
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    for (const g of GROUPS) {
      expect(summary.metrics[`allocations.${g}`]).toHaveLength(11);
      expect(summary.metrics[`search_time.${g}`]).toHaveLength(11);
    }
    for (const id of [
      "queue.total",
      "vacancies.total",
      "vacancies.turnover",
      "vacancies.new_building",
      "vacancies.chain",
      "vacancies.sale",
      "share.passend_toegewezen",
      "statushouders.housed",
      "statushouders.taakstelling",
      "share.vrije_toewijzing",
      "search_time.regulier@Overdinkel",
    ])
      expect(summary.metrics[id], id).toBeDefined();
    expect(summary.targets.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining(["vrije_toewijzing", "taakstelling_statushouders"]),
    );
    const csv = readFileSync(join(dir, "yearly.csv"), "utf8");
    expect(csv).toContain("search_time.regulier,2035,p50,");
  });

  it("using the free allocation space fully shifts allocations to incomes above the DAEB limit", () => {
    const runs = { runs: 100, seed: 1 };
    const basis = simulate(loadScenario("basis"), runs);
    const meer = simulate(loadScenario("meer-vrije-toewijzing"), runs);
    expect(total(meer, "allocations.vrij")).toBeGreaterThan(1.5 * total(basis, "allocations.vrij"));
    expect(total(meer, "allocations.regulier")).toBeLessThan(total(basis, "allocations.regulier"));
    expect(total(meer, "share.vrije_toewijzing")).toBeGreaterThan(total(basis, "share.vrije_toewijzing"));
    // Higher incomes wait much shorter, regular home-seekers a little longer.
    expect(total(meer, "search_time.vrij")).toBeLessThan(0.75 * total(basis, "search_time.vrij"));
    expect(total(meer, "search_time.regulier")).toBeGreaterThan(total(basis, "search_time.regulier"));
  });

  it("selling twice as many homes leaves fewer homes to let to regular home-seekers", () => {
    const runs = { runs: 100, seed: 1 };
    const basis = simulate(loadScenario("basis"), runs);
    const meer = simulate(loadScenario("meer-verkoop"), runs);
    expect(total(meer, "sales.sociale_huur")).toBe(2 * total(basis, "sales.sociale_huur"));
    expect(total(meer, "allocations.regulier")).toBeLessThan(total(basis, "allocations.regulier"));
    expect(total(meer, "dwellings.sociale_huur")).toBeLessThan(total(basis, "dwellings.sociale_huur"));
  });
});
