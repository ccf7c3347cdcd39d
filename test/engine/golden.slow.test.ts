import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toSummaryJson } from "../../engine/analysis/output";
import { parseScenario } from "../../engine/parse";
import { simulate } from "../../engine/simulate";
import { readScenarioJson } from "../helpers/scenarios";

/**
 * Whole runs pinned at a fixed seed. A change that alters results fails here; if the change is meant,
 * regenerate with `UPDATE_GOLDEN=1 npx vitest run test/engine/golden.slow.test.ts`, bump ENGINE_VERSION, and say
 * in the commit why the numbers moved.
 */
const CASES = [
  { scenario: "basis.json", seed: 1, runs: 200 },
  { scenario: "vertraging.json", seed: 1, runs: 200 },
  // A scenario saved by engine 0.4.0 (schema version 1): read through the migration, it gave exactly the
  // 0.4.0 numbers for all 173 metrics when the migration was written (engine 0.5.0).
  { scenario: "../../test/fixtures/basis-v1.json", seed: 1, runs: 200, name: "basis-v1" },
  // Another municipality with two corporations (issue 11): pins the per-corporation paths (sales,
  // purchases, buyers, social additions), which the Losser cases, with one corporation, do not take.
  { scenario: "../../test/fixtures/voorbeeldgemeente.json", seed: 1, runs: 200, name: "voorbeeldgemeente" },
];

describe("golden files", () => {
  it.each(CASES)(
    "$scenario at seed $seed and $runs runs matches its golden summary",
    ({ scenario, seed, runs, name }) => {
      const parsed = parseScenario(readScenarioJson(scenario));
      if (!parsed.ok) throw new Error(`${scenario} invalid`);
      const sim = simulate(parsed.value, { seed, runs });
      const text = `${JSON.stringify(toSummaryJson(sim.prepared.shape, sim.meta, sim.summary), null, 2)}\n`;
      const file = new URL(
        `../golden/${name ?? scenario.replace(".json", "")}-seed${seed}-runs${runs}.json`,
        import.meta.url,
      );
      // A golden file is written only when asked for; a missing one fails, so it cannot be compared with itself.
      if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, text);
      if (!existsSync(file))
        throw new Error(`${file.pathname} ontbreekt: maak hem met UPDATE_GOLDEN=1 npm run test:slow`);
      expect(text).toBe(readFileSync(file, "utf8"));
    },
  );
});
