import { formatCount, formatProbability, readTarget, type YearStats } from "../../engine/index";
import type { Compared, Scored, TornadoResult } from "../client/comparison";
import { type LIGHTS, lightFor } from "../common/lights";

/**
 * What the council's page says about its comparison, as rows and sentences the figures and tables show:
 * the scorecard of every target per scenario, the sentence over the difference, and the tornado's titles,
 * number formats and sentence. The runs themselves come from ../client/comparison.
 */

export interface ScoreCell {
  scenario: string;
  median: number | undefined;
  medianText: string;
  probability: number | undefined;
  light: (typeof LIGHTS)[number] | undefined;
}

export interface ScoreMatrixRow {
  id: string;
  label: string;
  /** The year the target is read in ("2034", "vóór eind 2035"). */
  year: string;
  threshold: number;
  cells: ScoreCell[];
}

/** Every target of any compared scenario, in the order they first appear, with a cell per scenario. */
export function scoreMatrix(compared: readonly Compared[]): ScoreMatrixRow[] {
  const rows = new Map<string, ScoreMatrixRow>();
  for (const c of compared)
    for (const t of c.summary.targets)
      if (!rows.has(t.id))
        rows.set(t.id, {
          id: t.id,
          label: t.label,
          year: readTarget(t).year,
          threshold: t.threshold,
          cells: [],
        });
  for (const row of rows.values()) {
    row.cells = compared.map((c) => {
      const t = c.summary.targets.find((x) => x.id === row.id);
      if (!t)
        return {
          scenario: c.label,
          median: undefined,
          medianText: "–",
          probability: undefined,
          light: undefined,
        };
      const r = readTarget(t);
      return {
        scenario: c.label,
        median: r.row.p50,
        medianText: r.median,
        probability: t.probability,
        light: lightFor(t.probability),
      };
    });
  }
  return [...rows.values()];
}

export function differenceReading(
  a: Compared,
  b: Compared,
  rows: readonly YearStats[],
  year: number,
  what: string,
): { text: string; value: number } | undefined {
  const r = rows.find((x) => x.year === year);
  if (!r) return undefined;
  const f = (x: number) => formatCount(Math.abs(x));
  const direction = r.p50 < 0 ? "minder" : "meer";
  // The band in the sentence's own words: "tussen 100 en 687 minder", not "tussen -687 en -100".
  const side = (x: number) => (x < 0 ? `${f(x)} minder` : x > 0 ? `${f(x)} meer` : "geen verschil");
  const band =
    r.p90 < 0
      ? `tussen ${f(r.p90)} en ${f(r.p10)} minder`
      : r.p10 > 0
        ? `tussen ${f(r.p10)} en ${f(r.p90)} meer`
        : `tussen ${side(r.p10)} en ${side(r.p90)}`;
  return {
    text: `In ${year} geeft ${b.label} naar verwachting ${f(r.p50)} ${what} ${direction} dan ${a.label} (80% kans: ${band}).`,
    value: r.p50,
  };
}

const hundredths = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Assumptions move the social share by tenths of a percent: two decimals, or the ticks repeat. */
const shareToHundredths = (x: number) => `${hundredths.format(x * 100)}%`;

/** Each tornado outcome's title, in its own year, and how its numbers are written. */
const TORNADO_TEXTS: Record<
  TornadoResult["target"],
  { title: (year: number) => string; format: (x: number) => string }
> = {
  sociale_voorraad_groeit: { title: (year) => `Aandeel sociale huur in ${year}`, format: shareToHundredths },
  opgave: { title: (year) => `Gerealiseerd van de opgave in ${year}`, format: formatCount },
};

export function tornadoTitle(t: TornadoResult): string {
  return TORNADO_TEXTS[t.target].title(t.outcome.year);
}

export function tornadoFormat(t: TornadoResult): (x: number) => string {
  return TORNADO_TEXTS[t.target].format;
}

export function tornadoReading(t: TornadoResult): { text: string; value: number } | undefined {
  const top = t.bars[0];
  if (!top) return undefined;
  const f = tornadoFormat(t);
  return {
    text: `${top.label} verschuift de uitkomst het meest: van ${f(Math.min(top.low, top.high))} tot ${f(Math.max(top.low, top.high))} (nu ${f(t.base)}).`,
    value: top.swing,
  };
}

