import * as Plot from "@observablehq/plot";
import {
  type ActualPoint,
  type AgreementSignal,
  type AllocationActual,
  type BehindProject,
  type ChanceChange,
  type CompletionSpread,
  figureValue,
  formatCount,
  formatDecimal,
  formatEvidence,
  formatProbability,
  type HistoryPoint,
  isLimitLever,
  type Progress,
  points,
  type Scenario,
  type SeekAnswer,
  type SummaryJson,
} from "../../engine/index";
import {
  BAND_COLOR,
  type ChartOptions,
  countFormat,
  metricRows,
  REFERENCE_COLOR,
  sized,
  TARGET_COLOR,
  targetById,
} from "../charts/defaults";
import { type FigureSpec, figureFrame } from "../charts/frame";
import { h, numberCell, textTable } from "../common/dom";

/**
 * The monitoring notebook's figures: the homes realised so far over the forecasts made at the start and
 * at the peildatum, every target's chance then and now, the projects behind their planned date, and
 * what the report says happened. Each reads a `MonitorView`, which the page makes from a report.
 */

export interface Forecast {
  summary: SummaryJson;
  spread: CompletionSpread[];
}

export interface MonitorView {
  scenario: Scenario;
  progress: Progress;
  /** The forecast made at the scenario's start, and the one from the peildatum. */
  start: Forecast;
  now: Forecast;
  actuals: ActualPoint[];
  behind: BehindProject[];
  chances: ChanceChange[];
  /** The agreement's signals at the peildatum, each with its evidence. */
  signals: AgreementSignal[];
  /** Each target's chance at the start and at every report's peildatum, oldest first. */
  history: HistoryPoint[];
  /** The report's allocation figures beside the forecasts; undefined while those still compute. */
  allocation?: AllocationActual[];
}

type MonitorFigure = FigureSpec<MonitorView, ChartOptions>;

