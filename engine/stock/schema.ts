import { PIPELINE_STATUSES, PROJECT_KINDS, SEGMENTS, STATUSES } from "../kernel/domain";
import { figure, provenance } from "../kernel/figure";
import { z } from "../kernel/zod";

/**
 * The stock and pipeline model's part of a scenario file: the municipality, its kernen, the starting
 * stock, the building task, the projects, the delay assumptions and the policy that moves homes between
 * segments. The scenario schema (../scenario) composes these fields with the other sub-models' blocks.
 */

export const count = z.number().int().nonnegative();
export const nonNegative = z.number().nonnegative();
export const probability = z.number().min(0).max(1);
export const year = z.number().int().min(1900).max(2100);
export const id = z.string().min(1);
/**
 * Hard limits on what a file can ask for: far beyond any Dutch municipality (Amsterdam has some 450,000
 * homes), so no real scenario meets them, but a typo (a billion homes, a delay of a trillion months)
 * is refused with a Dutch message before it can fill memory or run for hours.
 */
export const LIMITS = { homesPerRow: 1_000_000, homesPerProject: 50_000, delayMonths: 600, periodYears: 50 };

/** Homes in one row of the stock, a demolition or a splitting. */
export const homes = count.max(LIMITS.homesPerRow, {
  error: `meer dan ${LIMITS.homesPerRow.toLocaleString("nl-NL")} woningen in één regel is geen gemeente`,
});
const projectHomes = count.max(LIMITS.homesPerProject, {
  error: `meer dan ${LIMITS.homesPerProject.toLocaleString("nl-NL")} woningen in één project is onmogelijk; bedoelde je minder?`,
});
const delay = nonNegative.max(LIMITS.delayMonths, {
  error: `een vertraging van meer dan ${LIMITS.delayMonths} maanden (50 jaar) is geen vertraging meer`,
});

/** A calendar month as `YYYY-MM`: delays are in months, so plans are too. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "verwacht een maand als JJJJ-MM" });

/** A triangular distribution in months: the usual, the shortest and the longest. */
const monthsDistribution = z
  .object({ min: figure(delay), mode: figure(delay), max: figure(delay), ...provenance })
  .strict();

const units = z
  .object({
    sociale_huur: figure(projectHomes).default(0),
    middenhuur: figure(projectHomes).default(0),
    betaalbare_koop: figure(projectHomes).default(0),
    duur: figure(projectHomes).default(0),
    ...provenance,
  })
  .strict();

const stockEntry = z
  .object({
    kern: id,
    segment: z.enum(SEGMENTS),
    owner: id,
    dwellings: figure(homes),
    ...provenance,
  })
  .strict();

export const projectSchema = z
  .object({
    id,
    name: z.string().min(1),
    kern: id,
    status: z.enum(STATUSES),
    plannedCompletion: month,
    units,
    /** A corporation id (see `corporations`), `overige_verhuurder` or `eigenaar_bewoner`. */
    owner: id,
    /**
     * The corporation that buys the social units of a market party's project (an owner-occupier
     * project); without one, the first corporation, the agreement's preferred partner.
     */
    buyer: id.optional(),
    sleutelproject: z.boolean().default(false),
    kind: z.enum(PROJECT_KINDS).default("nieuwbouw"),
    ...provenance,
  })
  .strict();

const statusAssumption = z
  .object({
    dropOut: figure(probability),
    delayMonths: monthsDistribution,
    objection: z.object({ chance: figure(probability), months: monthsDistribution }).strict(),
  })
  .strict();

const shock = z
  .object({
    id,
    label: z.string(),
    chancePerYear: figure(probability),
    delayMonths: monthsDistribution,
    statuses: z.array(z.enum(PIPELINE_STATUSES)).min(1),
    fromYear: year,
    toYear: year,
    ...provenance,
  })
  .strict();

const lever = z
  .object({
    id,
    label: z.string(),
    active: z.boolean(),
    monthsSaved: figure(delay),
    statuses: z.array(z.enum(PIPELINE_STATUSES)).min(1),
    owners: z.array(id).optional(),
    fromYear: year,
    ...provenance,
  })
  .strict();

