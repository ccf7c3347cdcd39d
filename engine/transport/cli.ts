import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { calibrate } from "../analysis/calibration";
import { pairedDifference } from "../analysis/compare";
import { type SummaryJson, toSummaryJson, toYearlyCsv } from "../analysis/output";
import { plausibilityWarnings } from "../analysis/plausibility";
import { readTarget } from "../analysis/target-reading";
import { csvText } from "../kernel/csv";
import { formatProblem, type InputProblem } from "../kernel/errors";
import { formatCount, formatDifference, formatProbability, formatShare } from "../kernel/format";
import { STATISTICS } from "../kernel/quantiles";
import { ENGINE_VERSION } from "../kernel/version";
import { scenarioLayout } from "../metrics";
import { runMonteCarlo } from "../montecarlo";
import { parseScenario } from "../parse";
import type { Scenario } from "../scenario";
import { type Prepared, prepare, type Simulation } from "../simulate";
import { summarise } from "../summary";
import {
  type CommandSpec,
  flag,
  nearest,
  option,
  options,
  type ParsedArgs,
  parseArgs,
  parseRuns,
  parseSeed,
  parseYear,
} from "./cli/args";
import { checkBudget } from "./cli/budget";
import { CliError, describeFsError, EXIT, invalid, io, shorten, shortenLine, usage } from "./cli/errors";
import { type OutputPlan, parseJson, planOutput, readUserFile, writeAtomically } from "./cli/files";
import { scenarioWithProgress, seekCommand, type Tools, voortgang } from "./cli/monitor";
import { newScenario, stillToFill } from "./cli/new";
import { type Progress, type ProgressStream, progressBar, SILENT } from "./cli/progress";
import { COMMANDS, commandHelp, commandSpec, overview } from "./cli/spec";
import { type Axis, gridPoints, parseAxis, scenarioAt } from "./cli/sweep";
import { allocationTable, calibrationTable, comparisonTable, targetTable, textTable } from "./cli/tables";
import { parseThreads, simulateThreaded } from "./cli/threads";

export { allocationTable, calibrationTable, comparisonTable, targetTable } from "./cli/tables";

/**
 * `woonscenario`: the command line over the engine. It reads files, calls the engine and writes files;
 * every message is Dutch and names the file, field or option, and every failure goes through one
 * boundary (`main`) that turns it into a message and an exit code: 1 invalid input, 2 wrong use,
 * 3 a file that cannot be read or written, 4 a fault of woonscenario itself. Never a stack trace.
 */

/** The baseline. The built command line (build/cli/) lies as deep as this file, so the path holds for both. */
export const BASELINE = fileURLToPath(new URL("../../data/scenarios/basis.json", import.meta.url));

type Out = (line: string) => void;

/** The terminal, when there is one: the progress bar's only way out. */
export interface Terminal {
  stderr?: ProgressStream;
  stdoutIsTTY?: boolean;
}

interface Context {
  out: Out;
  err: Out;
  terminal: Terminal;
}

interface Loaded {
  file: string;
  scenario: Scenario;
}

/** Read, decode, parse and check a scenario file; every problem in one message (exit code 1). */
async function loadScenario(file: string): Promise<Loaded> {
  const text = await readUserFile(resolve(file));
  const parsed = parseScenario(parseJson(text, file));
  if (!parsed.ok) {
    const n = parsed.problems.length;
    // JSON reads 9007199254740993 as …992: the message quotes the seed as the file has it.
    const typedSeed = /"seed"\s*:\s*(\d{16,})/.exec(text)?.[1];
    const asTyped = (p: InputProblem) =>
      p.path === "simulation.seed" && typedSeed
        ? { ...p, message: p.message.replace(/kreeg \d+/, `kreeg ${typedSeed}`) }
        : p;
    throw invalid(
      `${file}: ${n} ${n === 1 ? "probleem" : "problemen"}`,
      ...parsed.problems.map((p) => `  ${formatProblem(asTyped(p))}`),
    );
  }
  return { file, scenario: parsed.value };
}

