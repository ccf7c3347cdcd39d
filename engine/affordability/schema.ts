import { yearKey } from "../kernel/economy";
import { figure, provenance } from "../kernel/figure";
import { type Loose, num, obj } from "../kernel/loose";
import { z } from "../kernel/zod";
import { ENERGY_LABELS } from "./energy";
import { RENT_POLICY_MODES } from "./rentPolicy";

/**
 * The `affordability` block of a scenario: what tenants of social homes pay and earn, year by year, on
 * the homes and households of the allocation microsimulation (so it needs an `allocation` block). Euro
 * figures are at the price level of the scenario's `economy.priceYear`; its indices and the yearly paths
 * here carry them forward.
 */

const rate = z.number().min(-0.5).max(0.5);
const euros = z.number().nonnegative();
const share = z.number().min(0).max(1);
const year = z.number().int().min(1900).max(2100);
/** A yearly rate per year, e.g. `{ "2025": 0.05 }`. */
const ratePath = z.record(yearKey, rate).default({});

export const affordabilitySchema = z
  .object({
    rentPolicy: z
      .object({
        /**
         * `loon` (the national performance agreements): rents follow wage growth, plus `spread`; the
         * official maximum where the Rijk has set one. `maximum`: the official maximum. `inflatie`:
         * inflation plus `margin`. `pad`: a path of the scenario's own. Never above the maximum.
         */
        mode: z.enum(RENT_POLICY_MODES),
        /** The official maximum increase per year (a fraction), as published. */
        maximum: ratePath,
        /** The maximum in years without a published one; without it, wage growth (how the Rijk sets it). */
        maximumDefault: figure(rate).optional(),
        /** Rent increase minus wage growth in mode `loon`: the lever between rents and incomes. */
        spread: figure(rate).default(0),
        margin: figure(rate),
        path: ratePath,
        /** Years in which no sitting tenant's rent goes up, whatever the mode (huurbevriezing). */
        freezeYears: z.array(z.number().int()).default([]),
        /** A home let anew gets its streefhuur (huurharmonisatie); otherwise it keeps the last rent. */
        harmoniseOnReletting: z.boolean(),
        /** Twee-huren-beleid: a household under the passend limit pays at most its aftoppingsgrens. */
        twoRent: z.boolean(),
        /** Sitting tenants' rents at the start as a share of the home's streefhuur. */
        sittingRentShare: figure(share),
        ...provenance,
      })
      .strict(),
    huurtoeslag: z
      .object({
        minimumBasishuur: figure(euros),
        incomeFloor: figure(euros),
        slope: figure(z.number().min(0).max(2)),
        shareToKwaliteitskorting: figure(share),
        shareToAftopping: figure(share),
        shareAboveAftopping: figure(share),
        /**
         * The last year in which a rent above the liberalisatiegrens ends the right to huurtoeslag; from
         * the next year the rent counts up to that limit. Without it, the condition holds every year.
         */
        maxRentConditionUntil: year.optional(),
        ...provenance,
      })
      .strict(),
    /**
     * From gross to disposable income: of each euro of gross yearly income above `from` (up to the next
     * bracket), the share `keep` is left after income tax and premiums. Huurquote, woonquote and
     * betaalrisico are on disposable income, as PBL and Nibud define them. Without it they are on gross.
     */
    disposableIncome: z
      .object({
        brackets: z.array(z.object({ from: euros, keep: share }).strict()).min(1),
        ...provenance,
      })
      .strict()
      .optional(),
    energy: z
      .object({
        /** Euros a month for one person, per energy label. */
        monthlyByLabel: z.object(
          Object.fromEntries(ENERGY_LABELS.map((l) => [l, figure(euros)])) as Record<
            (typeof ENERGY_LABELS)[number],
            ReturnType<typeof figure<typeof euros>>
          >,
        ),
        perExtraPerson: figure(euros),
        priceGrowth: figure(rate),
        /** The label a warme jas brings a home to. */
        warmeJasLabel: z.enum(ENERGY_LABELS),
        /** Homes a year the corporations give a warme jas while keeping them (worst labels first, all corporations together). */
        warmeJasPerYear: figure(z.number().int().nonnegative()),
        /**
         * The corporations renovate their homes worse than `worstLabel` to `toLabel`, spread over the Julys up to
         * `byYear`, so that none is left after it (the national performance agreements: no E, F or G
         * after 2028). Without it, only the warme jas improves labels.
         */
        renovation: z
          .object({
            worstLabel: z.enum(ENERGY_LABELS),
            toLabel: z.enum(ENERGY_LABELS),
            byYear: year,
            ...provenance,
          })
          .strict()
          .optional(),
        ...provenance,
      })
      .strict(),
    betaalrisico: z
      .object({
        /** Nibud-style minimum for basic needs, euros a month, for 1, 2, 3 and 4 or more persons. */
        normByHouseholdSize: z.array(figure(euros)).length(4),
        indexation: figure(rate),
        ...provenance,
      })
      .strict(),
    /** Measure every n-th home (rotating with the run); counts are scaled up. Keeps runs fast. */
    sampleEvery: z.number().int().min(1).max(50),
  })
  .strict();

export type Affordability = z.output<typeof affordabilitySchema>;

/** Cross-field rules: affordability stands on the allocation block; a freeze year lies in the period. */
export function checkAffordability(root: Loose): { path: (string | number)[]; message: string }[] {
  if (root.affordability === undefined) return [];
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (root.allocation === undefined) {
    issues.push({
      path: ["affordability"],
      message: "betaalbaarheid rekent op de woningen en huishoudens van het blok allocation, dat ontbreekt",
    });
  }
  if (root.economy === undefined) {
    issues.push({
      path: ["affordability"],
      message:
        "betaalbaarheid volgt inkomens en huurgrenzen met de indexen van het blok economy, dat ontbreekt",
    });
  }
  const end = num(obj(root.simulation).endYear);
  const freezeYears = obj(obj(root.affordability).rentPolicy).freezeYears;
  const years = Array.isArray(freezeYears) ? (freezeYears as unknown[]) : [];
  years.forEach((y, i) => {
    if (typeof y === "number" && end !== undefined && y > end) {
      issues.push({
        path: ["affordability", "rentPolicy", "freezeYears", i],
        message: `jaar ${y} ligt na het eindjaar ${end}`,
      });
    }
  });
  return issues;
}
