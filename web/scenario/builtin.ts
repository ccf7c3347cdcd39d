import basis from "../../data/scenarios/basis.json";
import hogeHuurstijging from "../../data/scenarios/hoge-huurstijging.json";
import huurbevriezing from "../../data/scenarios/huurbevriezing.json";
import meerVerkoop from "../../data/scenarios/meer-verkoop.json";
import meerVrijeToewijzing from "../../data/scenarios/meer-vrije-toewijzing.json";
import plancapaciteit130 from "../../data/scenarios/plancapaciteit-130.json";
import versnelling from "../../data/scenarios/versnelling.json";
import vertraging from "../../data/scenarios/vertraging.json";
import warmeJasBreed from "../../data/scenarios/warme-jas-breed.json";
import { parseScenario, type Scenario } from "../../engine/index";

/**
 * The scenarios shipped in data/: the Losser baseline and every named variant, read-only, in the order
 * the pickers show them (building first, then allocation, then rents and energy). All of them are
 * bundled: some 7 kB gzipped each, less than the code to fetch them lazily would save in a notebook
 * that must also work from a folder opened with no server behind it.
 */
const FILES: Record<string, unknown> = {
  basis,
  vertraging,
  versnelling,
  "plancapaciteit-130": plancapaciteit130,
  "meer-vrije-toewijzing": meerVrijeToewijzing,
  "meer-verkoop": meerVerkoop,
  huurbevriezing,
  "hoge-huurstijging": hogeHuurstijging,
  "warme-jas-breed": warmeJasBreed,
};

export const BUILTIN_IDS = Object.keys(FILES);

const parsed = new Map<string, Scenario>();

/** A shipped scenario, checked once against the schema; each call gets its own copy to edit. */
export function builtinScenario(id: string): Scenario {
  let scenario = parsed.get(id);
  if (!scenario) {
    if (!(id in FILES)) throw new Error(`Geen meegeleverd scenario "${id}"`);
    const result = parseScenario(FILES[id]);
    // A shipped file that fails its own schema is a bug in this repository, not a user's mistake.
    if (!result.ok)
      throw new Error(`data/scenarios/${id}.json is ongeldig: ${JSON.stringify(result.problems)}`);
    scenario = result.value;
    parsed.set(id, scenario);
  }
  return structuredClone(scenario);
}

/** The name a shipped scenario carries, for pickers. */
export function builtinLabel(id: string): string {
  return builtinScenario(id).name;
}
