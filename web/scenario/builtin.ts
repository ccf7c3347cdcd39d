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
 * the pickers show them (building first, then allocation, then rents and energy). The page bundles the
 * baseline and each variant's changes (data/variants/) and applies them as `npm run schema` does when
 * it writes data/scenarios/: the same scenarios, at a tenth of the bytes of nine whole files.
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

const file = (id: string): unknown =>
  id === "basis" ? basis : applyVariant(basis, variantSchema.parse(VARIANTS[id]));

export const BUILTIN_IDS = ["basis", ...Object.keys(VARIANTS)];

const parsed = new Map<string, Scenario>();

/** A shipped scenario, checked once against the schema; each call gets its own copy to edit. */
export function builtinScenario(id: string): Scenario {
  let scenario = parsed.get(id);
  if (!scenario) {
    if (!BUILTIN_IDS.includes(id)) throw new Error(`Geen meegeleverd scenario "${id}"`);
    const result = parseScenario(file(id));
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
