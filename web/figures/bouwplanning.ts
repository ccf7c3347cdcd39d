import { formatCount, formatProbability, readTarget } from "../../engine/index";
import { chanceChart, chanceTable } from "../charts/chance-by-year";
import { completionsChart } from "../charts/completions";
import type { ChartOptions } from "../charts/defaults";
import { type FigureSpec, figureFrame, metricTable } from "../charts/frame";
import { ganttChart, ganttRows } from "../charts/gantt";
import { newbuildShareChart } from "../charts/newbuild-share";
import { realisationChart } from "../charts/realisation";
import { scorecard, scoreRows } from "../charts/scorecard";
import { shareByKernChart } from "../charts/share-by-kern";
import { shortfallChart, shortfallReading, shortfallRows, shortfallTable } from "../charts/shortfall";
import { splitChart, splitRows } from "../charts/split";
import { stockByKernChart, stockRows } from "../charts/stock-by-kern";
import type { RunResult } from "../client/session";

/**
 * The notebook's figures: each a title, a chart builder and the table behind it (for CSV export).
 * A cell asks for one by id; the frame adds the title, the export buttons and the result's hash.
 */

type PlannerFigure = FigureSpec<RunResult, ChartOptions>;

/** The opgave's target and its realisation in the deadline year, as the engine reads the target. */
function opgaveAtDeadline(r: RunResult) {
  const target = r.summary.targets.find((t) => t.id === "opgave");
  return target ? { target, row: readTarget(target).row } : undefined;
}

/** The opgave's deadline year, as the scenario sets it. */
const deadlineOf = (r: RunResult) => r.scenario.opgave.deadlineYear;
const shortfallOf = (r: RunResult) => shortfallRows(r.scenario.projects, r.spread, deadlineOf(r));

const chanceSource = (r: RunResult) => ({
  scenario: r.summary.meta.scenarioName,
  targets: r.summary.targets,
});

const metrics = (r: RunResult, ids: readonly string[]) => metricTable(r.summary, ids);

const perKern = (result: RunResult, prefix: string) =>
  Object.keys(result.summary.metrics).filter((id) => id.startsWith(`${prefix}@`));