/** Load every file, reporting the problems of all of them before stopping. */
async function loadAll(files: readonly string[]): Promise<Loaded[]> {
  const loaded: Loaded[] = [];
  const problems: CliError[] = [];
  for (const file of files) {
    try {
      loaded.push(await loadScenario(file));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      problems.push(error);
    }
  }
  if (problems.length > 0)
    throw new CliError(
      Math.max(...problems.map((p) => p.code)),
      problems.flatMap((p) => p.lines),
    );
  return loaded;
}

function progressFor(ctx: Context, args: ParsedArgs, label: string, total: number): Progress {
  const { stderr, stdoutIsTTY } = ctx.terminal;
  if (!stderr?.isTTY || !stdoutIsTTY || flag(args, "stil") || flag(args, "json")) return SILENT;
  return progressBar(stderr, label, total);
}

/** What `simulate` does, on a scenario already prepared, with progress. Same seed, same bytes. */
function simulatePrepared(prepared: Prepared, runs: number, seed: number, progress: Progress): Simulation {
  const result = runMonteCarlo(prepared.model, prepared.layout, prepared.targets, {
    runs,
    seed,
    progressEvery: 8,
    onProgress: (done) => {
      progress.update(done);
      return true;
    },
  });
  progress.advance(runs);
  return {
    prepared,
    meta: {
      engineVersion: ENGINE_VERSION,
      scenarioName: prepared.scenario.name,
      scenarioHash: prepared.hash,
      seed,
      runs,
    },
    result,
    summary: summarise(result, prepared.shape),
  };
}

/** `run --threads N`: the same as `simulatePrepared`, over N worker threads, byte for byte. */
async function simulatePreparedThreaded(
  prepared: Prepared,
  runs: number,
  seed: number,
  threads: number,
  progress: Progress,
): Promise<Simulation> {
  const result = await simulateThreaded(prepared.scenario, runs, seed, threads, (done) =>
    progress.update(done),
  );
  progress.advance(runs);
  return {
    prepared,
    meta: {
      engineVersion: ENGINE_VERSION,
      scenarioName: prepared.scenario.name,
      scenarioHash: prepared.hash,
      seed,
      runs,
    },
    result,
    summary: summarise(result, prepared.shape),
  };
}

function threadsOption(args: ParsedArgs): number {
  try {
    return parseThreads(option(args, "threads"));
  } catch (error) {
    throw usage(error instanceof Error ? error.message : String(error));
  }
}

const summaryOf = (s: Simulation) => toSummaryJson(s.prepared.shape, s.meta, s.summary);

/** Where output goes: nowhere with --json alone, else --out or ./uitvoer, checked before any run. */
async function outputPlan(args: ParsedArgs, ctx: Context, files: string[]): Promise<OutputPlan | undefined> {
  const out = option(args, "out");
  if (flag(args, "json") && out === undefined) return undefined;
  const plan = await planOutput(out ?? "uitvoer", files);
  if (plan.replaces.length > 0) {
    const list = plan.replaces.length <= 3 ? plan.replaces.join(", ") : `${plan.replaces.length} bestanden`;
    ctx.err(`Let op: dit overschrijft het eerdere resultaat in ${plan.dir} (${list}).`);
  }
  return plan;
}

/** The scenario files named: files as they are, a folder as its .json files in name order. */
async function scenarioFiles(positionals: readonly string[]): Promise<{ files: string[]; folder: boolean }> {
  const files: string[] = [];
  let folder = false;
  for (const p of positionals) {
    let isDirectory = false;
    try {
      isDirectory = (await stat(p)).isDirectory();
    } catch {
      // Reading it will say what is wrong.
    }
    if (!isDirectory) {
      files.push(p);
      continue;
    }
    folder = true;
    let names: string[];
    try {
      names = await readdir(p);
    } catch (error) {
      throw io(`Kan de map ${p} niet lezen: ${describeFsError(error)}.`);
    }
    const json = names.filter((n) => n.endsWith(".json")).sort();
    if (json.length === 0) throw usage(`De map ${p} bevat geen scenario's (.json-bestanden).`);
    files.push(...json.map((n) => join(p, n)));
  }
  return { files, folder };
}