const yearly = z
  .object({
    perYear: figure(count),
    /** Exceptions to `perYear` for single years, keyed by year ("2027": 12). */
    byYear: z.record(z.string().regex(/^\d{4}$/, { error: "verwacht een jaartal" }), count).default({}),
  })
  .strict();

const demolition = z
  .object({
    id,
    year,
    kern: id,
    segment: z.enum(SEGMENTS),
    owner: id,
    dwellings: homes,
    ...provenance,
  })
  .strict();

const splitting = z
  .object({
    id,
    year,
    kern: id,
    segment: z.enum(SEGMENTS),
    owner: id,
    homes,
    unitsPerHome: z.number().int().min(2),
    toSegment: z.enum(SEGMENTS),
    ...provenance,
  })
  .strict();

/** A corporation's sales of social homes (to owner-occupiers) per year, and whether it sells them with a warme jas. */
const sales = yearly.extend({ warmeJas: z.boolean(), ...provenance });
/** A corporation's purchases of homes into social rent per year, and from which segment. */
const acquisitions = yearly.extend({ fromSegment: z.enum(SEGMENTS), ...provenance });

/**
 * A housing corporation: an owner id of the scenario's own, its name (labels of metrics, targets and
 * levers), and for every corporation after the first its sales and purchases (the first one's are
 * `policy.sales` and `policy.acquisitions`; without them a corporation neither sells nor buys).
 */
const corporation = z
  .object({
    id,
    name: z.string().min(1),
    sales: sales.optional(),
    acquisitions: acquisitions.optional(),
    ...provenance,
  })
  .strict();

/** The scenario's fields this sub-model reads; the scenario schema spreads them into its own. */
export const stockFields = {
  /**
   * The housing corporations, one or more, in the order the model counts them: the first is the
   * agreement's preferred partner (it buys the social units of market parties' projects unless a
   * project names another buyer). Their ids are owners beside `overige_verhuurder` and `eigenaar_bewoner`.
   */
  corporations: z
    .array(corporation, {
      error: (issue) =>
        issue.input === undefined
          ? 'ontbreekt; noem de woningcorporaties van de gemeente, zoals [{ "id": "corporatie", "name": "Woonstichting" }]'
          : undefined,
    })
    .min(1, { error: "noem minstens één corporatie" }),
  municipality: z
    .object({
      name: z.string().min(1),
      inhabitants: figure(z.number().positive()),
      /** Yearly relative change in persons per dwelling (household dilution: negative). */
      personsPerDwellingChange: figure(z.number().min(-0.1).max(0.1)),
    })
    .strict(),
  kernen: z.array(z.object({ id, name: z.string().min(1), ...provenance }).strict()).min(1),
  stock: z.array(stockEntry).min(1),
  opgave: z
    .object({
      homes: figure(count),
      deadlineYear: year,
      realisedBeforeStart: figure(count),
      ...provenance,
    })
    .strict(),
  projects: z.array(projectSchema),
  pipeline: z
    .object({
      statuses: z
        .object({
          in_aanbouw: statusAssumption,
          hard: statusAssumption,
          zacht: statusAssumption,
          ambitie: statusAssumption,
        })
        .strict(),
      shocks: z.array(shock).default([]),
      capacity: z
        .object({
          projectsPerYear: figure(z.number().int().positive()),
          statuses: z.array(z.enum(PIPELINE_STATUSES)),
          /** Months between the end of a project's procedure and its completion. */
          leadMonths: figure(nonNegative),
          ...provenance,
        })
        .strict(),
      levers: z.array(lever).default([]),
      replacement: z
        .object({ chance: figure(probability), delayMonths: figure(nonNegative), ...provenance })
        .strict(),
    })
    .strict(),
  policy: z
    .object({
      /** The first corporation's sales (see `corporations` for the others'). */
      sales,
      /** The first corporation's purchases (see `corporations` for the others'). */
      acquisitions,
      demolitions: z.array(demolition).default([]),
      splittings: z.array(splitting).default([]),
    })
    .strict(),
};

/** The stock and pipeline part of a parsed scenario: what compileStock reads. */
export type StockInput = { [K in keyof typeof stockFields]: z.output<(typeof stockFields)[K]> };
export type Project = z.output<typeof projectSchema>;
