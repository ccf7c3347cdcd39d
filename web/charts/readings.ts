import {
  formatCount,
  formatDecimal,
  formatProbability,
  formatShare,
  type SummaryJson,
  type YearStats,
} from "../../engine/index";

/**
 * One plain Dutch sentence per chart: what it shows for the current scenario, read from the results
 * ("In 2030 wacht een starter naar verwachting 4,1 jaar (80% kans tussen 3,2 en 5,0)"). "80% kans
 * tussen" is the P10–P90 band over the runs; for a distribution (huurquote, woonlasten) the quantiles
 * are over households, and the sentence says so.
 */

export interface Reading {
  text: string;
  /** The sentence's key number, for tests and tools. */
  value: number;
}

/** A metric's statistics in `year`; undefined when it has none (a sparse metric with no run with a value). */
export function statsIn(summary: SummaryJson, id: string, year: number): YearStats | undefined {
  const row = summary.metrics[id]?.find((r) => r.year === year);
  return row?.runs === 0 ? undefined : row;
}

/**
 * The share of runs in which a sparse metric had a value in a year (1 for other metrics): a search time
 * in a kern where only a few runs housed anyone says little.
 */
export function shareOfRuns(summary: SummaryJson, row: YearStats): number {
  return row.runs === undefined ? 1 : row.runs / summary.meta.runs;
}

/**
 * The year readings speak of: the end of the agreement, the year its own targets are read in (the growth
 * of the social stock is one of them, always there; see engine/targets), else the last year simulated.
 */
export function readingYear(summary: SummaryJson): number {
  const agreement = summary.targets.find((t) => t.id === "sociale_voorraad_groeit")?.deadlineYear;
  return agreement !== undefined && summary.years.includes(agreement)
    ? agreement
    : summary.years[summary.years.length - 1];
}

const years = (x: number) => `${formatDecimal(x)} jaar`;

export const SEEKER_GROUPS = {
  starter: "een starter",
  gezin: "een gezin",
  senior: "een senior",
  overig: "een ander huishouden",
} as const;

export function searchTimeReading(
  summary: SummaryJson,
  group: keyof typeof SEEKER_GROUPS,
  year = readingYear(summary),
): Reading | undefined {
  const r = statsIn(summary, `search_time.${group}`, year);
  if (!r) return undefined;
  return {
    text: `In ${year} wacht ${SEEKER_GROUPS[group]} naar verwachting ${years(r.p50)} op een sociale huurwoning (80% kans tussen ${formatDecimal(r.p10)} en ${formatDecimal(r.p90)}).`,
    value: r.p50,
  };
}

/** Whose search time per kern: all regular home-seekers, or one household type. */
export type SeekerChoice = "regulier" | keyof typeof SEEKER_GROUPS;

/**
 * The village where regular seekers (or one household type of them) wait longest in `year` (by median),
 * among the villages where someone was housed in at least half of the runs: in a small kern a single
 * allocation would otherwise decide.
 */
export function kernSearchReading(
  summary: SummaryJson,
  kernen: readonly string[],
  year = readingYear(summary),
  who: SeekerChoice = "regulier",
): Reading | undefined {
  const rows = kernen
    .map((kern) => ({ kern, r: statsIn(summary, `search_time.${who}@${kern}`, year) }))
    .filter(
      (x): x is { kern: string; r: YearStats } => x.r !== undefined && shareOfRuns(summary, x.r) >= 0.5,
    );
  if (rows.length === 0) return undefined;
  const longest = rows.reduce((a, b) => (b.r.p50 > a.r.p50 ? b : a));
  const band = `naar verwachting ${years(longest.r.p50)} (80% kans tussen ${formatDecimal(longest.r.p10)} en ${formatDecimal(longest.r.p90)})`;
  return {
    text:
      who === "regulier"
        ? `In ${year} is de zoektijd van reguliere woningzoekenden het langst in ${longest.kern}: ${band}.`
        : `In ${year} wacht ${SEEKER_GROUPS[who]} het langst in ${longest.kern}: ${band}.`,
    value: longest.r.p50,
  };
}

export const ALLOCATION_GROUPS = {
  urgent: "urgenten",
  statushouder: "statushouders",
  doorstromer: "doorstromers",
  vrij: "vrije toewijzing",
  regulier: "reguliere woningzoekenden",
} as const;

export function allocationsReading(summary: SummaryJson, year = readingYear(summary)): Reading | undefined {
  const total = statsIn(summary, "allocations.total", year);
  const regular = statsIn(summary, "allocations.regulier", year);
  if (!total || !regular) return undefined;
  return {
    text: `In ${year} worden naar verwachting ${formatCount(total.mean)} sociale huurwoningen toegewezen, waarvan ${formatCount(regular.mean)} aan reguliere woningzoekenden (${formatShare(regular.mean / Math.max(1, total.mean))}).`,
    value: total.mean,
  };
}

/** From here the share of passend allocations is the rule itself, not an outcome (rounding aside). */
export const ALWAYS_PASSEND = 0.9995;

export function passendReading(summary: SummaryJson, year = readingYear(summary)): Reading | undefined {
  const r = statsIn(summary, "share.passend_toegewezen", year);
  if (!r) return undefined;
  // Passend toewijzen is a rule in the model: at 100% in every run the chart cannot move, and says why.
  if (r.p10 >= ALWAYS_PASSEND)
    return {
      text: `In ${year} krijgt ${formatShare(r.p50)} van de huishoudens met een laag inkomen een woning met een passende huur, in elke run. Dat is geen uitkomst maar de regel: het model wijst hun alleen een woning onder de aftoppingsgrens toe, en een uitzondering (na lang zoeken) was in deze runs niet nodig. Hoe lang zij daarvoor wachten, staat bij de zoektijd.`,
      value: r.p50,
    };
  return {
    text: `In ${year} krijgt naar verwachting ${formatShare(r.p50)} van de huishoudens met een laag inkomen een woning met een passende huur (80% kans tussen ${formatShare(r.p10)} en ${formatShare(r.p90)}).`,
    value: r.p50,
  };
}

