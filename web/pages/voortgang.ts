import first from "../../data/voortgang/voorbeeld-2026-06.json";
import second from "../../data/voortgang/voorbeeld-2027-12.json";
import {
  actualsOf,
  allocationActuals,
  allocationScope,
  applyLever,
  behindOf,
  chanceChanges,
  defaultBeforeYear,
  ENGINE_VERSION,
  formatCount,
  historyOf,
  isLimitLever,
  LEVER_INFO,
  LIMITS,
  type Progress,
  parseProgress,
  parseProgressText,
  planningScope,
  points,
  progressFromCsv,
  type Scenario,
  SEEK_LEVERS,
  type SeekAnswer,
  type SeekLever,
  signalsOf,
  summariseCompletions,
  summaryOf,
  withProgress,
} from "../../engine/index";
import { startAnalysisWorker } from "../client/analysis-worker";
import { type Signal, signal } from "../client/signal";
import { spawnWorker } from "../client/spawn-worker";
import { createPool, poolSize, type WorkerPool } from "../client/worker-pool";
import { h, setMessage } from "../common/dom";
import { type Forecast, figure, type MonitorView, seekChart } from "../figures/voortgang";
import { builtinScenario } from "../scenario/builtin";
import { MONTH_NAMES } from "../scenario/changes";
import "../styles/page.css";
import "../styles/report.css";
import "../styles/voortgang.css";

/**
 * What the monitoring notebook runs on: the basis scenario, its progress reports (the two shipped
 * examples until the user reads files of their own), and the forecasts the figures set side by side:
 * the one made at the scenario's start and one from each report's peildatum (the latest is "now"). They
 * run in the page's worker pool on the building plan alone (planningScope); the allocation figures are
 * set beside forecasts of the allocation model, which follow when ready. "Wat is er nodig?" runs in a
 * worker of its own.
 */

/** Runs per step of a search: a dozen steps of these stay within seconds. */
export const SEEK_RUNS = 400;
/** SHBL's levers run the allocation (and affordability) model, some forty times slower per run. */
export const SHBL_SEEK_RUNS = 100;
/** Runs of the allocation forecasts the measured allocation figures are set beside. */
export const ALLOCATION_RUNS = 200;

export interface Monitor {
  scenario: Scenario;
  view: Signal<MonitorView | undefined>;
  /** What the page is doing or what went wrong, in Dutch. */
  status: Signal<{ kind: "fout" | "info"; text: string }>;
  /** Read a report (JSON or the CSV template); on problems the reports shown stay. */
  load(text: string, fileName: string): Promise<void>;
  seek(request: {
    target: string;
    lever: SeekLever;
    chance: number;
    beforeYear?: number;
    limit?: number;
  }): Promise<SeekAnswer>;
  /** "Pas toe": the forecast from the peildatum with a search's answer added to the scenario. */
  apply(answer: SeekAnswer): Promise<void>;
  /** The changes applied so far, in Dutch; empty when none. */
  applied: Signal<string[]>;
}

async function forecast(
  pool: WorkerPool,
  scenario: Scenario,
  runs = scenario.simulation.runs,
): Promise<Forecast> {
  const { seed } = scenario.simulation;
  const outcome = await pool.run({ scenario, seed, runs });
  if (outcome.status === "failed") throw outcome.error;
  if (outcome.status === "cancelled") throw new Error("de berekening is afgebroken");
  return {
    summary: summaryOf(outcome.result, outcome.shape, seed),
    spread: summariseCompletions(outcome.shape.projects, outcome.completions),
  };
}

interface Report {
  progress: Progress;
  from: string;
}

