import { readFileSync } from "node:fs";
import { parseScenarioText } from "../engine/parse";
import type { Scenario } from "../engine/scenario";

/** A scenario from data/scenarios, parsed as the notebooks and the CLI parse it. */
export function loadScenario(name = "basis"): Scenario {
  const text = readFileSync(new URL(`../data/scenarios/${name}.json`, import.meta.url), "utf8");
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(`${name}.json: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}