/** One row per target: the median in its year (for a target without a year, the median year) and the chance. */
function targetRows(summary: SummaryJson) {
  return summary.targets.map((t) => {
    const r = readTarget(t);
    const reach = t.kind === "reach";
    return {
      id: t.id,
      label: t.label,
      unit: reach ? "jaar" : t.unit,
      year: t.deadlineYear,
      median: reach ? (t.medianYear ?? null) : r.row.p50,
      p10: reach ? null : r.row.p10,
      p90: reach ? null : r.row.p90,
      probability: t.probability,
    };
  });
}

function csvFormat(args: ParsedArgs) {
  return flag(args, "excel-nl") ? { separator: ";", decimalComma: true } : {};
}

function printRun(ctx: Context, summary: SummaryJson): void {
  const { meta } = summary;
  const first = summary.metrics["stock.total"][0];
  ctx.out(
    `${meta.scenarioName}: ${formatCount(meta.runs)} runs, seed ${meta.seed}, scenario ${meta.scenarioHash}, engine ${meta.engineVersion}`,
  );
  ctx.out(
    `Start ${summary.years[0]}: ${formatCount(first.p50)} woningen, ${formatShare(summary.metrics["share.sociale_huur"][0].p50)} sociale huur`,
  );
  ctx.out("");
  for (const line of targetTable(summary)) ctx.out(line);
}

