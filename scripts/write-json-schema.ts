import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { applyVariant, parseScenarioText, scenarioJsonSchema, variantSchema } from "../engine/index";
import { exportProjects } from "../web/scenario/project-csv";

/**
 * `npm run schema`: regenerate the files in data/ that are derived from code or from other data, after
 * a change to engine/scenario.ts, to the baseline or to a variant: the JSON Schema for editors, every
 * variant in full (data/variants/ holds only what each changes), and the baseline's project table as a
 * CSV for Dutch Excel (the planners' starting point in a spreadsheet). Tests fail while any is stale.
 */
const data = (name: string) => new URL(`../data/${name}`, import.meta.url);
const written: string[] = [];
const write = (name: string, text: string) => {
  writeFileSync(data(name), text);
  written.push(data(name).pathname);
  console.log(`Geschreven: data/${name}`);
};

write("scenario.schema.json", `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);

const basisText = readFileSync(data("scenarios/basis.json"), "utf8");
const basis = parseScenarioText(basisText);
if (!basis.ok) throw new Error(`basis.json is ongeldig: ${JSON.stringify(basis.problems)}`);
for (const file of readdirSync(data("variants")).filter((f) => f.endsWith(".json"))) {
  const variant = variantSchema.parse(JSON.parse(readFileSync(data(`variants/${file}`), "utf8")));
  const text = `${JSON.stringify(applyVariant(JSON.parse(basisText), variant), null, 2)}\n`;
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error(`variant ${file} is ongeldig: ${JSON.stringify(parsed.problems)}`);
  write(`scenarios/${file}`, text);
}

write("projecten-basis.csv", exportProjects(basis.value, { dutch: true }));

// The files as the project's formatter writes them, so `npm run lint` passes right after.
spawnSync(
  process.execPath,
  [
    new URL("../node_modules/@biomejs/biome/bin/biome", import.meta.url).pathname,
    "format",
    "--write",
    ...written,
  ],
  {
    stdio: "inherit",
  },
);
