import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseScenario } from "../../engine/parse";
import type { Scenario, ScenarioInput } from "../../engine/scenario";

/**
 * The one place tests read scenarios from: data/scenarios, as the notebooks and the CLI read them. A path,
 * not a URL: under jsdom the global URL is jsdom's, which Node's fs does not take.
 */
export const SCENARIO_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../data/scenarios");

const fileName = (name: string) => (name.endsWith(".json") ? name : `${name}.json`);

/** A scenario file as it stands, unparsed (for tests of parsing and migration). */
export function readScenarioJson(name: string): unknown {
  return JSON.parse(readFileSync(join(SCENARIO_DIR, fileName(name)), "utf8"));
}

/** A scenario parsed; throws with the problems, since a test's own input must be valid. */
export function parsed(input: ScenarioInput | unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("; "));
  return result.value;
}

const loaded = new Map<string, Scenario>();

/**
 * A scenario from data/scenarios, parsed ("basis", "vertraging" …): read and parsed once, a fresh copy
 * for every call, so a test may change what it gets. The property tests build hundreds of scenarios on
 * the baseline's allocation rules; reading and parsing it each time took a third of their time.
 */
export function loadScenario(name = "basis"): Scenario {
  const key = fileName(name);
  let scenario = loaded.get(key);
  if (!scenario) {
    scenario = parsed(readScenarioJson(name));
    loaded.set(key, scenario);
  }
  return structuredClone(scenario);
}