async function run(args: ParsedArgs, ctx: Context): Promise<number> {
  const runsFlag = parseRuns(option(args, "runs"));
  const seedFlag = parseSeed(option(args, "seed"));
  const { files, folder } = await scenarioFiles(args.positionals.length > 0 ? args.positionals : [BASELINE]);
  const many = files.length > 1 || folder;
  const fromPeildatum = await scenarioWithProgress(args, await loadAll(files));
  const loaded = fromPeildatum.loaded;
  // Every scenario with the same runs and seed: the first one's unless the options say otherwise.
  const runs = runsFlag ?? loaded[0].scenario.simulation.runs;
  const seed = seedFlag ?? loaded[0].scenario.simulation.seed;
  for (const l of loaded) checkBudget(l.scenario, runs, runsFlag !== undefined, l.file);
  const names = loaded.map((l) => basename(l.file).replace(/\.json$/i, ""));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice)
    throw usage(
      `Twee scenario's heten ${twice}: elk krijgt een map met zijn bestandsnaam; geef ze verschillende namen.`,
    );
  const outFiles = many
    ? [...names.flatMap((n) => [`${n}/summary.json`, `${n}/yearly.csv`]), "doelen.csv"]
    : ["summary.json", "yearly.csv"];
  const plan = await outputPlan(args, ctx, outFiles);
  const progress = progressFor(
    ctx,
    args,
    many ? `${loaded.length} scenario's` : loaded[0].scenario.name,
    runs * loaded.length,
  );
  const summaries: SummaryJson[] = [];
  const threads = threadsOption(args);
  for (const l of loaded)
    summaries.push(
      summaryOf(
        threads > 1
          ? await simulatePreparedThreaded(prepare(l.scenario), runs, seed, threads, progress)
          : simulatePrepared(prepare(l.scenario), runs, seed, progress),
      ),
    );
  progress.finish();
  const format = csvFormat(args);
  if (plan) {
    const written = summaries.flatMap((summary, i) => {
      const dir = many ? `${names[i]}/` : "";
      return [
        { path: `${dir}summary.json`, content: `${JSON.stringify(summary, null, 2)}\n` },
        { path: `${dir}yearly.csv`, content: toYearlyCsv(summary, { dutch: flag(args, "excel-nl") }) },
      ];
    });
    if (many) {
      const rows = summaries.flatMap((s, i) =>
        targetRows(s).map((t) => [names[i], t.id, t.label, t.unit, t.year, t.median, t.probability]),
      );
      const header = ["scenario", "doel", "omschrijving", "eenheid", "jaar", "mediaan", "kans"];
      written.push({ path: "doelen.csv", content: csvText([header, ...rows], format) });
    }
    await writeAtomically(plan, written);
  }
  if (flag(args, "json")) {
    ctx.out(
      JSON.stringify(
        many
          ? { scenarios: summaries.map((summary, i) => ({ name: names[i], file: files[i], summary })) }
          : summaries[0],
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  if (!many) {
    const summary = summaries[0];
    if (fromPeildatum.line) ctx.out(fromPeildatum.line);
    printRun(ctx, summary);
    ctx.out("");
    const allocation = allocationTable(summary, summary.years[summary.years.length - 1]);
    for (const line of allocation) ctx.out(line);
    if (allocation.length > 0) ctx.out("");
    if (plan) ctx.out(`Geschreven: ${join(plan.dir, "summary.json")} en ${join(plan.dir, "yearly.csv")}`);
    return EXIT.ok;
  }
  summaries.forEach((summary, i) => {
    ctx.out(`== ${names[i]} (${files[i]})`);
    printRun(ctx, summary);
    ctx.out("");
  });
  if (plan)
    ctx.out(
      `Geschreven: ${join(plan.dir, "<naam>")}/summary.json en yearly.csv voor ${loaded.length} scenario's, en ${join(plan.dir, "doelen.csv")}`,
    );
  return EXIT.ok;
}

/** The simulated years of a prepared scenario, for checking --year. */
const yearsOf = (p: Prepared) => p.shape.years;

function checkYear(year: number, prepared: Prepared[], what: string): void {
  for (const p of prepared) {
    const years = yearsOf(p);
    if (!years.includes(year))
      throw usage(
        `${what}: ${year} ligt buiten de simulatieperiode ${years[0]}–${years[years.length - 1]}${prepared.length > 1 ? ` van ${p.scenario.name}` : ""}.`,
      );
  }
}

function checkMetric(metric: string, prepared: Prepared[]): void {
  for (const p of prepared) {
    const ids = p.layout.defs.map((d) => d.id);
    if (!ids.includes(metric)) {
      const guess = nearest(metric, ids);
      throw usage(
        `--metric: onbekende metric "${shorten(metric, 60)}"${prepared.length > 1 ? ` in ${p.scenario.name}` : ""}${guess ? `; bedoelde je ${guess}?` : ""}`,
        "Alle metrics: woonscenario metrics",
      );
    }
  }
}

/** Two scenarios on the same seed: their targets side by side and the paired difference in one metric. */
async function compare(args: ParsedArgs, ctx: Context): Promise<number> {
  const runsFlag = parseRuns(option(args, "runs"));
  const seedFlag = parseSeed(option(args, "seed"));
  const yearFlag = parseYear(option(args, "year"));
  const [a, b] = await loadAll(args.positionals);
  const runs = runsFlag ?? 500;
  const seed = seedFlag ?? a.scenario.simulation.seed;
  for (const l of [a, b]) checkBudget(l.scenario, runs, true, l.file);
  const prepared = [prepare(a.scenario), prepare(b.scenario)];
  const metric = option(args, "metric") ?? "opgave.realised";
  // The default year: the opgave's own deadline, not a year written here.
  const year = yearFlag ?? a.scenario.opgave.deadlineYear;
  checkMetric(metric, prepared);
  checkYear(year, prepared, "--year");
  const progress = progressFor(ctx, args, "A en B", runs * 2);
  const [sa, sb] = prepared.map((p) => simulatePrepared(p, runs, seed, progress));
  progress.finish();
  const [ja, jb] = [sa, sb].map(summaryOf);
  const at = year - yearsOf(prepared[0])[0];
  const pairs = new Float64Array(yearsOf(prepared[0]).length);
  const diff = pairedDifference(
    { layout: sa.prepared.layout, result: sa.result },
    { layout: sb.prepared.layout, result: sb.result },
    metric,
    pairs,
  );
  const stat = (s: string) => diff[at * STATISTICS.length + STATISTICS.indexOf(s as never)];
  const unit = sa.prepared.layout.defs.find((d) => d.id === metric)?.unit ?? "";
  if (flag(args, "json")) {
    const both = ja.targets.filter((t) => jb.targets.some((u) => u.id === t.id));
    ctx.out(
      JSON.stringify(
        {
          a: ja.meta,
          b: jb.meta,
          targets: both.map((t) => ({
            id: t.id,
            label: t.label,
            deadlineYear: t.deadlineYear,
            probabilityA: t.probability,
            probabilityB: jb.targets.find((u) => u.id === t.id)?.probability,
          })),
          difference: {
            metric,
            year,
            unit,
            pairs: pairs[at],
            ...(pairs[at] === 0 ? {} : { p10: stat("p10"), p50: stat("p50"), p90: stat("p90") }),
          },
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  ctx.out(
    `A: ${ja.meta.scenarioName}; B: ${jb.meta.scenarioName}; ${formatCount(ja.meta.runs)} gepaarde runs, seed ${ja.meta.seed}`,
  );
  ctx.out("");
  for (const line of comparisonTable(ja, jb)) ctx.out(line);
  const show = (x: number) => formatDifference(x, unit);
  // The unit once, after the band: "-2,3 (… tussen -2,9 en -1,6 jaar)".
  const bare = (x: number) => show(x).replace(/ \D+$/, "");
  ctx.out("");
  const head = `Verschil B − A in ${metric}, ${year}`;
  if (pairs[at] === 0) ctx.out(`${head}: geen waarde: in geen enkele run hadden beide scenario's er een`);
  else
    ctx.out(
      `${head}: mediaan ${show(stat("p50"))} (80% van de runs tussen ${bare(stat("p10"))} en ${show(stat("p90"))})`,
    );
  return EXIT.ok;
}

/** The baseline beside its references: a table, the sources, and calibration.json. */
async function calibrateCommand(args: ParsedArgs, ctx: Context): Promise<number> {
  const runsFlag = parseRuns(option(args, "runs"));
  const seedFlag = parseSeed(option(args, "seed"));
  const [l] = await loadAll([args.positionals[0] ?? BASELINE]);
  if (!l.scenario.calibration?.length)
    throw invalid(`${l.file}: dit scenario heeft geen kalibratieregels (het blok calibration).`);
  const runs = runsFlag ?? l.scenario.simulation.runs;
  checkBudget(l.scenario, runs, runsFlag !== undefined, l.file);
  const plan = await outputPlan(args, ctx, ["calibration.json"]);
  const progress = progressFor(ctx, args, l.scenario.name, runs);
  const sim = simulatePrepared(prepare(l.scenario), runs, seedFlag ?? l.scenario.simulation.seed, progress);
  progress.finish();
  const result = calibrate(l.scenario, summaryOf(sim));
  if (plan)
    await writeAtomically(plan, [
      { path: "calibration.json", content: `${JSON.stringify(result, null, 2)}\n` },
    ]);
  if (flag(args, "json")) ctx.out(JSON.stringify(result, null, 2));
  else {
    for (const line of calibrationTable(result)) ctx.out(line);
    if (plan) {
      ctx.out("");
      ctx.out(`Geschreven: ${join(plan.dir, "calibration.json")}`);
    }
  }
  for (const p of result.problems) ctx.err(`  ${p.path}: ${p.message}`);
  return result.problems.length > 0 ? EXIT.invalid : EXIT.ok;
}

async function validate(args: ParsedArgs, ctx: Context): Promise<number> {
  const { scenario } = await loadScenario(args.positionals[0]);
  ctx.out(`${args.positionals[0]}: geldig scenario "${shorten(scenario.name)}"`);
  // Onwaarschijnlijke waarden zijn waarschuwingen: het scenario blijft geldig (exitcode 0).
  for (const w of plausibilityWarnings(scenario)) ctx.err(`waarschuwing: ${w.path}: ${w.message}`);
  const open = stillToFill(scenario);
  if (open.length > 0) {
    ctx.out(`Nog in te vullen: ${formatCount(open.length)} cijfers`);
    for (const path of open) ctx.out(`  ${path}`);
  }
  return EXIT.ok;
}

async function metrics(args: ParsedArgs, ctx: Context): Promise<number> {
  const [l] = await loadAll([args.positionals[0] ?? BASELINE]);
  const s = l.scenario;
  const layout = scenarioLayout(s);
  const rows = [
    ...layout.defs.map((d) => [d.id, d.label, d.unit]),
    ...layout.distributions.map((d) => [d.id, `${d.label} (verdeling over eenheden en runs)`, d.unit]),
  ];
  if (flag(args, "json")) {
    ctx.out(
      JSON.stringify(
        rows.map(([id, label, unit]) => ({ id, label, unit })),
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  ctx.out(`${s.name}: ${formatCount(rows.length)} metrics`);
  ctx.out("");
  for (const line of leftTable(["Id", "Omschrijving", "Eenheid"], rows)) ctx.out(line);
  return EXIT.ok;
}

async function targets(args: ParsedArgs, ctx: Context): Promise<number> {
  const [l] = await loadAll([args.positionals[0] ?? BASELINE]);
  checkBudget(l.scenario, 1, false, l.file);
  const shape = prepare(l.scenario).shape;
  if (flag(args, "json")) {
    ctx.out(JSON.stringify(shape.targets, null, 2));
    return EXIT.ok;
  }
  const rows = shape.targets.map((t) => [
    t.id,
    t.label,
    t.kind === "reach" ? `vóór eind ${t.deadlineYear}` : String(t.deadlineYear),
    t.rule,
    t.unit,
  ]);
  ctx.out(`${l.scenario.name}: ${rows.length} doelen`);
  ctx.out("");
  for (const line of leftTable(["Id", "Omschrijving", "Jaar", "Regel", "Eenheid"], rows)) ctx.out(line);
  return EXIT.ok;
}

/** A table of text: every column left-aligned. */
function leftTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

/** A grid of values of one or more figures, every point on the same seed (common random numbers). */
async function sweep(args: ParsedArgs, ctx: Context): Promise<number> {
  const runsFlag = parseRuns(option(args, "runs"));
  const seedFlag = parseSeed(option(args, "seed"));
  const yearFlag = parseYear(option(args, "year"));
  const sets = options(args, "set");
  if (sets.length === 0)
    throw usage("sweep: geef minstens één --set PAD=VAN:TOT:STAP.", "Meer: woonscenario help sweep");
  const [base] = await loadAll(args.positionals);
  const axes: Axis[] = sets.map((s) => parseAxis(s, base.scenario));
  const points = gridPoints(axes);
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  for (const point of points) {
    const at = scenarioAt(base.scenario, axes, point);
    if (Array.isArray(at)) problems.push(...at);
    else scenarios.push(at);
  }
  if (problems.length > 0)
    throw invalid(
      `${base.file}: ${problems.length} ${problems.length === 1 ? "probleem" : "problemen"} in de sweep`,
      ...problems,
    );
  const runs = runsFlag ?? base.scenario.simulation.runs;
  const seed = seedFlag ?? base.scenario.simulation.seed;
  for (const s of scenarios) checkBudget(s, runs, runsFlag !== undefined, base.file);
  const chosen = options(args, "metric");
  const year = yearFlag ?? base.scenario.opgave.deadlineYear;
  // The checks of --metric and --year on the first point's layout: every point has the same metrics.
  const first = prepare(scenarios[0]);
  for (const m of chosen) checkMetric(m, [first]);
  checkYear(year, [first], "--year");
  const plan = await outputPlan(args, ctx, ["sweep.csv"]);
  const progress = progressFor(ctx, args, `sweep van ${points.length} punten`, runs * points.length);
  const rows: Record<string, string | number | null>[] = [];
  // The chance of each target (rows) at each point (columns), as the terminal shows it.
  const chances: string[][] = [];
  let targetLabels: string[] = [];
  scenarios.forEach((scenario, p) => {
    const sim = simulatePrepared(p === 0 ? first : prepare(scenario), runs, seed, progress);
    const summary = summaryOf(sim);
    const where: Record<string, number> = {};
    axes.forEach((a, i) => {
      where[a.text] = points[p][i];
    });
    const targetsHere = targetRows(summary);
    targetLabels = targetsHere.map((t) => (t.label.length > 60 ? `${t.label.slice(0, 59)}…` : t.label));
    for (const t of targetsHere) rows.push({ point: p + 1, ...where, kind: "doel", ...t, unit: t.unit });
    const y = summary.years.indexOf(year);
    for (const m of chosen) {
      const stats = summary.metrics[m][y];
      rows.push({
        point: p + 1,
        ...where,
        kind: "metric",
        id: m,
        label: summary.metricInfo[m].label,
        unit: summary.metricInfo[m].unit,
        year,
        median: stats.p50,
        p10: stats.p10,
        p90: stats.p90,
        probability: null,
      });
    }
    chances.push(targetsHere.map((t) => formatProbability(t.probability)));
  });
  progress.finish();
  const columns = [
    "point",
    ...axes.map((a) => a.text),
    "kind",
    "id",
    "label",
    "unit",
    "year",
    "median",
    "p10",
    "p90",
    "probability",
  ];
  const header = [
    "punt",
    ...axes.map((a) => a.text),
    "soort",
    "id",
    "omschrijving",
    "eenheid",
    "jaar",
    "mediaan",
    "p10",
    "p90",
    "kans",
  ];
  if (plan) {
    const csv = csvText([header, ...rows.map((r) => columns.map((c) => r[c] ?? null))], csvFormat(args));
    await writeAtomically(plan, [{ path: "sweep.csv", content: csv }]);
  }
  if (flag(args, "json")) {
    ctx.out(
      JSON.stringify(
        {
          scenario: base.scenario.name,
          file: base.file,
          runs,
          seed,
          engineVersion: ENGINE_VERSION,
          set: axes.map((a) => ({
            path: a.text,
            figure: a.canonical,
            section: a.section,
            unit: a.unit,
            current: a.current,
            values: a.values,
          })),
          rows,
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  ctx.out(
    `Sweep van ${base.scenario.name}: ${points.length} punten × ${formatCount(runs)} runs, seed ${seed} voor elk punt (gemeenschappelijk toeval)`,
  );
  for (const a of axes) {
    const where = [a.text !== a.canonical ? a.canonical : "", a.section, a.unit].filter(Boolean).join("; ");
    const source = a.source ? `, bron: ${shorten(a.source, 80)}` : "";
    ctx.out(`  ${a.text} (${where}): nu ${a.current.toLocaleString("nl-NL")}${source}`);
  }
  ctx.out("");
  // At most eight points side by side; the file has them all.
  const shown = points.slice(0, 8);
  const value = (v: number) => v.toLocaleString("nl-NL", { maximumFractionDigits: 6 });
  ctx.out(`Kans per doel in zijn jaar, per waarde van ${axes.map((a) => a.text).join(" / ")}:`);
  const rowsShown = targetLabels.map((label, t) => [label, ...shown.map((_, p) => chances[p][t])]);
  for (const line of textTable(["Doel", ...shown.map((pt) => pt.map(value).join(" / "))], rowsShown))
    ctx.out(line);
  if (points.length > shown.length) ctx.out(`… en nog ${points.length - shown.length} punten.`);
  if (plan) ctx.out("");
  if (plan)
    ctx.out(
      `Geschreven: ${join(plan.dir, "sweep.csv")} (per punt en doel de mediaan en de kans${chosen.length > 0 ? ", en de gekozen metrics" : ""})`,
    );
  return EXIT.ok;
}

/** What the monitoring commands (./cli/monitor) use of this file. */
const tools: Tools = {
  baseline: BASELINE,
  loadScenario,
  simulate: simulatePrepared,
  summaryOf,
  outputPlan: (args, ctx, files) => outputPlan(args, ctx as Context, files),
  progressFor: (ctx, args, label, total) => progressFor(ctx as Context, args, label, total),
  csvFormat,
};

const HANDLERS: Record<string, (args: ParsedArgs, ctx: Context) => Promise<number>> = {
  run,
  voortgang: (args, ctx) => voortgang(args, ctx, tools),
  seek: (args, ctx) => seekCommand(args, ctx, tools),
  sweep,
  compare,
  calibrate: calibrateCommand,
  validate,
  metrics,
  targets,
  new: (args, ctx) =>
    newScenario(
      args,
      ctx.out,
      async () => parseJson(await readUserFile(BASELINE), BASELINE) as Record<string, unknown>,
    ),
};

function help(args: ParsedArgs, ctx: Context): number {
  const name = args.positionals[0];
  if (name === undefined) {
    for (const line of overview()) ctx.out(line);
    return EXIT.ok;
  }
  const spec = commandSpec(name);
  if (!spec) throw unknownCommand(name);
  for (const line of commandHelp(spec)) ctx.out(line);
  return EXIT.ok;
}

function unknownCommand(name: string): CliError {
  const guess = nearest(
    name,
    COMMANDS.map((c) => c.name),
  );
  return usage(
    `Onbekend commando "${shorten(name, 40)}"${guess ? `; bedoelde je ${guess}?` : "."}`,
    `Commando's: ${COMMANDS.map((c) => c.name).join(", ")}. Meer: woonscenario help`,
  );
}

async function dispatch(argv: readonly string[], ctx: Context): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h") {
    for (const line of overview()) ctx.out(line);
    return EXIT.ok;
  }
  if (command === "--version" || command === "-v") {
    ctx.out(`woonscenario ${ENGINE_VERSION}`);
    return EXIT.ok;
  }
  const spec: CommandSpec | undefined = commandSpec(command);
  if (!spec) throw unknownCommand(command);
  const args = parseArgs(spec, rest);
  if (args.help) {
    for (const line of commandHelp(spec)) ctx.out(line);
    return EXIT.ok;
  }
  if (command === "help") return help(args, ctx);
  return HANDLERS[command](args, ctx);
}

/**
 * The one error boundary. Returns the exit code: 0 done, 1 invalid input, 2 wrong use, 3 a file that
 * cannot be read or written, 4 a fault of woonscenario itself.
 */
export async function main(
  argv: string[],
  out: Out = (line) => console.log(line),
  err: Out = (line) => console.error(line),
  terminal: Terminal = {},
): Promise<number> {
  try {
    return await dispatch(argv, { out, err, terminal });
  } catch (error) {
    if (terminal.stderr?.isTTY) terminal.stderr.write("\r\x1b[K");
    if (error instanceof CliError) {
      for (const line of error.lines) err(shortenLine(line));
      return error.code;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RangeError && /array|buffer|allocation|memory/i.test(message)) {
      err("Te weinig geheugen voor deze berekening: kies minder runs (--runs) of een kleiner scenario.");
      return EXIT.invalid;
    }
    err(`Onverwachte fout in woonscenario: ${shorten(message, 200)}`);
    err("Dit is een fout in het programma, niet in uw invoer; meld het met het commando dat u gaf.");
    return EXIT.internal;
  }
}
