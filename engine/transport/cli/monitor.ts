import { join, resolve } from "node:path";
import { actualsOf, behindOf, chanceChanges } from "../../analysis/monitoring";
import type { SummaryJson } from "../../analysis/output";
import { LEVER_INFO, SEEK_LEVERS, type SeekAnswer, type SeekLever, seek } from "../../analysis/seek";
import { csvText } from "../../kernel/csv";
import type { InputProblem } from "../../kernel/errors";
import { formatCount, formatProbability, formatShare } from "../../kernel/format";
import { parseProgress, withProgress } from "../../progress";
import type { Scenario } from "../../scenario";
import { type Prepared, prepare, type Simulation } from "../../simulate";
import { sampleCompletions, summariseCompletions } from "../../stock/completions";
import type { Progress } from "../../stock/progress";
import { flag, nearest, option, type ParsedArgs, parseRuns, parseSeed, parseYear } from "./args";
import { checkBudget } from "./budget";
import { EXIT, invalid, shorten, usage } from "./errors";
import type { OutputPlan } from "./files";
import { parseJson, readUserFile, writeAtomically } from "./files";
import type { Progress as Bar } from "./progress";
import { progressFromCsv } from "./progress-csv";
import { textTable } from "./tables";

/**
 * The monitoring commands: `run --progress` (the forecast from a progress report's peildatum),
 * `voortgang` (every target's chance at the start and now, the homes realised, the projects behind)
 * and `seek` ("Wat is er nodig?": the smallest change of one lever for a wished chance). The helpers of
 * cli.ts come in as `Tools`, so this file needs nothing from it.
 */

type Out = (line: string) => void;

export interface MonitorContext {
  out: Out;
  err: Out;
}

interface Loaded {
  file: string;
  scenario: Scenario;
}

export interface Tools {
  baseline: string;
  loadScenario(file: string): Promise<Loaded>;
  simulate(prepared: Prepared, runs: number, seed: number, progress: Bar): Simulation;
  summaryOf(sim: Simulation): SummaryJson;
  outputPlan(args: ParsedArgs, ctx: MonitorContext, files: string[]): Promise<OutputPlan | undefined>;
  progressFor(ctx: MonitorContext, args: ParsedArgs, label: string, total: number): Bar;
  csvFormat(args: ParsedArgs): { separator?: string; decimalComma?: boolean };
}

const SECTIONS: Record<string, string> = {
  completions: "oplevering",
  statusChanges: "statuswijziging",
  newProjects: "nieuw project",
  sales: "verkoop",
  acquisitions: "aankoop",
  allocation: "toewijzing",
};

/** "completions[2].month" → "oplevering 3, veld month"; a CSV row's problems name the row and column instead. */
export function describeProgressPath(path: string): string {
  const m = /^(completions|statusChanges|newProjects|sales|acquisitions|allocation)\[(\d+)\]\.?(.*)$/.exec(
    path,
  );
  if (!m) return path === "" || path.startsWith("(") ? path || "(bestand)" : `veld ${path}`;
  const where = `${SECTIONS[m[1]]} ${Number(m[2]) + 1}`;
  return m[3] ? `${where}, veld ${m[3]}` : where;
}

/**
 * Read a progress report (JSON, or the CSV template) against its scenario. Problems name the row and
 * field (for CSV the row number and column) and stop the command with exit code 1.
 */
export async function loadProgress(file: string, scenario: Scenario): Promise<Progress> {
  const text = await readUserFile(resolve(file), "de voortgangsrapportage");
  let problems: string[];
  if (/\.csv$/i.test(file)) {
    const read = progressFromCsv(text, file.replace(/^.*[\\/]/, "").replace(/\.csv$/i, ""));
    if (!read.ok) problems = read.problems;
    else {
      const parsed = parseProgress(read.value, scenario);
      if (parsed.ok) return parsed.value;
      problems = parsed.problems.map(
        (p) => `${read.where(p.path) ?? describeProgressPath(p.path)}: ${p.message}`,
      );
    }
  } else {
    // parseJson says where the JSON breaks (line and column), like a scenario file.
    const parsed = parseProgress(parseJson(text, file), scenario);
    if (parsed.ok) return parsed.value;
    problems = parsed.problems.map((p: InputProblem) => `${describeProgressPath(p.path)}: ${p.message}`);
  }
  const n = problems.length;
  throw invalid(
    `${file}: ${n} ${n === 1 ? "probleem" : "problemen"} in de voortgangsrapportage`,
    ...problems.map((p) => `  ${p}`),
  );
}