const monthLabel = (yyyyMm: string) => {
  const names = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
  return `${names[Number(yyyyMm.slice(5, 7)) - 1]} ${yyyyMm.slice(0, 4)}`;
};
/** A fractional year (2026.5 is the end of June 2026) as a month. */
const yearMonth = (at: number) => {
  const m = Math.round(at * 12) - 1;
  return monthLabel(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`);
};

/** A forecast's yearly rows of homes realised, at the end of each year. */
function bandRows(summary: SummaryJson, series: string, until: number) {
  return metricRows(summary, "opgave.realised")
    .filter((r) => r.year <= until)
    .map((r) => ({ at: r.year + 1, p10: r.p10, p50: r.p50, p90: r.p90, series }));
}

const START = "prognose bij de start";
const NOW = "prognose vanaf de peildatum";

function actualsChart(v: MonitorView, options: ChartOptions): Element {
  const target = targetById(v.now.summary, "opgave");
  const until = target?.deadlineYear ?? v.scenario.simulation.endYear;
  const rows = [...bandRows(v.start.summary, START, until), ...bandRows(v.now.summary, NOW, until)];
  const peil = v.actuals[v.actuals.length - 1].at;
  const marks: Plot.Markish[] = [
    Plot.areaY(rows, { x: "at", y1: "p10", y2: "p90", fill: "series", fillOpacity: 0.16, curve: "linear" }),
    Plot.lineY(rows, { x: "at", y: "p50", stroke: "series", strokeWidth: 2 }),
    Plot.ruleX([peil], { stroke: "#18181b", strokeDasharray: "3 3" }),
    Plot.text([peil], {
      x: (d) => d,
      frameAnchor: "top",
      textAnchor: "start",
      dx: 4,
      dy: 4,
      text: () => `peildatum ${monthLabel(v.progress.peildatum)}`,
      fontSize: 11,
    }),
    Plot.line(v.actuals, { x: "at", y: "realised", stroke: "#18181b", strokeWidth: 2, curve: "step-after" }),
    Plot.dot(v.actuals, {
      x: "at",
      y: "realised",
      fill: "#18181b",
      r: 3.5,
      title: (d: ActualPoint) => `${monthLabel(d.month)}: ${formatCount(d.realised)} woningen gerealiseerd`,
    }),
  ];
  if (target) {
    marks.push(
      Plot.ruleY([target.threshold], { stroke: TARGET_COLOR, strokeDasharray: "4 3" }),
      Plot.text([target.threshold], {
        y: (d) => d,
        frameAnchor: "right",
        textAnchor: "end",
        dy: -7,
        dx: -4,
        text: () => `opgave ${formatCount(target.threshold)}`,
        fill: TARGET_COLOR,
        fontSize: 11,
      }),
    );
  }
  return Plot.plot({
    ...sized(options, 300),
    marginLeft: 56,
    x: { label: null, tickFormat: (d: number) => String(d), ticks: 8 },
    y: { label: "woningen gerealiseerd (cumulatief)", grid: true, tickFormat: countFormat },
    color: { domain: [START, NOW], range: [REFERENCE_COLOR, BAND_COLOR], legend: true },
    marks,
  });
}

function chanceTable(v: MonitorView): Element {
  return textTable(
    { class: "ws-table ws-voortgang-kansen" },
    ["doel", "bij de start", "nu", "verschil"],
    v.chances.map((c) => {
      const d = Math.round((c.now - c.atStart) * 100);
      return {
        props: { dataset: { target: c.id }, title: c.sentence },
        cells: [
          c.label,
          numberCell(formatProbability(c.atStart)),
          numberCell(formatProbability(c.now)),
          numberCell(d === 0 ? "=" : `${d > 0 ? "+" : "−"}${Math.abs(d)} procentpunt`),
        ],
      };
    }),
  );
}

function behindTable(v: MonitorView): Element {
  if (v.behind.length === 0) return h("p", {}, "Geen project loopt achter op de peildatum.");
  return textTable(
    { class: "ws-table ws-voortgang-achter" },
    ["project", "status", "gepland", "achter", "woningen", "verwacht (mediaan, 80% tussen)"],
    v.behind.map((b) => ({
      props: { dataset: { project: b.id } },
      cells: [
        `${b.id} ${b.name}`,
        b.status,
        monthLabel(b.planned),
        numberCell(b.monthsLate === 0 ? "deze maand" : `${formatCount(b.monthsLate)} mnd`),
        numberCell(formatCount(b.homes)),
        b.p50 === undefined || Number.isNaN(b.p50)
          ? "valt uit"
          : `${yearMonth(b.p50)} (${yearMonth(b.p10 as number)} – ${yearMonth(b.p90 as number)})${
              b.dropped ? `; ${formatProbability(b.dropped)} kans dat het uitvalt` : ""
            }`,
      ],
    })),
  );
}

function happenedTable(v: MonitorView): Element {
  const projects = [...v.scenario.projects, ...v.progress.newProjects];
  const name = (id: string) => projects.find((p) => p.id === id)?.name ?? id;
  const rows: [string, string, string][] = [];
  for (const c of v.progress.completions) {
    const homes = c.units ? Object.values(c.units).reduce((a, b) => a + b, 0) : undefined;
    rows.push([
      c.month,
      `${c.project} ${name(c.project)}`,
      `opgeleverd${homes !== undefined ? `: ${formatCount(homes)} woningen` : ""}`,
    ]);
  }
  for (const s of v.progress.statusChanges)
    rows.push([
      s.month,
      `${s.project} ${name(s.project)}`,
      s.status === "vervallen"
        ? "vervallen"
        : `status wordt ${s.status.replace("_", " ")}${s.plannedCompletion ? `, gepland ${monthLabel(s.plannedCompletion)}` : ""}`,
    ]);
  for (const p of v.progress.newProjects) rows.push(["", `${p.id} ${p.name}`, "nieuw project"]);
  for (const r of v.progress.sales)
    rows.push(["", `verkoop ${r.year}`, `${formatCount(r.homes)} sociale huurwoningen verkocht`]);
  for (const r of v.progress.acquisitions)
    rows.push(["", `aankoop ${r.year}`, `${formatCount(r.homes)} woningen aangekocht voor sociale huur`]);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return textTable(
    { class: "ws-table ws-voortgang-gebeurd" },
    ["maand", "project", "wat"],
    rows.map((r) => ({ cells: [r[0] ? monthLabel(r[0]) : "—", r[1], r[2]] })),
  );
}

const LEVEL_LABEL: Record<AgreementSignal["level"], string> = {
  signaal: "Signaal",
  "let op": "Let op",
  "op koers": "Op koers",
};

/** Each signal as a block: its level, title and sentence, then its evidence with period and source. */
function signalList(v: MonitorView): Element {
  return h(
    "div",
    { class: "ws-signalen" },
    ...v.signals.map((s) =>
      h(
        "section",
        { class: "ws-signal", dataset: { level: s.level, kind: s.kind, signal: s.id } },
        h(
          "p",
          { class: "ws-signal-head" },
          h("span", { class: "ws-signal-level" }, LEVEL_LABEL[s.level]),
          " ",
          h("strong", {}, s.title),
        ),
        h("p", { class: "ws-signal-sentence" }, s.sentence),
        s.evidence.length === 0
          ? h("span", { hidden: true })
          : textTable(
              { class: "ws-table ws-signal-evidence" },
              ["bewijs", "periode", "waarde", "bron"],
              s.evidence.map((e) => ({
                cells: [
                  e.label,
                  e.period ?? "",
                  numberCell(formatEvidence(e)),
                  { text: e.source, props: { class: "ws-small" } },
                ],
              })),
            ),
      ),
    ),
  );
}

const figureOf = (x: number, unit: string) => (unit === "jaren" ? formatDecimal(x) : formatCount(x));
const bandText = (b: AllocationActual["now"], unit: string) =>
  b ? `${figureOf(b.p50, unit)} (${figureOf(b.p10, unit)}–${figureOf(b.p90, unit)})` : "–";

function allocationTable(v: MonitorView): Element {
  if (!v.allocation) return h("p", { class: "ws-small" }, "De prognose van de toewijzing rekent nog…");
  if (v.allocation.length === 0)
    return h("p", {}, "De rapportage noemt geen toewijzingscijfers (verhuringen, statushouders, zoektijd).");
  return textTable(
    { class: "ws-table ws-voortgang-toewijzing" },
    ["jaar", "cijfer", "gemeten", "periode", "prognose bij de start", "prognose nu"],
    v.allocation.map((a) => ({
      props: { dataset: { figure: a.figure, year: String(a.year) } },
      cells: [
        String(a.year),
        `${a.label}${a.unit === "jaren" ? " (jaren)" : ""}`,
        numberCell(figureOf(a.actual, a.unit)),
        `${a.period}${a.partial ? " (deel van het jaar)" : ""}`,
        numberCell(bandText(a.atStart, a.unit)),
        numberCell(bandText(a.now, a.unit)),
      ],
    })),
  );
}

const pointLabel = (p: HistoryPoint, i: number) =>
  i === 0 ? `start (${monthLabel(p.peildatum)})` : monthLabel(p.peildatum);

/** The targets whose chance moved most over the reports: the chart would be a tangle with all of them. */
function movers(v: MonitorView, n = 5): string[] {
  const first = v.history[0];
  const last = v.history[v.history.length - 1];
  return first.chances
    .map((c) => {
      const values = v.history.map((p) => p.chances.find((x) => x.id === c.id)?.chance ?? 0);
      return {
        id: c.id,
        range: Math.max(...values) - Math.min(...values),
        last: last.chances.find((x) => x.id === c.id)?.chance ?? 0,
      };
    })
    .sort((a, b) => b.range - a.range || b.last - a.last)
    .slice(0, n)
    .map((x) => x.id);
}

function historyChart(v: MonitorView, options: ChartOptions): Element {
  const shown = new Set(movers(v));
  const rows = v.history.flatMap((p, i) =>
    p.chances
      .filter((c) => shown.has(c.id))
      .map((c) => ({ at: i, when: pointLabel(p, i), label: c.label, chance: c.chance })),
  );
  const table = textTable(
    { class: "ws-table ws-voortgang-geschiedenis" },
    ["doel", ...v.history.map((p, i) => pointLabel(p, i))],
    v.history[0].chances.map((c) => ({
      props: { dataset: { target: c.id } },
      cells: [
        c.label,
        ...v.history.map((p) => {
          const x = p.chances.find((y) => y.id === c.id);
          return numberCell(x ? formatProbability(x.chance) : "–");
        }),
      ],
    })),
  );
  const chart = Plot.plot({
    ...sized({ ...options, width: Math.min(options.width ?? 640, 640) }, 200),
    marginLeft: 44,
    marginRight: 16,
    x: {
      label: null,
      ticks: v.history.map((_, i) => i),
      tickFormat: (i: number) => (v.history[i] ? pointLabel(v.history[i], i) : ""),
      inset: 24,
    },
    y: { label: "kans", domain: [0, 1], grid: true, tickFormat: (d: number) => `${formatCount(d * 100)}%` },
    color: { legend: true, type: "categorical" },
    marks: [
      Plot.line(rows, { x: "at", y: "chance", stroke: "label", strokeWidth: 2 }),
      Plot.dot(rows, {
        x: "at",
        y: "chance",
        fill: "label",
        r: 3,
        title: (d: { when: string; label: string; chance: number }) =>
          `${d.label}, ${d.when}: ${formatProbability(d.chance)}`,
      }),
    ],
  });
  return h("div", {}, chart, table);
}

const FIGURES = {
  werkelijk: {
    title: "Gerealiseerd tot nu, over de prognoses",
    caption:
      "Zwart: de woningen die volgens de voortgangsrapportage gerealiseerd zijn (de {vóór de start} van vóór de start meegeteld). Grijs: de prognose zoals die bij de start van het scenario was; blauw: de prognose vanaf de peildatum, met wat er gebeurd is vast. De lijnen zijn de mediaan, de banden het gebied waar 80% van de runs uitkomt (P10–P90), steeds aan het eind van het jaar.",
    render: actualsChart,
    table: (v) => [
      ["maand", "opgeleverd", "gerealiseerd"],
      ...v.actuals.map((a) => [a.month, a.homes, a.realised]),
    ],
    headline: (v) => {
      const last = v.actuals[v.actuals.length - 1];
      return {
        text: `${formatCount(last.realised)} woningen gerealiseerd op ${monthLabel(v.progress.peildatum)}.`,
        value: last.realised,
      };
    },
  },
  kansen: {
    title: "De kans per doel: bij de start en nu",
    caption:
      "Per doel de kans dat het in zijn jaar gehaald wordt, in de prognose bij de start van het scenario en in die vanaf de peildatum.",
    image: false,
    render: chanceTable,
    table: (v) => [
      ["doel", "jaar", "kans bij de start", "kans nu"],
      ...v.chances.map((c) => [c.label, c.year, c.atStart, c.now]),
    ],
    headline: (v) => {
      const c = v.chances.find((x) => x.id === "opgave") ?? v.chances[0];
      return c ? { text: `${c.sentence}.`, value: c.now } : undefined;
    },
  },
  achter: {
    title: "Projecten die achterlopen",
    caption:
      "Projecten die volgens plan vóór of op de peildatum klaar zouden zijn, maar nog niet zijn opgeleverd. De verwachte oplevering komt uit de prognose vanaf de peildatum: een project dat al te laat is, krijgt zijn resterende vertraging gegeven dat het te laat is.",
    image: false,
    render: behindTable,
    table: (v) => [
      [
        "project",
        "status",
        "gepland",
        "maanden achter",
        "woningen",
        "P10",
        "mediaan",
        "P90",
        "kans op uitval",
      ],
      ...v.behind.map((b) => [
        b.id,
        b.status,
        b.planned,
        b.monthsLate,
        b.homes,
        b.p10 ?? "",
        b.p50 ?? "",
        b.p90 ?? "",
        b.dropped ?? "",
      ]),
    ],
    headline: (v) =>
      v.behind.length > 0
        ? {
            text: `${formatCount(v.behind.length)} ${v.behind.length === 1 ? "project loopt" : "projecten lopen"} achter op de planning, samen ${formatCount(v.behind.reduce((a, b) => a + b.homes, 0))} woningen.`,
            value: v.behind.length,
          }
        : undefined,
  },
  signalen: {
    title: "Signalen van de overeenkomst",
    caption:
      "De signalen waar de overeenkomst om vraagt, elk met het bewijs: het aantal sociale huurwoningen lager dan het jaar ervoor (opgeleverd, aangekocht en verkocht volgens de rapportage; sloop en splitsing volgens het scenario); de sleutelprojecten en de sociale toevoegingen van de corporatie achter op het pad naar hun aantal (wat de projecten van het scenario tot de peildatum in die periode hadden gepland, tegen wat er is opgeleverd); en de projecten die achterlopen op hun geplande datum. 'Let op': op het pad, maar de kans op het aantal is sinds de start minstens 5 procentpunt gedaald.",
    image: false,
    render: signalList,
    table: (v) => [
      ["signaal", "niveau", "bewijs", "periode", "waarde", "eenheid", "bron"],
      ...v.signals.flatMap((s) =>
        s.evidence.length === 0
          ? [[s.title, s.level, s.sentence, "", "", "", ""]]
          : s.evidence.map((e) => [s.title, s.level, e.label, e.period ?? "", e.value, e.unit, e.source]),
      ),
    ],
    headline: (v) => {
      const raised = v.signals.filter((s) => s.level === "signaal");
      return {
        text:
          raised.length === 0
            ? "Geen signalen op deze peildatum."
            : `${formatCount(raised.length)} ${raised.length === 1 ? "signaal" : "signalen"}: ${[...new Set(raised.map((s) => s.title.charAt(0).toLowerCase() + s.title.slice(1)))].join("; ")}.`,
        value: raised.length,
      };
    },
  },
  toewijzing: {
    title: "Toewijzing: gemeten naast de prognose",
    caption:
      "De toewijzingscijfers uit de rapportage (verhuringen, gehuisveste statushouders in personen, gemeten mediane zoektijd van regulier woningzoekenden) naast de prognose van hetzelfde cijfer: mediaan en, tussen haakjes, het gebied waar 80% van de runs uitkomt. Dit zijn waarnemingen: de prognose is er niet op bijgesteld, want het toewijzingsmodel trekt zijn huishoudens in elke run opnieuw. Een jaar dat de peildatum afkapt, is een deel van het jaar; de prognose geldt voor het hele jaar.",
    image: false,
    render: allocationTable,
    table: (v) => [
      [
        "jaar",
        "cijfer",
        "metriek",
        "gemeten",
        "periode",
        "start P10",
        "start mediaan",
        "start P90",
        "nu P10",
        "nu mediaan",
        "nu P90",
      ],
      ...(v.allocation ?? []).map((a) => [
        a.year,
        a.label,
        a.metric,
        a.actual,
        a.period,
        a.atStart?.p10 ?? "",
        a.atStart?.p50 ?? "",
        a.atStart?.p90 ?? "",
        a.now?.p10 ?? "",
        a.now?.p50 ?? "",
        a.now?.p90 ?? "",
      ]),
    ],
  },
  geschiedenis: {
    title: "Kans per doel per peildatum",
    caption:
      "De kans dat elk doel in zijn jaar gehaald wordt: in de prognose bij de start en in die vanaf de peildatum van elke rapportage, van oud naar nieuw. De grafiek toont de doelen waarvan de kans het meest bewoog; de tabel alle doelen.",
    render: historyChart,
    table: (v) => [
      ["doel", ...v.history.map((p, i) => (i === 0 ? `start ${p.peildatum}` : p.peildatum))],
      ...v.history[0].chances.map((c) => [
        c.label,
        ...v.history.map((p) => p.chances.find((x) => x.id === c.id)?.chance ?? ""),
      ]),
    ],
    headline: (v) => {
      const c = v.history[0].chances.find((x) => x.id === "opgave") ?? v.history[0].chances[0];
      if (!c) return undefined;
      const series = v.history.map(
        (p, i) =>
          `${formatProbability(p.chances.find((x) => x.id === c.id)?.chance ?? 0)} ${i === 0 ? "bij de start" : `op ${monthLabel(p.peildatum)}`}`,
      );
      return { text: `${c.label}: ${series.join(", ")}.`, value: v.history.length };
    },
  },
  gebeurd: {
    title: "Wat er volgens de rapportage gebeurd is",
    caption:
      "Opleveringen, statuswijzigingen en nieuwe projecten tot en met de peildatum, zoals het bestand ze noemt.",
    image: false,
    render: happenedTable,
    table: (v) => [
      ["soort", "project", "maand"],
      ...v.progress.completions.map((c) => ["opgeleverd", c.project, c.month]),
      ...v.progress.statusChanges.map((s) => [s.status, s.project, s.month]),
    ],
  },
} satisfies Record<string, MonitorFigure>;

export type MonitorFigureId = keyof typeof FIGURES;

/** Where a caption names the homes realised before the start, filled from the scenario. */
const REALISED = "{vóór de start}";

export function figure(id: MonitorFigureId, view: MonitorView, options: ChartOptions = {}): HTMLElement {
  const spec: MonitorFigure = FIGURES[id];
  const realised = formatCount(figureValue(view.scenario.opgave.realisedBeforeStart));
  return figureFrame({ ...spec, caption: spec.caption.replace(REALISED, realised) }, view, options, {
    id,
    scenarioName: view.now.summary.meta.scenarioName,
    hash: view.now.summary.meta.scenarioHash,
  });
}

/** The chance against the lever for every value the search tried, with the wished chance as a line. */
export function seekChart(answer: SeekAnswer, options: ChartOptions = {}): Element {
  const limit = isLimitLever(answer.lever);
  const unit = limit
    ? answer.lever === "freeAllocation"
      ? "%"
      : "procentpunt per jaar"
    : answer.lever === "softDropOut"
      ? "procentpunt"
      : answer.unit;
  const scale = answer.lever === "softDropOut" || limit ? 100 : 1;
  const curve = answer.curve.map((p) => ({ x: p.value * scale, chance: p.chance }));
  return Plot.plot({
    ...sized(options, 220),
    marginLeft: 48,
    x: {
      label: `${answer.leverLabel} (${unit})`,
      tickFormat: (d: number) => (limit ? points(d / 100) : formatCount(d)),
    },
    y: { label: "kans", domain: [0, 1], grid: true, tickFormat: (d: number) => `${formatCount(d * 100)}%` },
    marks: [
      Plot.ruleY([answer.wished], { stroke: TARGET_COLOR, strokeDasharray: "4 3" }),
      Plot.line(curve, { x: "x", y: "chance", stroke: BAND_COLOR }),
      Plot.dot(curve, {
        x: "x",
        y: "chance",
        fill: BAND_COLOR,
        r: 3,
        title: (d: { x: number; chance: number }) =>
          `${limit ? points(d.x / 100) : formatDecimal(d.x)}: ${formatProbability(d.chance)}`,
      }),
    ],
  });
}
