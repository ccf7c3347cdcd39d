import example from "../../data/voortgang/voorbeeld-2026-06.json";
import {
  actualsOf,
  applyLever,
  behindOf,
  chanceChanges,
  defaultBeforeYear,
  formatCount,
  LEVER_INFO,
  type Progress,
  parseProgress,
  parseProgressText,
  planningScope,
  type Scenario,
  SEEK_LEVERS,
  type SeekAnswer,
  type SeekLever,
  summariseCompletions,
  summaryOf,
  withProgress,
} from "../../engine/index";
import { startSeekWorker } from "../client/seek-worker";
import { type Signal, signal } from "../client/signal";
import { spawnWorker } from "../client/spawn-worker";
import { createPool, poolSize, type WorkerPool } from "../client/worker-pool";
import { h, setMessage } from "../common/dom";
import { type Forecast, type MonitorView, seekChart } from "../figures/voortgang";
import { builtinScenario } from "../scenario/builtin";
import "../styles/page.css";
import "../styles/voortgang.css";

/**
 * What the monitoring notebook runs on: the basis scenario, a progress report (the shipped example
 * until the user picks a file), and the two forecasts the figures set side by side: the one made at
 * the scenario's start and the one from the report's peildatum. Both run in the page's worker pool on
 * the building plan alone (planningScope); "Wat is er nodig?" runs in a worker of its own.
 */

/** Runs per step of a search: a dozen steps of these stay within seconds. */
export const SEEK_RUNS = 400;

export interface Monitor {
  scenario: Scenario;
  view: Signal<MonitorView | undefined>;
  /** What the page is doing or what went wrong, in Dutch. */
  status: Signal<{ kind: "fout" | "info"; text: string }>;
  /** Read a report (JSON text); on problems the last good report stays. */
  load(text: string, fileName: string): Promise<void>;
  seek(request: {
    target: string;
    lever: SeekLever;
    chance: number;
    beforeYear?: number;
  }): Promise<SeekAnswer>;
  /** "Pas toe": the forecast from the peildatum with a search's answer added to the scenario. */
  apply(answer: SeekAnswer): Promise<void>;
  /** The changes applied so far, in Dutch; empty when none. */
  applied: Signal<string[]>;
}

async function forecast(pool: WorkerPool, scenario: Scenario): Promise<Forecast> {
  const { seed, runs } = scenario.simulation;
  const outcome = await pool.run({ scenario, seed, runs });
  if (outcome.status === "failed") throw outcome.error;
  if (outcome.status === "cancelled") throw new Error("de berekening is afgebroken");
  return {
    summary: summaryOf(outcome.result, outcome.shape, seed),
    spread: summariseCompletions(outcome.shape.projects, outcome.completions),
  };
}