export async function startMonitor(scenario: Scenario = builtinScenario("basis")): Promise<Monitor> {
  const pool = createPool({ size: poolSize(navigator.hardwareConcurrency), spawn: spawnWorker });
  addEventListener("pagehide", () => pool.dispose());
  const seeker = startAnalysisWorker();
  // The scenario the forecasts from the peildata run on: the scenario, plus what "pas toe" added.
  let working = scenario;
  const applied = signal<string[]>([]);
  const view = signal<MonitorView | undefined>(undefined);
  const status = signal<{ kind: "fout" | "info"; text: string }>({ kind: "info", text: "" });
  let start: Forecast | undefined;
  let reports: Report[] = [];
  // Forecasts per peildatum for the working scenario; "pas toe" starts a new cache.
  let cache = new Map<string, Forecast>();
  // The pool runs one job at a time (a new one cancels the old): every computation waits its turn.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const show = (from: string) =>
    inTurn(async () => {
      status.set({ kind: "info", text: `Rekent de prognoses door voor ${from}…` });
      try {
        // The forecast at the start is the same for every report: it runs once.
        start ??= await forecast(pool, planningScope(scenario));
        const forecasts: Forecast[] = [];
        for (const r of reports) {
          let f = cache.get(r.progress.peildatum);
          if (!f) {
            f = await forecast(pool, planningScope(withProgress(working, r.progress)));
            cache.set(r.progress.peildatum, f);
          }
          forecasts.push(f);
        }
        const latest = reports[reports.length - 1].progress;
        const now = forecasts[forecasts.length - 1];
        const behind = behindOf(working, latest, now.spread);
        const shown: MonitorView = {
          scenario: working,
          progress: latest,
          start,
          now,
          actuals: actualsOf(working, latest),
          behind,
          chances: chanceChanges(start.summary, now.summary),
          signals: signalsOf({
            scenario: working,
            progress: latest,
            start: start.summary,
            now: now.summary,
            behind,
          }),
          history: historyOf(
            start.summary,
            reports.map((r, i) => ({ progress: r.progress, summary: forecasts[i].summary })),
            scenario.simulation.start,
          ),
        };
        view.set(shown);
        status.set({
          kind: "info",
          text: `Voortgangsrapportage nu: ${latest.name}${reports.length > 1 ? `, met ${formatCount(reports.length - 1)} eerdere` : ""}; gerekend voor ${from}.`,
        });
        // The measured allocation figures beside forecasts of the allocation model: slower, so after.
        const allocStart = await forecast(pool, allocationScope(scenario), ALLOCATION_RUNS);
        const allocNow = await forecast(
          pool,
          allocationScope(withProgress(working, latest)),
          ALLOCATION_RUNS,
        );
        if (view.get() === shown)
          view.set({
            ...shown,
            allocation: allocationActuals(scenario, latest, allocStart.summary, allocNow.summary),
          });
      } catch (error) {
        status.set({ kind: "fout", text: `De berekening is mislukt: ${(error as Error).message}` });
      }
    });

  const add = (progress: Progress, from: string) => {
    reports = [
      ...reports.filter((r) => r.progress.peildatum !== progress.peildatum),
      { progress, from },
    ].sort((a, b) => (a.progress.peildatum < b.progress.peildatum ? -1 : 1));
  };
  // The shipped example reports are on the shipped baseline's projects; another municipality starts empty.
  if (scenario.municipality.name !== builtinScenario("basis").municipality.name)
    status.set({ kind: "info", text: `Lees een voortgangsrapportage van ${scenario.municipality.name} in.` });
  else {
    const problems: string[] = [];
    for (const [raw, name] of [
      [first, "het meegeleverde voorbeeld van juni 2026"],
      [second, "het meegeleverde voorbeeld van december 2027"],
    ] as const) {
      const parsed = parseProgress(raw, scenario);
      if (parsed.ok) add(parsed.value, name);
      else problems.push(problemsText(parsed.problems));
    }
    if (problems.length > 0) status.set({ kind: "fout", text: problems.join("\n") });
    else void show("de meegeleverde voorbeelden");
  }

  return {
    scenario,
    view,
    status,
    async load(text, fileName) {
      const parsed = readReport(text, fileName, scenario);
      if (!parsed.ok) {
        status.set({
          kind: "fout",
          text: `${fileName} is niet ingelezen; de rapportages die er stonden blijven staan.\n${parsed.problems.join("\n")}`,
        });
        return;
      }
      add(parsed.value, fileName);
      await show(fileName);
    },
    seek(request) {
      const progress = reports[reports.length - 1]?.progress;
      const base = progress ? withProgress(working, progress) : working;
      // SHBL's levers need the allocation model (and for betaalrisico affordability): the whole scenario.
      return isLimitLever(request.lever)
        ? seeker.seek(base, { ...request, runs: SHBL_SEEK_RUNS })
        : seeker.seek(planningScope(base), { ...request, runs: SEEK_RUNS });
    },
    async apply(answer) {
      if (answer.value === undefined || reports.length === 0) return;
      if (!isLimitLever(answer.lever) && answer.value === 0) return;
      working = applyLever(working, answer.lever, answer.value, answer.beforeYear);
      cache = new Map();
      applied.set([...applied.get(), appliedText(answer)]);
      await show("de rapportage, met de toegepaste verandering");
    },
    applied,
  };
}

/** What "pas toe" added, in the words of the answer. */
function appliedText(a: SeekAnswer): string {
  if (a.direction === "highest")
    return `${a.leverLabel}: ${points(a.value ?? 0)}${a.lever === "freeAllocation" ? "%" : " procentpunt per jaar"}`;
  return a.sentence.replace(/^.*is nodig: /, "").replace(/;.*$/, "");
}

