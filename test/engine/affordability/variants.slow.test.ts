import { describe, expect, it } from "vitest";
import { toSummaryJson } from "../../../engine/analysis/output";
import { parseScenario } from "../../../engine/parse";
import { simulate } from "../../../engine/simulate";
import { readScenarioJson } from "../../helpers/scenarios";

function summary(name: string) {
  const parsed = parseScenario(readScenarioJson(name));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  const sim = simulate(parsed.value, { runs: 120, seed: 11 });
  return toSummaryJson(sim.prepared.shape, sim.meta, sim.summary);
}

const mean = (s: ReturnType<typeof summary>, id: string, year: number) =>
  s.metrics[id].find((r) => r.year === year)!.mean;

describe("affordability variants against the baseline at the same seed", () => {
  const basis = summary("basis.json");

  it("reports every affordability metric the issue names", () => {
    for (const id of [
      "huurquote",
      "woonlasten",
      "betaalrisico.count",
      "betaalrisico.share",
      "huurtoeslag.total",
      "energy_cost.mean",
      "rent.mean@aftopping_laag",
    ]) {
      expect(basis.metrics[id], id).toBeDefined();
    }
    expect(basis.metricInfo.huurquote.distribution).toBe(true);
    // About one in eight tenants at risk at the start (calibrated to the 10–15% order of magnitude).
    expect(mean(basis, "betaalrisico.share", 2025)).toBeGreaterThan(0.08);
    expect(mean(basis, "betaalrisico.share", 2025)).toBeLessThan(0.18);
  });

  it("a rent freeze in 2026 gives fewer households with betaalrisico in and after the freeze year", () => {
    const freeze = summary("huurbevriezing.json");
    expect(mean(freeze, "betaalrisico.count", 2025)).toBe(mean(basis, "betaalrisico.count", 2025));
    for (const year of [2026, 2027, 2030, 2035]) {
      expect(mean(freeze, "betaalrisico.count", year), String(year)).toBeLessThan(
        mean(basis, "betaalrisico.count", year),
      );
    }
  });

  it("a high rent increase gives more households with betaalrisico", () => {
    const high = summary("hoge-huurstijging.json");
    expect(mean(high, "betaalrisico.count", 2030)).toBeGreaterThan(mean(basis, "betaalrisico.count", 2030));
  });

  it("a broad warme jas lowers tenants' energy costs", () => {
    const jas = summary("warme-jas-breed.json");
    for (const year of [2026, 2030, 2035]) {
      expect(mean(jas, "energy_cost.mean", year)).toBeLessThan(mean(basis, "energy_cost.mean", year));
    }
  });
});
