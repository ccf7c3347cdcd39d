import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../engine/jsonSchema";

// `npm run schema`: regenerate data/scenario.schema.json after a change to engine/scenario.ts.
const file = new URL("../data/scenario.schema.json", import.meta.url);
writeFileSync(file, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`Geschreven: ${file.pathname}`);
