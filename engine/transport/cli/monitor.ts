import { join, resolve } from "node:path";
import { actualsOf, allocationActuals, behindOf, chanceChanges, historyOf } from "../../analysis/monitoring";
import type { SummaryJson } from "../../analysis/output";
import {
  isLimitLever,
  LEVER_INFO,
  LIMITS,
  type LimitLever,
  points,
  SEEK_LEVERS,
  type SeekAnswer,
  type SeekLever,
  seek,
} from "../../analysis/seek";
import { type AgreementSignal, formatEvidence, signalsOf } from "../../analysis/signals";
import { csvText } from "../../kernel/csv";
import type { InputProblem } from "../../kernel/errors";
import { formatCount, formatDecimal, formatProbability, formatShare } from "../../kernel/format";
import { parseProgress, withProgress } from "../../progress";
import type { Scenario } from "../../scenario";
import { type Prepared, prepare, type Simulation } from "../../simulate";
import { sampleCompletions, summariseCompletions } from "../../stock/completions";
import type { Progress } from "../../stock/progress";
import { flag, nearest, option, options, type ParsedArgs, parseRuns, parseSeed, parseYear } from "./args";
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

/** `voortgang`: the monitoring report of a scenario and its progress reports, the latest as "now". */
export async function voortgang(args: ParsedArgs, ctx: MonitorContext, tools: Tools): Promise<number> {
  const runsFlag = parseRuns(option(args, "runs"));
  const seedFlag = parseSeed(option(args, "seed"));
  requireProgress(args, "voortgang");
  const l = await tools.loadScenario(args.positionals[0] ?? tools.baseline);
  const files = options(args, "progress");
  const loaded: { file: string; progress: Progress }[] = [];
  for (const file of files) loaded.push({ file, progress: await loadProgress(file, l.scenario) });
  // Oldest first: the last report is the stand now, the earlier ones are the history.
  loaded.sort((a, b) =>
    a.progress.peildatum < b.progress.peildatum ? -1 : a.progress.peildatum > b.progress.peildatum ? 1 : 0,
  );
  const peildata = loaded.map((r) => r.progress.peildatum);
  const twice = peildata.find((p, i) => peildata.indexOf(p) !== i);
  if (twice !== undefined)
    throw usage(
      `--progress: twee rapportages met dezelfde peildatum ${twice}; geef één rapportage per peildatum.`,
    );
  const { file, progress } = loaded[loaded.length - 1];
  const runs = runsFlag ?? l.scenario.simulation.runs;
  const seed = seedFlag ?? l.scenario.simulation.seed;
  checkBudget(l.scenario, runs * loaded.length, runsFlag !== undefined, l.file);
  const plan = await tools.outputPlan(args, ctx, ["voortgang.json", "voortgang.csv"]);
  const bar = tools.progressFor(ctx, args, l.scenario.name, runs * (loaded.length + 1));
  const start = tools.summaryOf(tools.simulate(prepare(l.scenario), runs, seed, bar));
  const summaries = loaded.map((r, i) => {
    if (i < loaded.length - 1)
      return tools.summaryOf(tools.simulate(prepare(withProgress(l.scenario, r.progress)), runs, seed, bar));
    return undefined;
  });
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
  const signals = signalsOf({ scenario: l.scenario, progress, start, now, behind });
  const allocation = allocationActuals(l.scenario, progress, start, now);
  const history = historyOf(
    start,
    loaded.map((r, i) => ({ progress: r.progress, summary: summaries[i] ?? now })),
    l.scenario.simulation.start,
  );
  const report = {
    scenario: l.scenario.name,
    file: l.file,
    progress: { file, name: progress.name, peildatum: progress.peildatum },
    earlier: loaded
      .slice(0, -1)
      .map((r) => ({ file: r.file, name: r.progress.name, peildatum: r.progress.peildatum })),
    runs,
    seed,
    engineVersion: start.meta.engineVersion,
    chances,
    signals,
    actuals,
    allocation,
    behind,
    history,
  };
  if (plan) {
    await writeAtomically(plan, [
      { path: "voortgang.json", content: `${JSON.stringify(report, null, 2)}\n` },
      { path: "voortgang.csv", content: csvText(reportRows(report), tools.csvFormat(args)) },
    ]);
  }
  if (flag(args, "json")) {
    ctx.out(JSON.stringify(report, null, 2));
    return EXIT.ok;
  }
  ctx.out(`${l.scenario.name}: ${formatCount(runs)} runs, seed ${seed}`);
  for (const r of loaded.slice(0, -1))
    ctx.out(`Eerdere rapportage: peildatum ${r.progress.peildatum} (${r.progress.name})`);
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
  printSignals(ctx, signals);
  if (history.length > 2) {
    ctx.out("");
    ctx.out("Kans per doel per peildatum (geschiedenis van de rapportages):");
    for (const line of textTable(
      ["Doel", ...history.map((h, i) => (i === 0 ? "Start" : h.peildatum))],
      history[0].chances.map((c) => [
        cut(c.label, 50),
        ...history.map((h) => {
          const x = h.chances.find((y) => y.id === c.id);
          return x ? formatProbability(x.chance) : "–";
        }),
      ]),
    ))
      ctx.out(line);
  }
  ctx.out("");
  ctx.out("Gerealiseerd voor de opgave, per maand met opleveringen:");
  for (const line of textTable(
    ["Maand", "Opgeleverd", "Gerealiseerd"],
    actuals.map((a) => [a.month, formatCount(a.homes), formatCount(a.realised)]),
  ))
    ctx.out(line);
  if (allocation.length > 0) {
    ctx.out("");
    ctx.out("Toewijzing: gemeten naast de prognose (waarnemingen; de prognose is er niet op bijgesteld):");
    const band = (b?: { p10: number; p50: number; p90: number }, unit?: string) =>
      b
        ? `${number(b.p50, unit)} (${number(b.p10, unit)}–${number(b.p90, unit)})${unit === "jaren" ? " jaar" : ""}`
        : "–";
    for (const line of textTable(
      ["Jaar", "Cijfer", "Gemeten", "Periode", "Prognose bij de start", "Prognose nu"],
      allocation.map((a) => [
        String(a.year),
        cut(a.label, 40),
        `${number(a.actual, a.unit)}${a.unit === "jaren" ? " jaar" : ""}`,
        `${a.period}${a.partial ? " (deel van het jaar)" : ""}`,
        band(a.atStart, a.unit),
        band(a.now, a.unit),
      ]),
    ))
      ctx.out(line);
  }
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

/** A figure of its unit: years with a decimal, counts whole. */
const number = (x: number, unit?: string) => (unit === "jaren" ? formatDecimal(x) : formatCount(x));

/** Each signal with its level and sentence, and its evidence indented below it. */
function printSignals(ctx: MonitorContext, signals: readonly AgreementSignal[]): void {
  ctx.out("Signalen van de overeenkomst, met het bewijs:");
  for (const s of signals) {
    ctx.out(`[${s.level}] ${s.title}: ${s.sentence}`);
    for (const e of s.evidence)
      ctx.out(`    ${e.label}${e.period ? ` (${e.period})` : ""}: ${formatEvidence(e)} — bron: ${e.source}`);
  }
}

type Report = {
  chances: ReturnType<typeof chanceChanges>;
  actuals: ReturnType<typeof actualsOf>;
  behind: ReturnType<typeof behindOf>;
  signals: AgreementSignal[];
  allocation: ReturnType<typeof allocationActuals>;
  history: ReturnType<typeof historyOf>;
};

/** voortgang.csv: one row per target, month, project behind, signal (and its evidence), measured figure and peildatum. */
function reportRows(r: Report): (string | number | null)[][] {
  const header = [
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
    "waarde",
    "bron",
  ];
  const row = (cells: Partial<Record<string, string | number | null | undefined>>) =>
    header.map((h) => cells[h] ?? null);
  return [
    header,
    ...r.chances.map((c) =>
      row({
        soort: "doel",
        id: c.id,
        omschrijving: c.label,
        jaar_of_maand: c.year,
        kans_bij_start: c.atStart,
        kans_nu: c.now,
      }),
    ),
    ...r.actuals.map((a) =>
      row({ soort: "oplevering", jaar_of_maand: a.month, woningen: a.homes, gerealiseerd: a.realised }),
    ),
    ...r.behind.map((b) =>
      row({
        soort: "achter",
        id: b.id,
        omschrijving: b.name,
        jaar_of_maand: b.planned,
        woningen: b.homes,
        maanden_te_laat: b.monthsLate,
        status: b.status,
        p10: b.p10,
        p50: b.p50,
        p90: b.p90,
        vervalt: b.dropped,
      }),
    ),
    ...r.signals.flatMap((s) => [
      row({ soort: "signaal", id: s.id, omschrijving: s.sentence, status: s.level }),
      ...s.evidence.map((e) =>
        row({
          soort: "bewijs",
          id: s.id,
          omschrijving: e.label,
          jaar_of_maand: e.period,
          waarde: e.value,
          bron: e.source,
        }),
      ),
    ]),
    ...r.allocation.map((a) =>
      row({
        soort: "toewijzing",
        id: a.metric,
        omschrijving: `${a.label} (${a.period}${a.partial ? ", deel van het jaar" : ""})`,
        jaar_of_maand: a.year,
        waarde: a.actual,
        p10: a.now?.p10,
        p50: a.now?.p50,
        p90: a.now?.p90,
        bron: "voortgangsrapportage; p10–p90: prognose vanaf de peildatum",
      }),
    ),
    ...r.history.flatMap((h, i) =>
      h.chances.map((c) =>
        row({
          soort: "geschiedenis",
          id: c.id,
          omschrijving: c.label,
          jaar_of_maand: i === 0 ? `start ${h.peildatum}` : h.peildatum,
          kans_nu: c.chance,
          bron: h.name,
        }),
      ),
    ),
  ];
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
  isLimitLever(a.lever) ? points(v) : a.lever === "softDropOut" ? formatCount(v * 100) : formatCount(v);

/**
 * `--limit`: for betaalrisico a share (0,2 or 20%), for the search time years (1,5). Required with
 * SHBL's levers: the limit is the user's choice, the model has no default for it.
 */
function parseLimit(text: string | undefined, lever: LimitLever): number {
  const what = LIMITS[lever];
  if (text === undefined)
    throw usage(
      `seek: geef bij --lever ${lever} de grens met --limit: ${lever === "rentIncrease" ? "het hoogste aandeel huurders met betaalrisico, zoals 20%" : "de langste zoektijd in jaren, zoals 1,5"}.`,
    );
  const m = /^(\d+(?:[.,]\d+)?)(%?)$/.exec(text.trim());
  const percent = m?.[2] === "%";
  const value = m ? Number(m[1].replace(",", ".")) / (percent ? 100 : 1) : Number.NaN;
  const ok = what.unit === "aandeel" ? value > 0 && value < 1 : !percent && value > 0 && value <= 50;
  if (!ok)
    throw usage(
      what.unit === "aandeel"
        ? `--limit: verwacht een aandeel tussen 0 en 1 (zoals 0,2) of een percentage (zoals 20%), kreeg "${shorten(text, 40)}".`
        : `--limit: verwacht een zoektijd in jaren (zoals 1,5), kreeg "${shorten(text, 40)}".`,
    );
  return value;
}

/** `seek TARGET --lever L`: the smallest change of the lever that gives the target the wished chance. */
export async function seekCommand(args: ParsedArgs, ctx: MonitorContext, tools: Tools): Promise<number> {
  const lever = parseLever(option(args, "lever"));
  const chance = parseChance(option(args, "chance"));
  const runsFlag = parseRuns(option(args, "runs"));
  const seedFlag = parseSeed(option(args, "seed"));
  const beforeYear = parseYear(option(args, "before-year"));
  const [target, scenarioFile] = args.positionals;
  const limit = isLimitLever(lever) ? parseLimit(option(args, "limit"), lever) : undefined;
  const year = parseYear(option(args, "year"));
  if (isLimitLever(lever) && target !== LIMITS[lever].id)
    throw usage(
      `seek: bij --lever ${lever} hoort het doel ${LIMITS[lever].id} (${LIMITS[lever].label}), kreeg "${shorten(target, 40)}".`,
      `Voorbeeld: woonscenario seek ${LIMITS[lever].id} --lever ${lever} --limit ${lever === "rentIncrease" ? "20%" : "1,5"}`,
    );
  const l = await tools.loadScenario(scenarioFile ?? tools.baseline);
  const progressFile = option(args, "progress");
  const scenario = progressFile
    ? withProgress(l.scenario, await loadProgress(progressFile, l.scenario))
    : l.scenario;
  const runs = runsFlag ?? 400;
  checkBudget(scenario, runs, true, l.file);
  const ids = prepare(scenario).targets.map((t) => t.id);
  if (!isLimitLever(lever) && !ids.includes(target)) {
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
    ...(limit !== undefined ? { limit } : {}),
    ...(year !== undefined ? { year } : {}),
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
  ctx.out(
    answer.direction === "highest"
      ? `Kans dat de grens houdt tegen ${answer.leverLabel}:`
      : `Kans op het doel tegen ${answer.leverLabel}:`,
  );
  const column =
    answer.direction === "highest"
      ? `${answer.leverLabel} (${answer.lever === "freeAllocation" ? "%" : "procentpunt"})`
      : `Extra (${answer.lever === "softDropOut" ? "procentpunt" : answer.unit})`;
  for (const line of textTable(
    [column, "Kans"],
    answer.curve.map((p) => [leverValue(answer, p.value), formatShare(p.chance)]),
  ))
    ctx.out(line);
  return EXIT.ok;
}