/** A report from a file: JSON in the form of the examples, or the CSV template for Dutch Excel. */
function readReport(
  text: string,
  fileName: string,
  scenario: Scenario,
): { ok: true; value: Progress } | { ok: false; problems: string[] } {
  if (/\.csv$/i.test(fileName)) {
    const read = progressFromCsv(text, fileName.replace(/\.csv$/i, ""));
    if (!read.ok) return read;
    const parsed = parseProgress(read.value, scenario);
    return parsed.ok
      ? parsed
      : { ok: false, problems: parsed.problems.map((p) => `${read.where(p.path) ?? p.path}: ${p.message}`) };
  }
  const parsed = parseProgressText(text, scenario);
  return parsed.ok ? parsed : { ok: false, problems: [problemsText(parsed.problems)] };
}

function problemsText(problems: { path: string; message: string }[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join("\n");
}

/** The status line: what is computing, which report is shown, or what was wrong with a file. */
export function statusLine(monitor: Monitor): HTMLElement {
  const slot = h("div", { class: "ws-voortgang-status", "aria-live": "polite" });
  const changes = h("ul", { class: "ws-voortgang-toegepast" });
  monitor.status.subscribe((s) => setMessage(slot, s.kind, s.text));
  monitor.applied.subscribe((list) =>
    changes.replaceChildren(...list.map((c) => h("li", {}, `Toegepast: ${c}`))),
  );
  return h("div", {}, slot, changes);
}

/**
 * Pick reports from disk (JSON in the form of the examples, or the CSV template): each joins the
 * history, a report with the same peildatum replaces the one there; the latest peildatum is "now".
 */
export function reportPicker(monitor: Monitor): HTMLElement {
  const input = h("input", {
    type: "file",
    multiple: true,
    accept: ".json,application/json,.csv",
    "aria-label": "Voortgangsrapportages kiezen",
    onchange: async () => {
      for (const file of Array.from(input.files ?? [])) await monitor.load(await file.text(), file.name);
      input.value = "";
    },
  });
  return h(
    "label",
    { class: "ws-voortgang-picker" },
    "Eigen voortgangsrapportages inlezen (JSON of het CSV-sjabloon; meer bestanden mag): ",
    input,
  );
}

/** The "Wat is er nodig?" form: a target, a lever, a wished chance; its answer in one sentence and a chart. */
export function seekForm(monitor: Monitor, view: MonitorView, options: { width?: number } = {}): HTMLElement {
  const targets = view.now.summary.targets;
  const target = h(
    "select",
    { name: "doel", "aria-label": "Doel" },
    ...targets.map((t) => h("option", { value: t.id, selected: t.id === "opgave" }, t.label)),
  );
  const lever = h(
    "select",
    { name: "hefboom", "aria-label": "Hefboom" },
    ...SEEK_LEVERS.map((l) => h("option", { value: l }, LEVER_INFO[l].label)),
  );
  const chance = h("input", { type: "number", name: "kans", min: "1", max: "99", step: "1", value: "80" });
  const before = h("input", {
    type: "number",
    name: "voor",
    min: String(Number(monitor.scenario.simulation.start.slice(0, 4)) + 1),
    max: String(monitor.scenario.simulation.endYear),
    step: "1",
    value: String(defaultBeforeYear(monitor.scenario)),
  });
  const beforeLabel = h("label", {}, "gepland vóór ", before);
  // SHBL's levers hold a limit instead of reaching a target: the limit is the user's choice.
  const limit = h("input", { type: "number", name: "grens", min: "0.01", step: "0.01", value: "20" });
  const limitText = h("span", {});
  const limitLabel = h("label", {}, limitText, limit);
  const targetLabel = h("label", {}, "Doel ", target);
  const showFields = () => {
    const l = lever.value as SeekLever;
    beforeLabel.hidden = l !== "hardHomes";
    targetLabel.hidden = isLimitLever(l);
    limitLabel.hidden = !isLimitLever(l);
    if (l === "rentIncrease") {
      limitText.textContent = "Grens: hoogste aandeel huurders met betaalrisico (%) ";
      limit.value = limit.dataset.lever === l ? limit.value : "20";
    } else if (l === "freeAllocation") {
      limitText.textContent = "Grens: langste zoektijd regulier woningzoekenden (jaren) ";
      limit.value = limit.dataset.lever === l ? limit.value : "1.25";
    }
    limit.dataset.lever = l;
  };
  lever.addEventListener("change", showFields);
  showFields();
  const answer = h("div", { class: "ws-seek-answer", "aria-live": "polite" });
  const button = h("button", { type: "submit" }, "Zoek wat er nodig is");
  const form = h(
    "form",
    {
      class: "ws-seek-form",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        button.disabled = true;
        const l = lever.value as SeekLever;
        const runs = isLimitLever(l) ? SHBL_SEEK_RUNS : SEEK_RUNS;
        setMessage(
          answer,
          "info",
          `Zoekt… (${formatCount(runs)} runs per stap, dezelfde runs voor elke stap${isLimitLever(l) ? "; het toewijzingsmodel rekent mee, dat duurt even" : ""})`,
        );
        try {
          const a = await monitor.seek({
            target: isLimitLever(l) ? LIMITS[l].id : target.value,
            lever: l,
            chance: Number(chance.value) / 100,
            beforeYear: l === "hardHomes" ? Number(before.value) : undefined,
            limit:
              l === "rentIncrease"
                ? Number(limit.value) / 100
                : l === "freeAllocation"
                  ? Number(limit.value)
                  : undefined,
          });
          const apply = h(
            "button",
            {
              type: "button",
              class: "ws-seek-apply",
              disabled: a.status === "unreachable" || (a.status === "already" && a.direction === "smallest"),
              onclick: async () => {
                apply.disabled = true;
                await monitor.apply(a);
              },
            },
            "Pas toe",
          );
          answer.replaceChildren(
            h(
              "p",
              { class: "ws-seek-sentence", dataset: { status: a.status, value: String(a.value ?? "") } },
              a.sentence,
            ),
            h(
              "p",
              {},
              apply,
              " voegt deze verandering toe aan het scenario van deze pagina en rekent de prognose vanaf de peildatum opnieuw.",
            ),
            seekChart(a, options),
            h(
              "p",
              { class: "ws-caption" },
              `Gerekend vanaf de peildatum, met ${formatCount(a.runs)} runs per stap en seed ${a.seed}. ${a.direction === "highest" ? "De kans dat de grens houdt" : "De kans"} tegen de hefboom voor elke waarde die het zoeken probeerde; de rode lijn is de gevraagde kans. Tussen haakjes: waar het antwoord uitkomt bij andere runs (80% van de keren).`,
            ),
          );
        } catch (error) {
          setMessage(answer, "fout", `Zoeken mislukt: ${(error as Error).message}`);
        } finally {
          button.disabled = false;
        }
      },
    },
    targetLabel,
    h("label", {}, "Hefboom ", lever),
    beforeLabel,
    limitLabel,
    h("label", {}, "Gewenste kans (%) ", chance),
    button,
  );
  return h("div", { class: "ws-seek" }, form, answer);
}

