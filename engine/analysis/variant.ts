import { type PathKey, parsePath, setAtPath } from "../kernel/paths";
import { z } from "../kernel/zod";

/**
 * A named variant of a scenario, kept as the few figures it changes (`data/variants/*.json`), so a
 * change to the baseline reaches every variant: `npm run schema` writes each variant in full to
 * `data/scenarios/`, where the notebooks and the command line read it like any scenario.
 */
export const variantSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    /** Figure path (as `engine/paths.ts` reads it) → the value it gets in the variant. */
    set: z.record(z.string(), z.unknown()),
  })
  .strict();

export type Variant = z.infer<typeof variantSchema>;

/** The base scenario (raw JSON) with the variant's name, description and changes; the base is left alone. */
export function applyVariant(base: unknown, variant: Variant): Record<string, unknown> {
  const out = structuredClone(base) as Record<string, unknown>;
  out.name = variant.name;
  out.description = variant.description;
  for (const [text, value] of Object.entries(variant.set)) {
    const path: PathKey[] | undefined = parsePath(text);
    if (!path || !setAtPath(out, path, structuredClone(value)))
      throw new Error(`variant "${variant.name}": het pad ${text} bestaat niet in het basisscenario`);
  }
  return out;
}
