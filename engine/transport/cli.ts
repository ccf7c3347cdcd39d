import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { GROUPS } from "../allocation/vocabulary";
import {
  type CalibrationJson,
  type CalibrationRow,
  calibrate,
  formatCalibrationValue,
} from "../analysis/calibration";
import { pairedDifference } from "../analysis/compare";
import { type SummaryJson, toSummaryJson, toYearlyCsv } from "../analysis/output";
import { readTarget } from "../analysis/target-reading";
import { formatProblem } from "../kernel/errors";
import { formatCount, formatDifference, formatProbability, formatShare } from "../kernel/format";
import { STATISTICS } from "../kernel/quantiles";
import { ENGINE_VERSION } from "../kernel/version";
import { parseScenarioText } from "../parse";
import type { Scenario } from "../scenario";
import { simulate } from "../simulate";

/**
 * `woonscenario run|validate`: the command line over the engine. It only reads files, calls the
 * engine and writes files; every message is Dutch, and no input error ends in a stack trace.
 */

export const BASELINE = fileURLToPath(new URL("../../data/scenarios/basis.json", import.meta.url));

const HELP = `woonscenario ${ENGINE_VERSION} — scenario's voor de woningbouw- en huurafspraken van Losser

Gebruik:
  woonscenario run [SCENARIO] [--runs N] [--seed S] [--out MAP] [--excel-nl]
      Simuleert SCENARIO (standaard het basisscenario Losser) N keer en schrijft
      MAP/summary.json en MAP/yearly.csv (standaard map: uitvoer).
      --excel-nl  schrijft yearly.csv met ; en decimale komma (Nederlandse Excel)
  woonscenario compare A B [--runs N] [--seed S] [--metric ID] [--year J]
      Vergelijkt twee scenario's met dezelfde seed (gepaarde runs): per doel de kans in A
      en B, en het verschil B − A in een metric (standaard opgave.realised) in een jaar
      (standaard het jaar van de opgave in A).
  woonscenario calibrate [SCENARIO] [--runs N] [--seed S] [--out MAP]
      Zet het scenario naast de officiële cijfers en de overeenkomst: per regel de referentie
      met bron en datum, de mediaan en 80%-band van het scenario, de marge en het oordeel.
      Schrijft MAP/calibration.json (standaard map: uitvoer).
  woonscenario validate BESTAND
      Controleert een scenariobestand; meldt elk probleem met het veld.
  woonscenario help
`;

type Out = (line: string) => void;

async function loadScenario(path: string, err: Out): Promise<Scenario | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    err(`Kan het bestand ${path} niet lezen.`);
    return undefined;
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    err(`${path}: ${parsed.problems.length} ${parsed.problems.length === 1 ? "probleem" : "problemen"}`);
    for (const problem of parsed.problems) err(`  ${formatProblem(problem)}`);
    return undefined;
  }
  return parsed.value;
}

function positiveInteger(value: string | undefined, name: string, err: Out): number | undefined | null {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || (name === "--runs" && n < 1)) {
    err(
      `${name}: verwacht een geheel getal${name === "--runs" ? " van 1 of meer" : " van 0 of meer"}, kreeg "${value}"`,
    );
    return null;
  }
  return n;
}

/** A plain-text table: the first column left-aligned, the others right-aligned, a rule under the header. */
function textTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

/** The short table of targets the command prints: label, deadline year, median and probability. */
export function targetTable(summary: SummaryJson): string[] {
  const rows = summary.targets.map((t) => {
    const r = readTarget(t);
    return [t.label, r.year, r.median, r.probabilityText];
  });
  return textTable(["Doel", "Jaar", "Mediaan", "Kans"], rows);
}

/**
 * The allocation per group in a year, when the scenario has it: allocations and search times (median
 * over the runs of each run's yearly median and P90), and the queue at year end.
 */
export function allocationTable(summary: SummaryJson, year: number): string[] {
  const y = summary.years.indexOf(year);
  const median = (id: string) => summary.metrics[id]?.[y]?.p50;
  if (y < 0 || median("allocations.total") === undefined) return [];
  const years = (x: number | undefined) =>
    x === undefined ? "" : x.toLocaleString("nl-NL", { maximumFractionDigits: 2 });
  // A search time has no value in a run that housed nobody of the group: the median is over the other runs.
  const searchTime = (id: string) => {
    const row = summary.metrics[id]?.[y];
    return row?.runs === 0 ? "–" : years(row?.p50);
  };
  const passend = summary.metrics["share.passend_toegewezen"]?.[y];
  const rows = GROUPS.map((g) => [
    g,
    formatCount(median(`allocations.${g}`) ?? 0),
    searchTime(`search_time.${g}`),
    searchTime(`search_time.${g}.p90`),
    formatCount(median(`queue.${g}`) ?? 0),
  ]);
  return [
    `Toewijzing sociale huur in ${year} (mediaan over de runs):`,
    ...textTable(["Groep", "Toewijzingen", "Zoektijd (jaar)", "P90 (jaar)", "Wachtend"], rows),
    `Passend toegewezen ${passend?.runs === 0 ? "–" : formatShare(passend?.p50 ?? 0)}, vrije toewijzing ${formatShare(median("share.vrije_toewijzing") ?? 0)}`,
  ];
}