/** What a report holds, in one line. */
export function progressLine(progress: Progress): string {
  const n = (k: number, one: string, many: string) => `${formatCount(k)} ${k === 1 ? one : many}`;
  return `Vanaf de peildatum ${progress.peildatum} (${progress.name}): ${n(progress.completions.length, "oplevering", "opleveringen")}, ${n(progress.statusChanges.length, "statuswijziging", "statuswijzigingen")}, ${n(progress.newProjects.length, "nieuw project", "nieuwe projecten")}`;
}

/** `run --progress FILE`: one scenario, simulated from the peildatum; the line to print above its tables. */
export async function scenarioWithProgress(
  args: ParsedArgs,
  loaded: Loaded[],
): Promise<{ loaded: Loaded[]; line?: string }> {
  const file = option(args, "progress");
  if (file === undefined) return { loaded };
  if (loaded.length !== 1)
    throw usage("--progress: geef precies één scenario; een voortgangsrapportage hoort bij één scenario.");
  const progress = await loadProgress(file, loaded[0].scenario);
  return {
    loaded: [{ ...loaded[0], scenario: withProgress(loaded[0].scenario, progress) }],
    line: progressLine(progress),
  };
}

function requireProgress(args: ParsedArgs, command: string): string {
  const file = option(args, "progress");
  if (file === undefined)
    throw usage(
      `${command}: geef de voortgangsrapportage met --progress BESTAND.`,
      `Meer: woonscenario help ${command}`,
    );
  return file;
}

/** A fractional year (2027.5) as its month (2027-07); a dash when there is none. */
const monthOf = (x: number) => {
  if (!Number.isFinite(x)) return "–";
  const m = Math.floor(x * 12 + 1e-9);
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
};

