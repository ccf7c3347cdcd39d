import { formatCount } from "../../engine/index";
import type { Session } from "../client/session";
import { h } from "../common/dom";
import { download } from "../common/export";

/** A progress bar while a run is under way, then a line on what the charts show; errors in red. */
export function progressBar(session: Session): HTMLElement {
  const bar = h("progress", { max: 1, value: 0, "aria-label": "Voortgang van de berekening" });
  const text = h("span", { class: "ws-progress-text" });
  const problem = h("p", { class: "ws-message ws-message--fout", role: "alert", hidden: true });
  // The same summary.json the command line writes: same scenario and seed give the same bytes.
  const summaryButton = h(
    "button",
    {
      type: "button",
      name: "samenvatting",
      disabled: true,
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
  const element = h(
    "div",
    { class: "ws-progress", dataset: { state: "bezig" } },
    bar,
    text,
    summaryButton,
    problem,
  );
  // One line: what is running now, or what the charts show.
  const describe = () => {
    const p = session.progress.get();
    const r = session.result.get();
    if (p.running) {
      const shown = r?.preliminary ? `Voorlopig getoond: ${formatCount(r.summary.meta.runs)} runs. ` : "";
      return `${shown}Bezig: ${formatCount(p.done)} van ${formatCount(p.total)} runs`;
    }
    if (!r) return "";
    const { runs, seed, scenarioHash } = r.summary.meta;
    return `Klaar: ${formatCount(runs)} runs in ${formatCount(r.elapsed)} ms · seed ${seed} · scenario ${scenarioHash}`;
  };
  session.progress.subscribe((p) => {
    bar.max = Math.max(1, p.total);
    bar.value = p.done;
    element.dataset.state = p.running ? "bezig" : "klaar";
    text.textContent = describe();
  });
  session.result.subscribe((r) => {
    summaryButton.disabled = !r;
    text.textContent = describe();
  });
  session.problem.subscribe((message) => {
    problem.textContent = message;
    problem.hidden = message === "";
  });
  return element;
}