export function probabilityText(p: number | undefined): string {
  return p === undefined ? "–" : formatProbability(p);
}

/**
 * The warning over a printed comparison that is a first look: the scorecard and the charts from the first
 * runs of each scenario (not the tornados: they are computed apart). Undefined when all runs are in.
 */
export function printWarning(scored: Pick<Scored, "state" | "runs">): string | undefined {
  const first = `de scorekaart en de grafieken komen uit de eerste ${formatCount(scored.runs)} runs per scenario`;
  if (scored.state === "voorlopig")
    return `Let op: deze afdruk is voorlopig: ${first}; de volledige berekening loopt nog. Wacht tot de melding boven de doelen verdwenen is en druk opnieuw af.`;
  if (scored.state === "mislukt") return `Let op: de volledige berekening is mislukt; ${first}.`;
  return undefined;
}

/** The line above the scorecard while it is a first look, or when the rest could not be computed. */
export function firstLookText(scored: Pick<Scored, "state" | "runs" | "total" | "problem">): string {
  const first = `de scorekaart en de grafieken hieronder komen uit de eerste ${formatCount(scored.runs)} runs per scenario`;
  if (scored.state === "voorlopig")
    return `Voorlopig: ${first}; de overige ${formatCount(scored.total - scored.runs)} worden nog berekend. De tornado's rekenen apart.`;
  if (scored.state === "mislukt")
    return `De volledige berekening is mislukt (${scored.problem ?? "onbekende fout"}): ${first}.`;
  return "";
}

/**
 * What one scenario built up to a year: social rent and all homes, the yearly means added up (a mean
 * adds up, a median does not: completions come in lumps, and most years' median is nought).
 */
export interface BuiltUpTo {
  scenario: string;
  social: number;
  total: number;
}

const sumUpTo = (c: Compared, metric: string, year: number) =>
  (c.summary.metrics[metric] ?? []).filter((r) => r.year <= year).reduce((sum, r) => sum + r.mean, 0);

const percent = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });

/**
 * Why the share of social rent in new building can rise when less is built: it is a share of what is
 * built. Per scenario the social and all homes completed up to the target's year (the yearly means
 * added up), and a sentence that names a scenario that builds less but has the higher share, when there
 * is one. Undefined without the target or with a single scenario.
 */
export function newbuildWhy(
  compared: readonly Compared[],
  targetId = "nieuwbouw_sociaal",
): { text: string; built: BuiltUpTo[] } | undefined {
  const target = compared[0]?.summary.targets.find((t) => t.id === targetId);
  if (!target || compared.length < 2) return undefined;
  const year = target.deadlineYear;
  const built = compared.map((c) => ({
    scenario: c.label,
    social: sumUpTo(c, "completions.sociale_huur", year),
    total: sumUpTo(c, "completions.total", year),
  }));
  if (built.some((b) => b.total <= 0)) return undefined;
  const share = (b: BuiltUpTo) => b.social / b.total;
  const each = built
    .map(
      (b) =>
        `${b.scenario} ongeveer ${formatCount(b.social)} sociale huur van ${formatCount(b.total)} woningen (${percent.format(share(b) * 100)}%)`,
    )
    .join("; ");
  const [first, ...rest] = built;
  const less = rest.find((b) => b.total < first.total && share(b) > share(first));
  const lessSocial = less && (first.social - less.social) / Math.max(first.social, 1);
  const lessOther =
    less && (first.total - first.social - (less.total - less.social)) / (first.total - first.social || 1);
  const why =
    less && lessSocial !== undefined && lessOther !== undefined
      ? ` ${less.scenario} bouwt minder, maar vooral minder andere woningen (${percent.format(lessOther * 100)}% minder) dan sociale huur (${percent.format(Math.max(lessSocial, 0) * 100)}% minder): daardoor is het aandeel sociale huur in wat er wél gebouwd wordt hoger, en haalt het doel vaker, zonder dat er meer sociale huurwoningen komen.`
      : "";
  return {
    text: `Waarom? Het doel is een aandeel van wat er gebouwd wordt. Opgeleverd tot en met ${year} (gemiddeld over de runs): ${each}.${why}`,
    built,
  };
}