async function run(args: string[], out: Out, err: Out): Promise<number> {
  let parsed: ReturnType<typeof parseRunArgs>;
  try {
    parsed = parseRunArgs(args);
  } catch (error) {
    err(`Onbekende of onvolledige optie: ${(error as Error).message}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const runs = positiveInteger(values.runs, "--runs", err);
  const seed = positiveInteger(values.seed, "--seed", err);
  if (runs === null || seed === null) return 2;
  const path = resolve(positionals[0] ?? BASELINE);
  const scenario = await loadScenario(path, err);
  if (!scenario) return 1;
  const simulation = simulate(scenario, { runs, seed });
  const summary = toSummaryJson(simulation.prepared.shape, simulation.meta, simulation.summary);
  const dir = resolve(values.out ?? "uitvoer");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  await writeFile(join(dir, "yearly.csv"), toYearlyCsv(summary, { dutch: values["excel-nl"] }));
  const { meta } = summary;
  const first = summary.metrics["stock.total"][0];
  out(
    `${meta.scenarioName}: ${formatCount(meta.runs)} runs, seed ${meta.seed}, scenario ${meta.scenarioHash}, engine ${meta.engineVersion}`,
  );
  out(
    `Start ${summary.years[0]}: ${formatCount(first.p50)} woningen, ${formatShare(summary.metrics["share.sociale_huur"][0].p50)} sociale huur`,
  );
  out("");
  for (const line of targetTable(summary)) out(line);
  out("");
  const allocation = allocationTable(summary, summary.years[summary.years.length - 1]);
  for (const line of allocation) out(line);
  if (allocation.length > 0) out("");
  out(`Geschreven: ${join(dir, "summary.json")} en ${join(dir, "yearly.csv")}`);
  return 0;
}

function parseRunArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      runs: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      "excel-nl": { type: "boolean", default: false },
    },
  });
}

/** Two scenarios on the same seed: their targets side by side and the paired difference in one metric. */
async function compare(args: string[], out: Out, err: Out): Promise<number> {
  let parsed: ReturnType<typeof parseCompareArgs>;
  try {
    parsed = parseCompareArgs(args);
  } catch (error) {
    err(`Onbekende of onvolledige optie: ${(error as Error).message}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) {
    err("Gebruik: woonscenario compare A B [--runs N] [--seed S] [--metric ID] [--year J]");
    return 2;
  }
  const runs = positiveInteger(values.runs, "--runs", err);
  const seed = positiveInteger(values.seed, "--seed", err);
  const year = positiveInteger(values.year, "--year", err);
  if (runs === null || seed === null || year === null) return 2;
  const scenarios = [];
  for (const file of positionals) {
    const scenario = await loadScenario(resolve(file), err);
    if (!scenario) return 1;
    scenarios.push(scenario);
  }
  const [a, b] = scenarios.map((s) => simulate(s, { runs: runs ?? 500, seed: seed ?? s.simulation.seed }));
  const metric = values.metric ?? "opgave.realised";
  // Without --year: the year of A's opgave, as its scenario names it.
  const inYear = year ?? a.prepared.scenario.opgave.deadlineYear;
  const at = inYear - a.prepared.model.cal.startYear;
  if (
    !a.prepared.layout.defs.some((d) => d.id === metric) ||
    !b.prepared.layout.defs.some((d) => d.id === metric)
  ) {
    err(`--metric: onbekende metric "${metric}" in een van de scenario's`);
    return 2;
  }
  if (at < 0 || at >= a.prepared.model.cal.nYears) {
    err(`--year: ${inYear} ligt buiten de simulatieperiode`);
    return 2;
  }
  const [sa, sb] = [a, b].map((s) => toSummaryJson(s.prepared.shape, s.meta, s.summary));
  out(
    `A: ${sa.meta.scenarioName}; B: ${sb.meta.scenarioName}; ${formatCount(sa.meta.runs)} gepaarde runs, seed ${sa.meta.seed}`,
  );
  out("");
  for (const line of comparisonTable(sa, sb)) out(line);
  const pairs = new Float64Array(a.prepared.model.cal.nYears);
  const diff = pairedDifference(
    { layout: a.prepared.layout, result: a.result },
    { layout: b.prepared.layout, result: b.result },
    metric,
    pairs,
  );
  const stat = (i: number) => diff[at * STATISTICS.length + i];
  const unit = a.prepared.layout.defs.find((d) => d.id === metric)?.unit ?? "";
  const show = (x: number) => formatDifference(x, unit);
  // The unit once, after the band: "-2,3 (… tussen -2,9 en -1,6 jaar)".
  const bare = (x: number) => show(x).replace(/ \D+$/, "");
  out("");
  const head = `Verschil B − A in ${metric}, ${inYear.toString()}`;
  if (pairs[at] === 0) out(`${head}: geen waarde: in geen enkele run hadden beide scenario's er een`);
  else out(`${head}: mediaan ${show(stat(4))} (80% van de runs tussen ${bare(stat(2))} en ${show(stat(6))})`);
  return 0;
}

function parseCompareArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      runs: { type: "string" },
      seed: { type: "string" },
      metric: { type: "string" },
      year: { type: "string" },
    },
  });
}

