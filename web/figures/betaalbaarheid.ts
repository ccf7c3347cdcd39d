import * as Plot from "@observablehq/plot";
import { formatCount, formatDecimal, type SummaryJson, type YearStats } from "../../engine/index";
import { type ChartOptions, countFormat, metricRows, shareFormat, sized, yearAxis } from "../charts/defaults";
import { distributionChart } from "../charts/distribution";
import { type FigureSpec, figureFrame, metricTable } from "../charts/frame";
import { kernenOf } from "../charts/kernen";
import { bandMarks, referenceLine } from "../charts/marks";
import { rangeChart } from "../charts/ranges";
import {
  ALLOCATION_GROUPS,
  allocationsReading,
  bandRows,
  bandsReading,
  betaalrisicoReading,
  energyReading,
  huurquoteReading,
  kernSearchReading,
  passendReading,
  type Reading,
  readingYear,
  SEEKER_GROUPS,
  type SeekerChoice,
  searchTimeReading,
  shareOfRuns,
  statsIn,
  statushoudersReading,
  woonlastenReading,
} from "../charts/readings";
import { rentBandsChart } from "../charts/rent-bands";
import { type SeriesSpec, seriesChart } from "../charts/series";
import { stackedChart } from "../charts/stacked";
import { referenceSentence } from "../client/reference";
import type { RunResult } from "../client/session";

/**
 * SHBL's figures: each a chart, the sentence that reads it for the current scenario, and the table
 * behind it for CSV. The cells ask for one by id.
 */

/** A chart's size, and for the search time per kern whose: all regular home-seekers or one household type. */
export interface AffordabilityOptions extends ChartOptions {
  who?: SeekerChoice;
  /** The starting point's result: its value goes into each sentence and its median into some charts. */
  reference?: RunResult;
}

/**
 * How SHBL's figures are written: the metrics behind the chart and a reading of it, from which the
 * figure's table and sentence follow (with what the starting point gave beside it).
 */
interface ReadSpec {
  title: string;
  caption: string;
  metrics: (s: SummaryJson, o: AffordabilityOptions) => string[];
  render(s: SummaryJson, o: AffordabilityOptions): Element;
  reading(s: SummaryJson, o: AffordabilityOptions): Reading | undefined;
  /** The reading's value in words, for the clause about the starting point. */
  format: (value: number) => string;
  /**
   * A spread over households (and runs together), not over runs: the exported image says so, and there
   * is no per-run table, since the runs keep only the histogram.
   */
  overHouseholds?: true;
}

const HOUSEHOLDS_BAND =
  "Lijn: de mediaan over alle huishoudens. Donker: de middelste helft van de huishoudens (P25–P75), licht: 80% van de huishoudens (P10–P90), over alle runs samen; de spreiding is die tussen huishoudens, niet tussen runs.";

type AffordabilityFigure = FigureSpec<SummaryJson, AffordabilityOptions>;

function asFigure(spec: ReadSpec): AffordabilityFigure {
  return {
    title: spec.title,
    caption: spec.caption,
    render: spec.render,
    table: (s, o) => metricTable(s, spec.metrics(s, o)),
    metrics: spec.overHouseholds ? undefined : spec.metrics,
    band: spec.overHouseholds ? HOUSEHOLDS_BAND : undefined,
    headline: (s, o) => withReference(spec, s, o),
  };
}

/**
 * Regular home-seekers by household type, and beside them the higher incomes let through the free
 * allocation space: what SHBL's free-allocation lever moves most.
 */
const seekerSeries: SeriesSpec[] = [
  ...Object.entries(SEEKER_GROUPS).map(([g, label]) => ({
    id: `search_time.${g}`,
    label: label.replace(/^een /, ""),
  })),
  { id: "search_time.vrij", label: "hoger inkomen (vrije toewijzing)" },
];
/** The group the search-time chart puts in front, as its sentence reads it: the starters. */
export const STARTERS = SEEKER_GROUPS.starter.replace(/^een /, "");
const statushouderSeries: SeriesSpec[] = [
  // The two lines lie on each other when the taakstelling is met: distinct styles, labels apart.
  { id: "statushouders.housed_cumulative", label: "gehuisvest", labelDy: 12 },
  { id: "statushouders.taakstelling_cumulative", label: "taakstelling", dashed: true, labelDy: -10 },
];
const allocationSeries: SeriesSpec[] = Object.entries(ALLOCATION_GROUPS).map(([g, label]) => ({
  id: `allocations.${g}`,
  label,
}));
const kernIds = (s: SummaryJson, who: SeekerChoice = "regulier") =>
  kernenOf(s)
    .map((k) => `search_time.${who}@${k}`)
    .filter((id) => s.metrics[id]);
const euro = (d: number) => `€ ${formatCount(d)}`;

