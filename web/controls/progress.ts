import { formatCount, formatDecimal } from "../../engine/index";
import type { RunResult, Session } from "../client/session";
import { h } from "../common/dom";
import { download } from "../common/export";

/** Milliseconds as people say them: "0,4 s", "4,8 s", "1 min 12 s". */
export function durationText(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${formatDecimal(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - 60 * minutes)} s`;
}

/** The status line in plain words: what is being computed, or what the charts show. */
export function statusText(
  running: { done: number; total: number } | undefined,
  r: RunResult | undefined,
): string {
  if (running) {
    const shown = r?.preliminary
      ? `Voorlopig getoond: ${formatCount(r.summary.meta.runs)} berekeningen. `
      : "";
    return `${shown}Bezig: ${formatCount(running.done)} van ${formatCount(running.total)} berekeningen`;
  }
  if (!r) return "";
  return `${formatCount(r.summary.meta.runs)} berekeningen klaar in ${durationText(r.elapsed)}`;
}

/** The technical details behind the status: enough to reproduce the result on the command line. */
export function detailsText(r: RunResult): string {
  const { runs, seed, scenarioHash, scenarioName, engineVersion } = r.summary.meta;
  return `${scenarioName}: ${formatCount(runs)} runs (elk een gesimuleerde toekomst), seed ${seed}, scenario-hash ${scenarioHash}, engine ${engineVersion}. Dezelfde seed en hetzelfde scenario geven in de browser en op de opdrachtregel dezelfde getallen.`;
}

/**
 * A progress bar while a run is under way, then one plain line ("1.000 berekeningen klaar in 4,8 s");
 * the seed, the scenario's hash and the summary.json download sit behind "Details". Errors in red.
 */
export function progressBar(session: Session): HTMLElement {
  const bar = h("progress", { max: 1, value: 0, "aria-label": "Voortgang van de berekening" });
  const text = h("span", { class: "ws-progress-text", role: "status" });
  const problem = h("p", { class: "ws-message ws-message--fout", role: "alert", hidden: true });
  const technical = h("span", { class: "ws-progress-technical" });
  // The same summary.json the command line writes: same scenario and seed give the same bytes.
  const summaryButton = h(
    "button",
    {
      type: "button",
      name: "samenvatting",
      disabled: true,
      title: "Alle uitkomsten als JSON, zoals de opdrachtregel ze schrijft",
      onclick: () => {
        const summary = session.result.get()?.summary;
        if (summary)
          download(
            "summary.json",
            new Blob([`${JSON.stringify(summary, null, 2)}\n`], { type: "application/json" }),
          );
      },
    },
    "summary.json",
  );
  const details = h(
    "details",
    { class: "ws-progress-details", hidden: true },
    h("summary", {}, "Details"),
    h("div", {}, technical, " ", summaryButton),
  );
  const element = h(
    "div",
    { class: "ws-progress", dataset: { state: "bezig" } },
    bar,
    text,
    details,
    problem,
  );
  const update = () => {
    const p = session.progress.get();
    const r = session.result.get();
    text.textContent = statusText(p.running ? p : undefined, r);
    technical.textContent = r ? detailsText(r) : "";
    details.hidden = !r;
    summaryButton.disabled = !r;
  };
  session.progress.subscribe((p) => {
    bar.max = Math.max(1, p.total);
    bar.value = p.done;
    element.dataset.state = p.running ? "bezig" : "klaar";
    update();
  });
  session.result.subscribe(update);
  session.problem.subscribe((message) => {
    problem.textContent = message;
    problem.hidden = message === "";
  });
  return element;
}
