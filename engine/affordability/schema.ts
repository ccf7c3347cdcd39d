import { z } from "zod";
import { figure, provenance } from "../figure";
import { type Loose, num, obj } from "../loose";
import { ENERGY_LABELS } from "./energy";
import { RENT_POLICY_MODES } from "./rentPolicy";

/**
 * The `affordability` block of a scenario: what tenants of social homes pay and earn, year by year, on
 * the homes and households of the allocation microsimulation (so it needs an `allocation` block). Euro
 * figures are at the price level of `priceYear`, the level of the allocation block's income and rent
 * limits; the yearly paths here carry them forward.
 */

const rate = z.number().min(-0.5).max(0.5);
const euros = z.number().nonnegative();
const share = z.number().min(0).max(1);
const yearKey = z.string().regex(/^\d{4}$/, { error: "verwacht een jaartal" });
/** A yearly rate per year, e.g. `{ "2025": 0.05 }`. */
const ratePath = z.record(yearKey, rate).default({});

const limits = z
  .object({
    kwaliteitskortingsgrens: euros,
    aftoppingsgrensLaag: euros,
    aftoppingsgrensHoog: euros,
    liberalisatiegrens: euros,
    ...provenance,
  })
  .strict();

export const affordabilitySchema = z
  .object({
    priceYear: z.number().int().min(1900).max(2100),
    rentLimits: z
      .object({
        /** Published limits for later years, where known; other years are indexed. */
        byYear: z.record(yearKey, limits).default({}),
        indexation: figure(rate),
        ...provenance,
      })
      .strict(),
    rentPolicy: z
      .object({
        mode: z.enum(RENT_POLICY_MODES),
        maximum: ratePath,
        maximumDefault: figure(rate),
        inflation: ratePath,
        inflationDefault: figure(rate),
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
    incomes: z.object({ growth: ratePath, growthDefault: figure(rate), ...provenance }).strict(),
    huurtoeslag: z
      .object({
        minimumBasishuur: figure(euros),
        incomeFloor: figure(euros),
        slope: figure(z.number().min(0).max(2)),
        shareToKwaliteitskorting: figure(share),
        shareToAftopping: figure(share),
        shareAboveAftopping: figure(share),
        ...provenance,
      })
      .strict(),
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
        /** Homes a year that Domijn gives a warme jas while keeping them (worst labels first). */
        warmeJasPerYear: figure(z.number().int().nonnegative()),
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