/**
 * The results from the first whole year on: the simulation starts in October 2025, and a quarter's
 * allocations would show as a dip (few homes let, hardly any search time built up).
 */
function wholeYears(s: SummaryJson): SummaryJson {
  const first = s.years[0] + 1;
  const metrics = Object.fromEntries(
    Object.entries(s.metrics).map(([id, rows]) => [id, rows.filter((r) => r.year >= first)]),
  );
  return { ...s, years: s.years.filter((y) => y >= first), metrics };
}

function bandChart(
  s: SummaryJson,
  id: string,
  o: AffordabilityOptions,
  format: (d: number) => string,
  label: string,
) {
  // The starting point's median as a grey dashed line, when the scenario on screen is another.
  const reference = referenceRows(s, o, id);
  return Plot.plot({
    ...sized(o),
    marginLeft: 52,
    x: yearAxis,
    y: { label, grid: true, zero: true, tickFormat: format },
    marks: [reference ? referenceLine(reference) : null, ...bandMarks(metricRows(s, id), { format, label })],
  });
}

/** The starting point's median of a metric in the years on screen, when the scenario on screen is another. */
export function referenceRows(s: SummaryJson, o: AffordabilityOptions, id: string): YearStats[] | undefined {
  const reference = referenceSummary(s, o);
  if (!reference) return undefined;
  const years = new Set(s.years);
  return metricRows(reference, id).filter((r) => years.has(r.year));
}

/** The starting point's summary, if there is one and the scenario on screen is not it. */
function referenceSummary(s: SummaryJson, o: AffordabilityOptions): SummaryJson | undefined {
  const r = o.reference?.summary;
  return r && r.meta.scenarioHash !== s.meta.scenarioHash ? r : undefined;
}