/** Every target both scenarios have, with each one's probability in its deadline year. */
export function comparisonTable(a: SummaryJson, b: SummaryJson): string[] {
  const rows = a.targets
    .filter((t) => b.targets.some((u) => u.id === t.id))
    .map((t) => {
      const other = b.targets.find((u) => u.id === t.id)!;
      return [
        t.label,
        String(t.deadlineYear),
        formatProbability(t.probability),
        formatProbability(other.probability),
      ];
    });
  return textTable(["Doel", "Jaar", "Kans A", "Kans B"], rows);
}

/** The baseline beside its references: a table, the sources, and calibration.json. */
async function calibrateCommand(args: string[], out: Out, err: Out): Promise<number> {
  let parsed: ReturnType<typeof parseRunArgs>;
  try {
    parsed = parseRunArgs(args);
  } catch (error) {
    err(`Onbekende of onvolledige optie: ${(error as Error).message}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const runs = positiveInteger(values.runs, "--runs", err);
  const seed = positiveInteger(values.seed, "--seed", err);
  if (runs === null || seed === null) return 2;
  const path = resolve(positionals[0] ?? BASELINE);
  const scenario = await loadScenario(path, err);
  if (!scenario) return 1;
  if (!scenario.calibration?.length) {
    err(`${path}: dit scenario heeft geen kalibratieregels (het blok calibration).`);
    return 1;
  }
  const simulation = simulate(scenario, { runs, seed });
  const summary = toSummaryJson(simulation.prepared.shape, simulation.meta, simulation.summary);
  const result = calibrate(scenario, summary);
  for (const line of calibrationTable(result)) out(line);
  for (const p of result.problems) err(`  ${p.path}: ${p.message}`);
  const dir = resolve(values.out ?? "uitvoer");
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "calibration.json"), `${JSON.stringify(result, null, 2)}\n`);
  out("");
  out(`Geschreven: ${join(dir, "calibration.json")}`);
  return result.problems.length > 0 ? 1 : 0;
}

/** The calibration as the command prints it: a table, then each row's source and date. */
export function calibrationTable(result: CalibrationJson): string[] {
  const { meta } = result;
  const f = (row: CalibrationRow, x: number) => formatCalibrationValue(row.unit, x);
  const rows = result.rows.map((r, i) => [
    `${i + 1}. ${r.label}`,
    String(r.year),
    f(r, r.reference.value),
    f(r, r.median),
    `${f(r, r.p10)} – ${f(r, r.p90)}${r.over === "runs" ? "" : " *"}`,
    r.tolerance.min === r.tolerance.max
      ? f(r, r.tolerance.min)
      : `${f(r, r.tolerance.min)} – ${f(r, r.tolerance.max)}`,
    r.verdict,
  ]);
  const outside = result.rows.filter((r) => r.verdict !== "binnen de marge").length;
  return [
    `Kalibratie van ${meta.scenarioName}: ${formatCount(meta.runs)} runs, seed ${meta.seed}, engine ${meta.engineVersion}`,
    "",
    ...textTable(["Regel", "Jaar", "Referentie", "Mediaan", "80% van de runs", "Marge", "Oordeel"], rows),
    "",
    `${result.rows.length - outside} van ${result.rows.length} regels binnen de marge.${
      result.rows.some((r) => r.over !== "runs") ? " * 80% van de huishoudens en runs samen." : ""
    }`,
    "",
    "Bronnen:",
    ...result.rows.map(
      (r, i) =>
        `${i + 1}. ${r.reference.source ?? "geen bron"} (${r.reference.date})${r.note ? ` ${r.note}` : ""}`,
    ),
  ];
}

async function validate(args: string[], out: Out, err: Out): Promise<number> {
  if (args.length !== 1) {
    err("Gebruik: woonscenario validate BESTAND");
    return 2;
  }
  const scenario = await loadScenario(resolve(args[0]), err);
  if (!scenario) return 1;
  out(`${args[0]}: geldig scenario "${scenario.name}"`);
  return 0;
}

/** Returns the exit code: 0 done, 1 invalid scenario, 2 wrong use of the command. */
export async function main(
  argv: string[],
  out: Out = (line) => console.log(line),
  err: Out = (line) => console.error(line),
): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "run":
      return run(rest, out, err);
    case "validate":
      return validate(rest, out, err);
    case "compare":
      return compare(rest, out, err);
    case "calibrate":
      return calibrateCommand(rest, out, err);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      out(HELP);
      return 0;
    default:
      err(`Onbekend commando "${command}".`);
      err(HELP);
      return 2;
  }
}