export function huurquoteReading(summary: SummaryJson, year = readingYear(summary)): Reading | undefined {
  const r = statsIn(summary, "huurquote", year);
  if (!r) return undefined;
  return {
    text: `In ${year} betaalt de helft van de huurders meer dan ${formatShare(r.p50)} van het inkomen aan huur (na huurtoeslag); één op de tien meer dan ${formatShare(r.p90)}.`,
    value: r.p50,
  };
}

export function woonlastenReading(summary: SummaryJson, year = readingYear(summary)): Reading | undefined {
  const r = statsIn(summary, "woonlasten", year);
  if (!r) return undefined;
  return {
    text: `In ${year} zijn de woonlasten (huur plus energie min huurtoeslag) voor de helft van de huurders hoger dan € ${formatCount(r.p50)} per maand; voor één op de tien hoger dan € ${formatCount(r.p90)}.`,
    value: r.p50,
  };
}

export function betaalrisicoReading(summary: SummaryJson, year = readingYear(summary)): Reading | undefined {
  const count = statsIn(summary, "betaalrisico.count", year);
  const share = statsIn(summary, "betaalrisico.share", year);
  if (!count || !share) return undefined;
  return {
    text: `In ${year} hebben naar verwachting ${formatCount(count.p50)} huishoudens in een sociale huurwoning betaalrisico (${formatShare(share.p50)}; 80% kans tussen ${formatCount(count.p10)} en ${formatCount(count.p90)}).`,
    value: count.p50,
  };
}

/** What a warme jas shows on: tenants' energy bill. `energy_cost.mean` is a mean per household per run. */
export function energyReading(summary: SummaryJson, year = readingYear(summary)): Reading | undefined {
  const r = statsIn(summary, "energy_cost.mean", year);
  if (!r) return undefined;
  return {
    text: `In ${year} betalen huurders van een sociale huurwoning gemiddeld € ${formatCount(r.p50)} per maand aan energie (80% kans tussen € ${formatCount(r.p10)} en € ${formatCount(r.p90)}).`,
    value: r.p50,
  };
}

/** "Halen we de taakstelling statushouders?": persons housed so far against the taakstelling so far. */
/** In the year the taakstelling is read (its target's year), so the sentence speaks of one year only. */
export function statushoudersReading(summary: SummaryJson, year?: number): Reading | undefined {
  const target = summary.targets.find((t) => t.id === "taakstelling_statushouders");
  year ??= target?.deadlineYear ?? readingYear(summary);
  const housed = statsIn(summary, "statushouders.housed_cumulative", year);
  const task = statsIn(summary, "statushouders.taakstelling_cumulative", year);
  if (!housed || !task) return undefined;
  const chance =
    target && target.deadlineYear === year
      ? ` (kans dat de taakstelling dan gehaald is: ${formatProbability(target.probability)})`
      : "";
  return {
    text: `Tot en met ${year} zijn naar verwachting ${formatCount(housed.p50)} statushouders gehuisvest, tegen een taakstelling van ${formatCount(task.p50)}${chance}.`,
    value: housed.p50,
  };
}

/** Rent bands, lowest first, with the seekers' classes they serve (the agreement's yearly check). */
export const RENT_BANDS = ["kwaliteitskorting", "aftopping_laag", "aftopping_hoog", "liberalisatie"] as const;

export interface BandRow {
  /** Which part of the social stock: homes with a rent up to this limit. */
  limit: string;
  kind: "woningen" | "woningzoekenden";
  count: number;
}

/**
 * Homes up to each rent limit (cumulative over the bands, mean over the runs) against the home-seekers
 * of the year for whom a home up to that limit is the appropriate one (passend toewijzen).
 */
export function bandRows(summary: SummaryJson, year = readingYear(summary)): BandRow[] {
  const mean = (id: string) => statsIn(summary, id, year)?.mean ?? 0;
  const homes = RENT_BANDS.map((b) => mean(`homes.band@${b}`));
  const seekers = ["tot_aftopping_laag", "tot_aftopping_hoog", "alle_klassen"].map((c) =>
    mean(`check.seekers@${c}`),
  );
  const limits = [
    { limit: "tot 1e aftoppingsgrens", homes: homes[0] + homes[1], seekers: seekers[0] },
    {
      limit: "tot 2e aftoppingsgrens",
      homes: homes[0] + homes[1] + homes[2],
      seekers: seekers[0] + seekers[1],
    },
    {
      limit: "alle huurklassen",
      homes: homes.reduce((a, b) => a + b, 0),
      seekers: seekers[0] + seekers[1] + seekers[2],
    },
  ];
  return limits.flatMap((l) => [
    { limit: l.limit, kind: "woningen" as const, count: l.homes },
    { limit: l.limit, kind: "woningzoekenden" as const, count: l.seekers },
  ]);
}

export function bandsReading(summary: SummaryJson, year = readingYear(summary)): Reading | undefined {
  if (!summary.metrics["homes.band@aftopping_laag"]) return undefined;
  const rows = bandRows(summary, year);
  const [homes, seekers] = [rows[0].count, rows[1].count];
  return {
    text: `In ${year} hebben ${formatCount(homes)} sociale huurwoningen een huur tot de eerste aftoppingsgrens; ${formatCount(seekers)} woningzoekenden van dat jaar moeten passend zo'n woning krijgen.`,
    value: homes,
  };
}
