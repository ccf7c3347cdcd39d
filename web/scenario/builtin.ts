import basis from "../../data/scenarios/basis.json";
import hogeHuurstijging from "../../data/variants/hoge-huurstijging.json";
import huurbevriezing from "../../data/variants/huurbevriezing.json";
import meerVerkoop from "../../data/variants/meer-verkoop.json";
import meerVrijeToewijzing from "../../data/variants/meer-vrije-toewijzing.json";
import plancapaciteit130 from "../../data/variants/plancapaciteit-130.json";
import versnelling from "../../data/variants/versnelling.json";
import vertraging from "../../data/variants/vertraging.json";
import warmeJasBreed from "../../data/variants/warme-jas-breed.json";
import { applyVariant, parseScenario, type Scenario, variantSchema } from "../../engine/index";

/**
 * The scenarios shipped in data/: the Losser baseline and every named variant, read-only, in the order
 * the pickers show them (building first, then allocation, then rents and energy). A variant ships as
 * the few figures it changes (data/variants/) and is applied to the baseline here, exactly as
 * `npm run schema` writes it in full to data/scenarios/ for the command line: the pages carry one
 * baseline instead of nine (some 90 kB gzipped less), and still work from a folder with no server.
 */
const VARIANTS: Record<string, unknown> = {
  vertraging,
  versnelling,
  "plancapaciteit-130": plancapaciteit130,
  "meer-vrije-toewijzing": meerVrijeToewijzing,
  "meer-verkoop": meerVerkoop,
  huurbevriezing,
  "hoge-huurstijging": hogeHuurstijging,
  "warme-jas-breed": warmeJasBreed,
};

const FILES: Record<string, () => unknown> = {
  basis: () => basis,
  ...Object.fromEntries(
    Object.entries(VARIANTS).map(([id, v]) => [id, () => applyVariant(basis, variantSchema.parse(v))]),
  ),
};

export const BUILTIN_IDS = Object.keys(FILES);

const parsed = new Map<string, Scenario>();

/** A shipped scenario, checked once against the schema; each call gets its own copy to edit. */
export function builtinScenario(id: string): Scenario {
  let scenario = parsed.get(id);
  if (!scenario) {
    if (!(id in FILES)) throw new Error(`Geen meegeleverd scenario "${id}"`);
    const result = parseScenario(FILES[id]());
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
