import { describe, expect, it } from "vitest";
import type { CompletionSpread } from "../../../engine/stock/completions";
import { shortfallReading, shortfallRows } from "../../../web/charts/shortfall";
import { loadScenario } from "../../helpers/scenarios";

const spread = (id: string, planned: number, units: number, onTime: number): CompletionSpread => ({
  id,
  planned,
  p10: planned,
  p50: planned,
  p90: planned,
  dropped: 0,
  units,
  onTime,
});

const projects = loadScenario().projects.slice(0, 4);
const [a, b, c, d] = projects.map((p) => p.id);

describe("shortfallRows", () => {
  it("ranks the projects planned by the deadline by the homes they are expected to miss it with", () => {
    const rows = shortfallRows(
      projects,
      [
        spread(a, 2027, 100, 0.9), // misses with 10 homes on average
        spread(b, 2030, 40, 0.25), // 30
        spread(c, 2036, 500, 0), // planned after 2034: never meant to count
        spread(d, 2033, 20, 1), // always on time: nothing to miss
      ],
      2034,
    );
    expect(rows.map((r) => r.id)).toEqual([b, a]);
    expect(rows[0].shortfall).toBeCloseTo(30, 9);
    expect(rows[0].name).toContain(b);
  });

  it("keeps the ten that weigh most", () => {
    const many = Array.from({ length: 14 }, (_, i) => spread(projects[i % 4].id, 2030, 10 + i, 0.5));
    expect(shortfallRows(projects, many, 2034).length).toBe(10);
  });
});

describe("shortfallReading", () => {
  it("names the project the opgave depends on most, with its homes and its chance to be on time", () => {
    const rows = shortfallRows(projects, [spread(b, 2030, 40, 0.25)], 2034);
    expect(shortfallReading(rows, 2034)?.text).toBe(
      `Het meest hangt af van ${rows[0].name}: 40 woningen, 25% kans dat ze er eind 2034 staan; naar verwachting 30 woningen minder dan gepland.`,
    );
  });
});