export const FIGURES = {
  opleveringen: {
    title: "Opleveringen per jaar",
    caption: "Mediaan (lijn) en de band waarbinnen 80% van de runs valt (P10–P90).",
    image: true,
    render: (r, o) => completionsChart(r.summary, o),
    table: (r) => metrics(r, ["completions.total"]),
  },
  realisatie: {
    title: "Realisatie van de opgave",
    caption:
      "Gerealiseerde woningen sinds de start van de Woonvisie, opgeteld, tegen de opgave. Na een wijziging: grijze stippellijn de mediaan van de vorige berekening.",
    image: true,
    render: (r, o) => realisationChart(r.summary, { ...o, previous: r.previous?.summary }),
    table: (r) => metrics(r, ["opgave.realised"]),
    headline: (r) => {
      const now = opgaveAtDeadline(r);
      if (!now) return undefined;
      const before = r.previous && opgaveAtDeadline(r.previous);
      // What the last edit did: the previous calculation's median and chance beside the new ones.
      const was = before
        ? ` Vorige berekening: mediaan ${formatCount(before.row.p50)}, kans ${formatProbability(before.target.probability)}.`
        : "";
      return {
        text: `In ${now.target.deadlineYear}: mediaan ${formatCount(now.row.p50)} woningen (gemiddeld ${formatCount(now.row.mean)}), kans op ${formatCount(now.target.threshold)}: ${formatProbability(now.target.probability)}.${was}`,
        value: now.row.mean,
      };
    },
  },
  nieuwbouw_sociaal: {
    title: "Sociale huur in de nieuwbouw",
    caption:
      "Aandeel sociale huur in alle opleveringen sinds de start (band en lijn) en per jaar (ruiten, gemiddeld over de runs).",
    image: true,
    render: (r, o) => newbuildShareChart(r.summary, o),
    table: (r) => metrics(r, ["newbuild_share.sociale_huur"]),
  },
  verdeling: {
    title: "30-40-30 per jaar",
    caption:
      "Verdeling van de opleveringen over sociale huur, het betaalbare midden en duur (gemiddeld over de runs). Witte lijnen: 30% en 70%.",
    image: true,
    render: (r, o) => splitChart(r.summary, o),
    table: (r) => [
      ["jaar", "groep", "woningen"],
      ...splitRows(r.summary).map((d) => [d.year, d.group, d.homes]),
    ],
  },
  voorraad_kern: {
    title: "Woningvoorraad per kern",
    caption: "Voorraad per kern en segment aan het eind van de simulatie (mediaan).",
    image: true,
    render: (r, o) => stockByKernChart(r.summary, o),
    table: (r) => [
      ["kern", "segment", "woningen"],
      ...stockRows(r.summary).map((d) => [d.kern, d.segment, d.homes]),
    ],
  },
  aandeel_kern: {
    title: "Aandeel sociale huur per kern",
    caption: "Aandeel sociale huur in de voorraad per kern en voor de hele gemeente (gestreept).",
    image: true,
    render: (r, o) => shareByKernChart(r.summary, o),
    table: (r) => metrics(r, ["share.sociale_huur", ...perKern(r, "share.sociale_huur")]),
  },
  projecten: {
    title: "Projecten: gepland en gesimuleerd",
    caption:
      "Zwart streepje: geplande oplevering. Balk: 80% van de gesimuleerde opleveringen (P10–P90), bolletje: mediaan. Hoe bleker de balk, hoe groter de kans op uitval.",
    image: true,
    render: (r, o) =>
      ganttChart(ganttRows(r.scenario.projects, r.spread), {
        ...o,
        horizon: r.summary.years[r.summary.years.length - 1] + 1,
      }),
    table: (r) => [
      ["project", "status", "gepland", "p10", "mediaan", "p90", "kans op uitval"],
      ...ganttRows(r.scenario.projects, r.spread).map((d) => [
        d.name,
        d.status,
        d.planned,
        d.p10,
        d.p50,
        d.p90,
        d.dropped,
      ]),
    ],
  },
  opgave_projecten: {
    title: "Welke projecten bepalen de opgave?",
    caption:
      "Per project gepland vóór het eind van het peiljaar: woningen die het naar verwachting niet op tijd oplevert (zijn woningen × de kans op uitval of te late oplevering), de tien grootste. Erachter: hoeveel van zijn woningen, en de kans dat het op tijd is.",
    image: true,
    render: (r, o) => shortfallChart(shortfallOf(r), { ...o, deadlineYear: deadlineOf(r) }),
    table: (r) => shortfallTable(shortfallOf(r)),
    headline: (r) => shortfallReading(shortfallOf(r), deadlineOf(r)),
  },
  doelen: {
    title: "Doelen van de overeenkomst",
    caption:
      "Kans: aandeel van de runs waarin het doel in het genoemde jaar gehaald wordt. Groen vanaf 80%, oranje vanaf 50%. Vorige: de kans in de berekening vóór de laatste wijziging.",
    image: false,
    render: (r) => scorecard(r.summary, r.previous?.summary),
    table: (r) => [
      ["doel", "jaar", "mediaan", "kans", "oordeel"],
      ...scoreRows(r.summary).map((d) => [
        d.label,
        d.year,
        d.median,
        formatProbability(d.probability),
        d.light.label,
      ]),
    ],
  },
  kans_per_jaar: {
    title: "Kans per jaar",
    caption:
      "Per doel de kans dat het doel in dat jaar gehaald is (het aandeel van de runs); bij een doel zonder jaar in de overeenkomst (de groei van het aantal inwoners) de kans dat het dan al bereikt is. De stip staat in het jaar dat de overeenkomst noemt, met de kans in dat jaar; de stippellijn markeert dat jaar.",
    image: true,
    render: (r, o) => chanceChart([chanceSource(r)], { ...o, scenarios: [r.summary.meta.scenarioName] }),
    table: (r) => chanceTable([chanceSource(r)]),
  },
} satisfies Record<string, PlannerFigure>;

export type FigureId = keyof typeof FIGURES;

/** A figure by id, framed: title, chart, caption, export buttons; tagged with the result it shows. */
export function figure(id: FigureId, result: RunResult, options: ChartOptions = {}): HTMLElement {
  const spec: PlannerFigure = FIGURES[id];
  return figureFrame(spec, result, options, {
    id,
    scenarioName: result.summary.meta.scenarioName,
    hash: result.summary.meta.scenarioHash,
    preliminary: result.preliminary,
  });
}