export async function startMonitor(scenario: Scenario = builtinScenario("basis")): Promise<Monitor> {
  const pool = createPool({ size: poolSize(navigator.hardwareConcurrency), spawn: spawnWorker });
  addEventListener("pagehide", () => pool.dispose());
  const seeker = startSeekWorker();
  // The scenario the forecast from the peildatum runs on: the basis, plus what "pas toe" added.
  let working = scenario;
  const applied = signal<string[]>([]);
  const view = signal<MonitorView | undefined>(undefined);
  const status = signal<{ kind: "fout" | "info"; text: string }>({ kind: "info", text: "" });
  let start: Forecast | undefined;
  let current: Progress | undefined;

  const show = async (progress: Progress, from: string) => {
    status.set({ kind: "info", text: `Rekent de prognoses door voor ${from}…` });
    try {
      // The forecast at the start is the same for every report: it runs once.
      start ??= await forecast(pool, planningScope(scenario));
      const now = await forecast(pool, planningScope(withProgress(working, progress)));
      current = progress;
      view.set({
        scenario: working,
        progress,
        start,
        now,
        actuals: actualsOf(working, progress),
        behind: behindOf(working, progress, now.spread),
        chances: chanceChanges(start.summary, now.summary),
      });
      status.set({ kind: "info", text: `Voortgangsrapportage: ${progress.name} (${from}).` });
    } catch (error) {
      status.set({ kind: "fout", text: `De berekening is mislukt: ${(error as Error).message}` });
    }
  };

  // The shipped example reports on the shipped baseline's projects; another municipality starts empty.
  if (scenario.municipality.name !== builtinScenario("basis").municipality.name)
    status.set({ kind: "info", text: `Lees een voortgangsrapportage van ${scenario.municipality.name} in.` });
  else {
    const first = parseProgress(example, scenario);
    if (first.ok) void show(first.value, "het meegeleverde voorbeeld");
    else status.set({ kind: "fout", text: problemsText(first.problems) });
  }

  return {
    scenario,
    view,
    status,
    async load(text, fileName) {
      const parsed = parseProgressText(text, scenario);
      if (!parsed.ok) {
        status.set({
          kind: "fout",
          text: `${fileName} is niet ingelezen; de vorige rapportage blijft staan.\n${problemsText(parsed.problems)}`,
        });
        return;
      }
      await show(parsed.value, fileName);
    },
    seek(request) {
      const progress = current;
      const base = progress ? withProgress(working, progress) : working;
      return seeker.seek(planningScope(base), { ...request, runs: SEEK_RUNS });
    },
    async apply(answer) {
      if (answer.value === undefined || answer.value === 0 || !current) return;
      working = applyLever(working, answer.lever, answer.value, answer.beforeYear);
      applied.set([...applied.get(), answer.sentence.replace(/^.*is nodig: /, "").replace(/;.*$/, "")]);
      await show(current, "de rapportage, met de toegepaste verandering");
    },
    applied,
  };
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

/** Pick a report from disk (JSON in the format of the example). */
export function reportPicker(monitor: Monitor): HTMLElement {
  const input = h("input", {
    type: "file",
    accept: ".json,application/json",
    "aria-label": "Voortgangsrapportage kiezen",
    onchange: async () => {
      const file = input.files?.[0];
      if (file) await monitor.load(await file.text(), file.name);
      input.value = "";
    },
  });
  return h("label", { class: "ws-voortgang-picker" }, "Eigen voortgangsrapportage inlezen (JSON): ", input);
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
  const showBefore = () => {
    beforeLabel.hidden = lever.value !== "hardHomes";
  };
  lever.addEventListener("change", showBefore);
  showBefore();
  const answer = h("div", { class: "ws-seek-answer", "aria-live": "polite" });
  const button = h("button", { type: "submit" }, "Zoek wat er nodig is");
  const form = h(
    "form",
    {
      class: "ws-seek-form",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        button.disabled = true;
        setMessage(
          answer,
          "info",
          `Zoekt… (${formatCount(SEEK_RUNS)} runs per stap, dezelfde runs voor elke stap)`,
        );
        try {
          const a = await monitor.seek({
            target: target.value,
            lever: lever.value as SeekLever,
            chance: Number(chance.value) / 100,
            beforeYear: lever.value === "hardHomes" ? Number(before.value) : undefined,
          });
          const apply = h(
            "button",
            {
              type: "button",
              class: "ws-seek-apply",
              disabled: a.status !== "reached",
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
              `Gerekend vanaf de peildatum, met ${formatCount(a.runs)} runs per stap en seed ${a.seed}. De kans tegen de hefboom voor elke waarde die het zoeken probeerde; de rode lijn is de gevraagde kans. Tussen haakjes: waar het antwoord uitkomt bij andere runs (80% van de keren).`,
            ),
          );
        } catch (error) {
          setMessage(answer, "fout", `Zoeken mislukt: ${(error as Error).message}`);
        } finally {
          button.disabled = false;
        }
      },
    },
    h("label", {}, "Doel ", target),
    h("label", {}, "Hefboom ", lever),
    beforeLabel,
    h("label", {}, "Gewenste kans (%) ", chance),
    button,
  );
  return h("div", { class: "ws-seek" }, form, answer);
}
