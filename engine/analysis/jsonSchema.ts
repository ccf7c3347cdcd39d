import { z } from "../kernel/zod";
import { scenarioSchema } from "../scenario";

/**
 * The JSON Schema of a scenario file, generated from the zod schema (never written by hand), so
 * editors can check a file while it is typed. Cross-field rules (known kernen, years in the period)
 * are the engine's own and not in it: `woonscenario validate` checks those.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" }),
    title: "woonscenario-scenario",
    description: "Een scenario voor woonscenario: gemeente, kernen, voorraad, projecten, aannames en doelen.",
  };
}