/** The pages of the printed progress report: few enough for a meeting's agenda. */
export const REPORT_PAGES = 3;

/**
 * The municipality's progress report on A4 (the agreement's "de gemeente draagt zorg voor een
 * rapportage"): on every page a header with scenario, peildatum, seed and runs; then the chances at the
 * start and now with the signals, the evidence and the projects behind, the history and the fan chart
 * with the measured allocation figures. Hidden on screen; the only thing printed.
 */
export function progressReport(view: MonitorView, date = new Date()): HTMLElement {
  const municipality = view.scenario.municipality.name;
  const { seed, runs } = view.now.summary.meta;
  const day = date.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  const page = (n: number, ...content: Node[]) =>
    h(
      "section",
      { class: "ws-page", dataset: { page: String(n) } },
      h(
        "header",
        { class: "ws-page-header" },
        h(
          "strong",
          {},
          `Voortgangsrapportage woningbouw ${municipality} — peildatum ${fullMonth(view.progress.peildatum)}`,
        ),
        h(
          "span",
          {},
          `${day} · scenario ${view.now.summary.meta.scenarioName} · ${view.progress.name} · seed ${seed} · ${formatCount(runs)} runs · engine ${ENGINE_VERSION} · pagina ${n} van ${REPORT_PAGES}`,
        ),
      ),
      ...content,
    );
  const wide = { width: 680 };
  return h(
    "div",
    { class: "ws-report" },
    page(
      1,
      h("h2", {}, `Waar staat ${municipality} op ${fullMonth(view.progress.peildatum)}?`),
      figure("kansen", view, wide),
      figure("achter", view, wide),
      figure("toewijzing", view, wide),
    ),
    page(2, figure("signalen", view, wide)),
    page(3, figure("werkelijk", view, { width: 680, height: 250 }), figure("geschiedenis", view, wide)),
  );
}

/** A peildatum as a reader says it: "2027-12" → "december 2027". */
const fullMonth = (yyyyMm: string) => `${MONTH_NAMES[Number(yyyyMm.slice(5, 7)) - 1]} ${yyyyMm.slice(0, 4)}`;