/** A label cut to fit a table, as sweep does. */
const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** `voortgang`: the monitoring report of a scenario and its progress report. */
export async function voortgang(args: ParsedArgs, ctx: MonitorContext, tools: Tools): Promise<number> {
  const runsFlag = parseRuns(option(args, "runs"));
  const seedFlag = parseSeed(option(args, "seed"));
  const file = requireProgress(args, "voortgang");
  const l = await tools.loadScenario(args.positionals[0] ?? tools.baseline);
  const progress = await loadProgress(file, l.scenario);
  const runs = runsFlag ?? l.scenario.simulation.runs;
  const seed = seedFlag ?? l.scenario.simulation.seed;
  checkBudget(l.scenario, runs, runsFlag !== undefined, l.file);
  const plan = await tools.outputPlan(args, ctx, ["voortgang.json", "voortgang.csv"]);
  const bar = tools.progressFor(ctx, args, l.scenario.name, runs * 2);
  const start = tools.summaryOf(tools.simulate(prepare(l.scenario), runs, seed, bar));
  const nowPrepared = prepare(withProgress(l.scenario, progress));
  const now = tools.summaryOf(tools.simulate(nowPrepared, runs, seed, bar));
  bar.finish();
  const spread = summariseCompletions(
    nowPrepared.shape.projects,
    sampleCompletions(nowPrepared.model, seed, 0, runs),
  );
  const chances = chanceChanges(start, now);
  const actuals = actualsOf(l.scenario, progress);
  const behind = behindOf(l.scenario, progress, spread);
  const report = {
    scenario: l.scenario.name,
    file: l.file,
    progress: { file, name: progress.name, peildatum: progress.peildatum },
    runs,
    seed,
    engineVersion: start.meta.engineVersion,
    chances,
    actuals,
    behind,
  };
  if (plan) {
    const rows: (string | number | null)[][] = [
      [
        "soort",
        "id",
        "omschrijving",
        "jaar_of_maand",
        "kans_bij_start",
        "kans_nu",
        "woningen",
        "gerealiseerd",
        "maanden_te_laat",
        "status",
        "p10",
        "p50",
        "p90",
        "vervalt",
      ],
      ...chances.map((c) => [
        "doel",
        c.id,
        c.label,
        c.year,
        c.atStart,
        c.now,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ]),
      ...actuals.map((a) => [
        "oplevering",
        null,
        null,
        a.month,
        null,
        null,
        a.homes,
        a.realised,
        null,
        null,
        null,
        null,
        null,
        null,
      ]),
      ...behind.map((b) => [
        "achter",
        b.id,
        b.name,
        b.planned,
        null,
        null,
        b.homes,
        null,
        b.monthsLate,
        b.status,
        b.p10 ?? null,
        b.p50 ?? null,
        b.p90 ?? null,
        b.dropped ?? null,
      ]),
    ];
    await writeAtomically(plan, [
      { path: "voortgang.json", content: `${JSON.stringify(report, null, 2)}\n` },
      { path: "voortgang.csv", content: csvText(rows, tools.csvFormat(args)) },
    ]);
  }
  if (flag(args, "json")) {
    ctx.out(JSON.stringify(report, null, 2));
    return EXIT.ok;
  }
  ctx.out(`${l.scenario.name}: ${formatCount(runs)} runs, seed ${seed}`);
  ctx.out(progressLine(progress));
  ctx.out("");
  ctx.out("Kans per doel in zijn jaar, bij de start en nu:");
  for (const line of textTable(
    ["Doel", "Jaar", "Bij de start", "Nu"],
    chances.map((c) => [
      cut(c.label, 60),
      String(c.year),
      formatProbability(c.atStart),
      formatProbability(c.now),
    ]),
  ))
    ctx.out(line);
  ctx.out("");
  ctx.out("Gerealiseerd voor de opgave, per maand met opleveringen:");
  for (const line of textTable(
    ["Maand", "Opgeleverd", "Gerealiseerd"],
    actuals.map((a) => [a.month, formatCount(a.homes), formatCount(a.realised)]),
  ))
    ctx.out(line);
  ctx.out("");
  if (behind.length === 0) ctx.out(`Geen project loopt achter op de peildatum ${progress.peildatum}.`);
  else {
    ctx.out(`Projecten achter op hun planning (peildatum ${progress.peildatum}):`);
    for (const line of textTable(
      ["Project", "Status", "Gepland", "Maanden te laat", "Woningen", "Oplevering p10–p90", "Vervalt"],
      behind.map((b) => [
        cut(`${b.id} ${b.name}`, 50),
        b.status,
        b.planned,
        b.monthsLate === 0 ? "deze maand" : formatCount(b.monthsLate),
        formatCount(b.homes),
        b.p10 === undefined ? "–" : `${monthOf(b.p10)} – ${monthOf(b.p90 ?? Number.NaN)}`,
        b.dropped === undefined ? "–" : formatProbability(b.dropped),
      ]),
    ))
      ctx.out(line);
  }
  if (plan) {
    ctx.out("");
    ctx.out(`Geschreven: ${join(plan.dir, "voortgang.json")} en ${join(plan.dir, "voortgang.csv")}`);
  }
  return EXIT.ok;
}

/** `--chance`: a share between 0 and 1 (0,8 or 0.8), or a percentage (80%). */
export function parseChance(text: string | undefined): number {
  if (text === undefined) return 0.8;
  const m = /^(\d+(?:[.,]\d+)?)(%?)$/.exec(text.trim());
  const value = m ? Number(m[1].replace(",", ".")) / (m[2] ? 100 : 1) : Number.NaN;
  if (!(value > 0 && value < 1))
    throw usage(
      `--chance: verwacht een kans tussen 0 en 1 (zoals 0,8) of een percentage (zoals 80%), kreeg "${shorten(text, 40)}".`,
    );
  return value;
}

