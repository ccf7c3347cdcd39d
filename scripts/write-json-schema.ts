import { readFileSync, writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../engine/jsonSchema";
import { parseScenarioText } from "../engine/parse";
import { exportProjects } from "../web/project-csv";

/**
 * `npm run schema`: regenerate the files in data/ that are derived from code, after a change to
 * engine/scenario.ts or to the baseline's projects: the JSON Schema for editors, and the baseline's
 * project table as a CSV for Dutch Excel (the planners' starting point in a spreadsheet). Tests fail
 * while either is stale.
 */
const data = (name: string) => new URL(`../data/${name}`, import.meta.url);

writeFileSync(data("scenario.schema.json"), `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`Geschreven: ${data("scenario.schema.json").pathname}`);

const basis = parseScenarioText(readFileSync(data("scenarios/basis.json"), "utf8"));
if (!basis.ok) throw new Error(`basis.json is ongeldig: ${JSON.stringify(basis.problems)}`);
writeFileSync(data("projecten-basis.csv"), exportProjects(basis.value, { dutch: true }));
console.log(`Geschreven: ${data("projecten-basis.csv").pathname}`);
