import { formatProbability, readTarget, type SummaryJson } from "../../engine/index";
import { type LIGHTS, lightFor } from "../common/lights";

/**
 * The agreement's targets as a scorecard: per target the median outcome in its deadline year, the
 * probability of meeting it over the runs, and a traffic light. The targets themselves (labels,
 * thresholds, checks) are the engine's; this only shows them.
 */

export interface ScoreRow {
  id: string;
  label: string;
  year: string;
  median: string;
  probability: number;
  light: (typeof LIGHTS)[number];
  /** The chance in the previous calculation, when there is one and it had the target. */
  previous?: number;
}

export function scoreRows(summary: SummaryJson, previous?: SummaryJson): ScoreRow[] {
  return summary.targets.map((t) => {
    const r = readTarget(t);
    return {
      id: t.id,
      label: t.label,
      year: r.year,
      median: r.median,
      probability: t.probability,
      light: lightFor(t.probability),
      previous: previous?.targets.find((p) => p.id === t.id)?.probability,
    };
  });
}

/** With `previous`, a column says each target's chance in the calculation before the last edit. */
export function scorecard(summary: SummaryJson, previous?: SummaryJson): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "ws-scorecard";
  table.innerHTML = `<thead><tr><th>Doel</th><th>Jaar</th><th>Mediaan</th><th>Kans</th>${
    previous ? "<th>Vorige</th>" : ""
  }<th></th></tr></thead>`;
  const body = table.createTBody();
  for (const r of scoreRows(summary, previous)) {
    const tr = body.insertRow();
    tr.dataset.target = r.id;
    for (const text of [r.label, r.year, r.median, formatProbability(r.probability)]) {
      tr.insertCell().textContent = text;
    }
    if (previous) {
      const cell = tr.insertCell();
      cell.className = "ws-previous";
      cell.textContent = r.previous === undefined ? "–" : formatProbability(r.previous);
    }
    const light = tr.insertCell();
    light.className = `ws-light ws-light--${r.light.color}`;
    light.textContent = r.light.label;
    light.title = `${r.light.label}: kans ${formatProbability(r.probability)}`;
  }
  return table;
}
