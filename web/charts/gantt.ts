import * as Plot from "@observablehq/plot";
import {
  type CompletionSpread,
  formatProbability,
  type Project,
  STATUS_LABELS,
  STATUSES,
} from "../../engine/index";
import { type ChartOptions, sized } from "./defaults";

export interface GanttRow extends CompletionSpread {
  name: string;
  status: string;
}

/** Projects with their simulated completion, in order of planned completion. */
export function ganttRows(projects: readonly Project[], spread: readonly CompletionSpread[]): GanttRow[] {
  const byId = new Map(projects.map((p) => [p.id, p]));
  return spread
    .filter((s) => byId.has(s.id))
    .map((s) => {
      const p = byId.get(s.id)!;
      return { ...s, name: `${p.id} ${p.name}`, status: STATUS_LABELS[p.status] };
    })
    .sort((a, b) => a.planned - b.planned || a.id.localeCompare(b.id));
}

const month = (year: number) => {
  const whole = Math.floor(year + 1e-9);
  return `${String(Math.round((year - whole) * 12) + 1).padStart(2, "0")}-${whole}`;
};

/**
 * A Gantt-like view: per project the planned completion (black tick) and the simulated spread (bar
 * from P10 to P90, dot at the median); the paler the bar, the likelier the project drops out.
 */
export function ganttChart(
  rows: readonly GanttRow[],
  options: ChartOptions & { horizon?: number } = {},
): SVGSVGElement | HTMLElement {
  const completing = rows.filter((r) => r.dropped < 1);
  const narrow = (options.width ?? 640) < 560;
  const statuses = STATUSES.filter((s) => s !== "gerealiseerd").map((s) => STATUS_LABELS[s]);
  return Plot.plot({
    ...sized(options, 50 + 15 * rows.length),
    marginLeft: narrow ? 150 : 230,
    x: { label: "oplevering", grid: true, tickFormat: (d: number) => String(d) },
    y: {
      label: null,
      domain: rows.map((r) => r.name),
      tickFormat: (d: string) => (narrow && d.length > 24 ? `${d.slice(0, 23)}…` : d),
    },
    color: { legend: true, domain: statuses, range: ["#15803d", "#2563eb", "#d97706", "#9333ea"] },
    opacity: { domain: [0, 1], range: [1, 0.25] },
    marks: [
      Plot.barX(completing, {
        y: "name",
        x1: "p10",
        x2: "p90",
        fill: "status",
        fillOpacity: (d: GanttRow) => 0.85 * (1 - d.dropped) + 0.15,
        insetTop: 3,
        insetBottom: 3,
      }),
      Plot.dot(completing, { y: "name", x: "p50", fill: "white", stroke: "black", r: 2.5 }),
      Plot.tickX(rows, { y: "name", x: "planned", stroke: "black", strokeWidth: 2 }),
      // Completions after the simulated period count for nothing in the other charts.
      ...(options.horizon === undefined
        ? []
        : [
            Plot.ruleX([options.horizon], { stroke: "#52525b", strokeDasharray: "3,3" }),
            Plot.text([options.horizon], {
              x: (d: number) => d,
              frameAnchor: "top",
              textAnchor: "start",
              dx: 4,
              dy: -10,
              text: () => "einde simulatie",
              fill: "#52525b",
            }),
          ]),
      Plot.tip(
        rows,
        Plot.pointerY({
          y: "name",
          x: "planned",
          title: (d: GanttRow) =>
            `${d.name} (${d.status})\ngepland ${month(d.planned)}` +
            (d.dropped < 1 ? `\nmediaan ${month(d.p50)}, P10–P90 ${month(d.p10)} – ${month(d.p90)}` : "") +
            `\nkans op uitval ${formatProbability(d.dropped)}`,
        }),
      ),
    ],
  });
}