const READ_SPECS = {
  zoektijd: {
    title: "Zoektijd per groep",
    caption:
      "Mediane zoektijd van wie in het jaar een woning kreeg, naar soort huishouden, en van de hogere inkomens die via de vrije toewijzingsruimte een woning kregen; lijn: mediaan over de runs, band: 80% van de runs. De starters staan vooraan; de band van de andere groepen is licht, zodat de banden elkaar niet verbergen.",
    metrics: () => seekerSeries.map((x) => x.id),
    render: (s, o) =>
      seriesChart(wholeYears(s), seekerSeries, {
        ...o,
        yLabel: "jaren",
        format: formatDecimal,
        highlight: STARTERS,
      }),
    reading: (s) => searchTimeReading(s, "starter"),
    format: (v) => `${formatDecimal(v)} jaar`,
  },
  zoektijd_kern: {
    title: "Zoektijd per kern",
    caption:
      "Reguliere woningzoekenden, of één soort huishouden: bolletje mediaan, balk 80% van de runs waarin zo iemand in die kern een woning kreeg. Kreeg niet in elke run zo iemand daar een woning, dan staat erbij in hoeveel procent van de runs wel; een kern waar dat in geen enkele run gebeurde, ontbreekt.",
    metrics: (s, o) => kernIds(s, o.who),
    render: (s, o) => {
      const year = readingYear(s);
      const rows = kernenOf(s).flatMap((kern) => {
        const r = statsIn(s, `search_time.${o.who ?? "regulier"}@${kern}`, year);
        if (!r) return [];
        const share = shareOfRuns(s, r);
        const percent = share < 0.01 ? "< 1%" : `${Math.round(share * 100)}%`;
        return [{ ...r, label: kern, note: share < 1 ? `in ${percent} van de runs` : undefined }];
      });
      return rangeChart(rows, { ...o, xLabel: `zoektijd in ${year} (jaren)`, format: formatDecimal });
    },
    reading: (s, o) => kernSearchReading(s, kernenOf(s), readingYear(s), o.who),
    format: (v) => `${formatDecimal(v)} jaar`,
  },
  toewijzingen: {
    title: "Toewijzingen per groep",
    caption: "Toegewezen sociale huurwoningen per jaar, gemiddeld over de runs.",
    metrics: () => allocationSeries.map((x) => x.id),
    render: (s, o) => stackedChart(wholeYears(s), allocationSeries, { ...o, yLabel: "toewijzingen" }),
    reading: (s) => allocationsReading(s),
    format: (v) => `${formatCount(v)} toewijzingen`,
  },
  statushouders: {
    title: "Statushouders en de taakstelling",
    caption:
      "Statushouders (personen) gehuisvest sinds de start (doorgetrokken lijn), tegen de taakstelling tot dat jaar (gestippeld); lijn: mediaan, band: 80% van de runs. Vallen de lijnen samen, dan wordt de taakstelling precies gehaald. Wie voorrang krijgt, kies je bij Voorrang.",
    metrics: () => ["statushouders.housed_cumulative", "statushouders.taakstelling_cumulative"],
    render: (s, o) =>
      seriesChart(s, statushouderSeries, {
        ...o,
        yLabel: "personen (cumulatief)",
        format: countFormat,
        direct: true,
      }),
    reading: (s) => statushoudersReading(s),
    format: (v) => `${formatCount(v)} statushouders`,
  },
  passend: {
    title: "Passend toegewezen",
    caption:
      "Aandeel van de toewijzingen aan lage inkomens met een huur onder de aftoppingsgrens die bij het huishouden past.",
    metrics: () => ["share.passend_toegewezen"],
    render: (s, o) => bandChart(wholeYears(s), "share.passend_toegewezen", o, shareFormat, "aandeel passend"),
    reading: (s) => passendReading(s),
    format: shareFormat,
  },
  huurquote: {
    title: "Huurquote",
    caption:
      "Netto huur (na huurtoeslag) als deel van het inkomen, over alle huurders: donker de middelste helft, licht 80% van de huishoudens.",
    metrics: () => ["huurquote"],
    overHouseholds: true,
    render: (s, o) =>
      distributionChart(s, "huurquote", {
        ...o,
        yLabel: "huurquote",
        format: shareFormat,
        reference: referenceRows(s, o, "huurquote"),
      }),
    reading: (s) => huurquoteReading(s),
    format: shareFormat,
  },
  woonlasten: {
    title: "Woonlasten per maand",
    caption:
      "Huur plus energie min huurtoeslag, over alle huurders: donker de middelste helft, licht 80% van de huishoudens.",
    metrics: () => ["woonlasten"],
    overHouseholds: true,
    render: (s, o) =>
      distributionChart(s, "woonlasten", {
        ...o,
        yLabel: "euro per maand",
        format: euro,
        reference: referenceRows(s, o, "woonlasten"),
      }),
    reading: (s) => woonlastenReading(s),
    format: euro,
  },
  energie: {
    title: "Energiekosten",
    caption:
      "Gemiddelde energiekosten per huishouden per maand, naar het energielabel van de woning en de grootte van het huishouden; een warme jas brengt een woning naar label B. Lijn: mediaan, band: 80% van de runs.",
    metrics: () => ["energy_cost.mean"],
    render: (s, o) => bandChart(s, "energy_cost.mean", o, euro, "euro per maand"),
    reading: (s) => energyReading(s),
    format: euro,
  },
  betaalrisico: {
    title: "Huishoudens met betaalrisico",
    caption:
      "Huurders van een sociale huurwoning die na de woonlasten te weinig overhouden voor de basisbehoeften; lijn: mediaan, band: 80% van de runs.",
    metrics: () => ["betaalrisico.count", "betaalrisico.share"],
    render: (s, o) => bandChart(s, "betaalrisico.count", o, countFormat, "huishoudens"),
    reading: (s) => betaalrisicoReading(s),
    format: (v) => `${formatCount(v)} huishoudens`,
  },
  huurklassen: {
    title: "Huurklassen en woningzoekenden",
    caption:
      "Sociale huurwoningen met een huur tot elke grens tegen de woningzoekenden van het jaar die passend zo'n woning moeten krijgen.",
    metrics: () => [
      "homes.band@kwaliteitskorting",
      "homes.band@aftopping_laag",
      "homes.band@aftopping_hoog",
      "homes.band@liberalisatie",
      "check.seekers@tot_aftopping_laag",
      "check.seekers@tot_aftopping_hoog",
      "check.seekers@alle_klassen",
    ],
    render: (s, o) => rentBandsChart(bandRows(s), o),
    reading: (s) => bandsReading(s),
    format: (v) => `${formatCount(v)} woningen`,
  },
} satisfies Record<string, ReadSpec>;

export type AffordabilityFigureId = keyof typeof READ_SPECS;

export const AFFORDABILITY_FIGURES = Object.fromEntries(
  Object.entries(READ_SPECS).map(([id, spec]) => [id, asFigure(spec)]),
) as Record<AffordabilityFigureId, AffordabilityFigure>;

/** The figure's sentence, with what the starting point gave when the scenario on screen is another. */
function withReference(spec: ReadSpec, s: SummaryJson, o: AffordabilityOptions): Reading | undefined {
  const reading = spec.reading(s, o);
  const reference = referenceSummary(s, o);
  const then = reference ? spec.reading(reference, o) : undefined;
  if (!reading || !then) return reading;
  return { ...reading, text: reading.text + referenceSentence(then.value, spec.format) };
}

export function affordabilityFigure(
  id: AffordabilityFigureId,
  result: RunResult,
  options: AffordabilityOptions = {},
): HTMLElement {
  const s = result.summary;
  return figureFrame(AFFORDABILITY_FIGURES[id], s, options, {
    id,
    scenarioName: s.meta.scenarioName,
    hash: s.meta.scenarioHash,
    preliminary: result.preliminary,
    seed: s.meta.seed,
    runs: s.meta.runs,
    perRun: result.perRun,
  });
}