function parseLever(text: string | undefined): SeekLever {
  if (text === undefined)
    throw usage(
      `seek: kies een hefboom met --lever: ${SEEK_LEVERS.join(", ")}.`,
      "Meer: woonscenario help seek",
    );
  if ((SEEK_LEVERS as readonly string[]).includes(text)) return text as SeekLever;
  const guess = nearest(text, SEEK_LEVERS);
  throw usage(
    `--lever: onbekende hefboom "${shorten(text, 40)}"${guess ? `; bedoelde je ${guess}?` : "."}`,
    `Hefbomen: ${SEEK_LEVERS.map((l) => `${l} (${LEVER_INFO[l].label})`).join(", ")}`,
  );
}

const leverValue = (a: SeekAnswer, v: number) =>
  a.lever === "softDropOut" ? `${formatCount(v * 100)} procentpunt` : `${formatCount(v)} ${a.unit}`;

/** `seek TARGET --lever L`: the smallest change of the lever that gives the target the wished chance. */
export async function seekCommand(args: ParsedArgs, ctx: MonitorContext, tools: Tools): Promise<number> {
  const lever = parseLever(option(args, "lever"));
  const chance = parseChance(option(args, "chance"));
  const runsFlag = parseRuns(option(args, "runs"));
  const seedFlag = parseSeed(option(args, "seed"));
  const beforeYear = parseYear(option(args, "before-year"));
  const [target, scenarioFile] = args.positionals;
  const l = await tools.loadScenario(scenarioFile ?? tools.baseline);
  const progressFile = option(args, "progress");
  const scenario = progressFile
    ? withProgress(l.scenario, await loadProgress(progressFile, l.scenario))
    : l.scenario;
  const runs = runsFlag ?? 400;
  checkBudget(scenario, runs, true, l.file);
  const ids = prepare(scenario).targets.map((t) => t.id);
  if (!ids.includes(target)) {
    const guess = nearest(target, ids);
    throw usage(
      `seek: onbekend doel "${shorten(target, 60)}"${guess ? `; bedoelde je ${guess}?` : "."}`,
      "Alle doelen: woonscenario targets",
    );
  }
  if (beforeYear !== undefined) {
    const first = Number(scenario.simulation.start.slice(0, 4));
    if (beforeYear <= first || beforeYear > scenario.simulation.endYear + 1)
      throw usage(
        `--before-year: ${beforeYear} ligt niet na het startjaar ${first} of na het eindjaar ${scenario.simulation.endYear}.`,
      );
  }
  const answer = seek(scenario, {
    target,
    lever,
    chance,
    runs,
    seed: seedFlag ?? scenario.simulation.seed,
    ...(beforeYear !== undefined ? { beforeYear } : {}),
  });
  if (flag(args, "json")) {
    ctx.out(JSON.stringify(answer, null, 2));
    return EXIT.ok;
  }
  ctx.out(
    `Wat is er nodig? ${scenario.name}${progressFile ? ` vanaf de peildatum ${scenario.progress?.peildatum}` : ""}: ${formatCount(runs)} runs per stap, seed ${answer.seed} (gemeenschappelijk toeval)`,
  );
  ctx.out("");
  ctx.out(answer.sentence);
  ctx.out("");
  ctx.out(`Kans op het doel tegen ${answer.leverLabel}:`);
  for (const line of textTable(
    [`Extra (${answer.lever === "softDropOut" ? "procentpunt" : answer.unit})`, "Kans"],
    answer.curve.map((p) => [leverValue(answer, p.value).replace(/ .*$/, ""), formatShare(p.chance)]),
  ))
    ctx.out(line);
  return EXIT.ok;
}
