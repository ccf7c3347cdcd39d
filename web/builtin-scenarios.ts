import basis from "../data/scenarios/basis.json";
import versnelling from "../data/scenarios/versnelling.json";
import vertraging from "../data/scenarios/vertraging.json";
import { parseScenario } from "../engine/parse";
import type { Scenario } from "../engine/scenario";

/** The scenarios shipped in data/: the Losser baseline and its named variants, read-only. */
const FILES: Record<string, unknown> = { basis, vertraging, versnelling };

export const BUILTIN_IDS = Object.keys(FILES);

export function builtinScenario(id: string): Scenario {
  const parsed = parseScenario(FILES[id]);
  // A shipped file that fails its own schema is a bug in this repository, not a user's mistake.
  if (!parsed.ok)
    throw new Error(`data/scenarios/${id}.json is ongeldig: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}
