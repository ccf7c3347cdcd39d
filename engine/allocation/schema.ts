import { yearKey } from "../kernel/economy";
import { figure, provenance } from "../kernel/figure";
import { type Loose, list, num, obj } from "../kernel/loose";
import { z } from "../kernel/zod";
import {
  DWELLING_TYPES,
  ENERGY_LABELS,
  GROUPS,
  HOUSEHOLD_TYPES,
  REGULAR_TYPES,
  RENT_BANDS,
} from "./vocabulary";

/**
 * The `allocation` block of a scenario: the social dwellings and households of the microsimulation and
 * the rules by which vacancies are let. Optional: a scenario without it runs the stock model alone.
 */

const share = z.number().min(0).max(1);
const nonNegative = z.number().nonnegative();
const euros = z.number().nonnegative();
const age = z.number().int().min(0).max(110);

/** Shares over a fixed vocabulary, one sourced figure per member; they must add up to 1. */
function shares<const K extends readonly string[]>(keys: K) {
  const shape = {} as { [P in K[number]]: ReturnType<typeof figure<typeof share>> };
  for (const k of keys) shape[k as K[number]] = figure(share);
  return z.object({ ...shape, ...provenance }).strict();
}

const roomRange = z.object({ min: z.number().int().min(1).max(9), max: z.number().int().min(1).max(9) });

/** Who a household of one type is: age of the head, household size (share per size 1, 2, …) and income. */
const householdProfile = z
  .object({
    ageMin: age,
    ageMax: age,
    /** Share of households per size: the first for one person, the second for two, and so on. */
    sizeShares: z.array(figure(share)).min(1).max(8),
    /** Median gross yearly household income in euros; incomes are lognormal around it. */
    incomeMedian: figure(euros),
    /** Standard deviation of the log income. */
    incomeSpread: figure(z.number().min(0).max(2)),
    ...provenance,
  })
  .strict();

const byAge = z.object({ fromAge: age, rate: figure(share), ...provenance }).strict();

/** Official values per year, each year with its own source; later years follow an index (see ../economy). */
function byYearTable<T extends z.ZodType>(values: T) {
  return z.object({ byYear: z.record(yearKey, values), ...provenance }).strict();
}

/** Passend toewijzen: incomes up to these limits must get a rent up to an aftoppingsgrens. */
const passendIncomeValues = z
  .object({
    onePerson: euros,
    morePersons: euros,
    /** Households with a head at the AOW age have limits of their own (lower). */
    onePersonAow: euros,
    morePersonsAow: euros,
    ...provenance,
  })
  .strict();
const daebIncomeValues = z.object({ onePerson: euros, morePersons: euros, ...provenance }).strict();
/** Monthly rent limits of the huurtoeslag system and the Wet betaalbare huur. */
const rentLimitValues = z
  .object({
    kwaliteitskortingsgrens: euros,
    aftoppingsgrensLaag: euros,
    aftoppingsgrensHoog: euros,
    liberalisatiegrens: euros,
    /** The mid-rent ceiling of the Wet betaalbare huur (from July 2024): the top of the middenhuur segment. */
    middenhuurgrens: euros.optional(),
    ...provenance,
  })
  .strict();
export const RENT_LIMIT_KEYS = [
  "kwaliteitskortingsgrens",
  "aftoppingsgrensLaag",
  "aftoppingsgrensHoog",
  "liberalisatiegrens",
] as const;

export const allocationSchema = z
  .object({
    /** The allocation steps in order; each vacancy goes to the first step with an eligible home-seeker. */
    order: z.array(z.enum(GROUPS)).min(1),
    dwellings: z
      .object({
        typeShares: shares(DWELLING_TYPES),
        newBuildTypeShares: shares(DWELLING_TYPES),
        acquisitionType: z.enum(DWELLING_TYPES),
        rooms: z.object({
          eengezinswoning: roomRange,
          appartement: roomRange,
          nultredenwoning: roomRange,
        }),
        rentBandShares: shares(RENT_BANDS),
        energyLabelShares: shares(ENERGY_LABELS),
        newBuildLabel: z.enum(ENERGY_LABELS),
        acquisitionLabel: z.enum(ENERGY_LABELS),
        ...provenance,
      })
      .strict(),
    /**
     * The official limits by year. After the last listed year, income limits follow wage growth and rent
     * limits inflation (the scenario's `economy`), unless `rent.indexation` names a rate of its own.
     */
    limits: z
      .object({
        passendIncome: byYearTable(passendIncomeValues),
        daebIncome: byYearTable(daebIncomeValues),
        rent: byYearTable(rentLimitValues).extend({
          indexation: figure(z.number().min(-0.5).max(0.5)).optional(),
        }),
        aowAge: figure(age),
      })
      .strict(),
    passendToewijzen: z
      .object({
        active: z.boolean(),
        /**
         * Named exception (maatwerk for aandachtsgroepen): an urgent household or statushouder who has
         * waited at least this long may be housed above its rent ceiling.
         */
        exceptionAfterYears: figure(nonNegative),
        ...provenance,
      })
      .strict(),
    freeAllocation: z
      .object({
        /** The most a year's allocations may go to incomes above the DAEB limit: 7.5% by law, 15% in Losser. */
        cap: figure(share),
        /** The share Domijn actually lets freely (at most the cap). */
        share: figure(share),
        ...provenance,
      })
      .strict(),
    sizeMatch: z
      .object({
        /** A home may have at most this many rooms more than the household has persons. */
        maxRoomsAbovePersons: figure(z.number().int().min(0).max(9)),
        /** A household may have at most this many persons more than the home has rooms. */
        maxPersonsAboveRooms: figure(z.number().int().min(0).max(9)),
        /** Nultredenwoningen go first to heads of household of at least this age. */
        nultredenFromAge: figure(age),
        /**
         * A home vacant this long is hard to let (moeilijk verhuurbaar): it may go to any household the
         * income rules allow, whatever its size or kern wish.
         */
        hardToLetAfterMonths: figure(z.number().int().min(0).max(120)),
        ...provenance,
      })
      .strict(),
    turnover: z
      .object({
        /** Yearly chance a sitting tenant moves out, by age of the head (from the listed age upward). */
        byAge: z.array(byAge).min(1),
        typeFactor: z
          .object({
            eengezinswoning: figure(nonNegative),
            appartement: figure(nonNegative),
            nultredenwoning: figure(nonNegative),
            ...provenance,
          })
          .strict(),
        ...provenance,
      })
      .strict(),
    households: z
      .object({
        starter: householdProfile,
        gezin: householdProfile,
        senior: householdProfile,
        overig: householdProfile,
        urgent: householdProfile,
        statushouder: householdProfile,
      })
      .strict(),
    /** Sitting tenants at the start: share of household types per dwelling type. */
    tenants: z
      .object({
        eengezinswoning: shares(REGULAR_TYPES),
        appartement: shares(REGULAR_TYPES),
        nultredenwoning: shares(REGULAR_TYPES),
      })
      .strict(),
    /** New home-seekers per year at the start population; they scale with the population path. */
    arrivals: z
      .object({
        starter: figure(nonNegative),
        gezin: figure(nonNegative),
        senior: figure(nonNegative),
        overig: figure(nonNegative),
        urgent: figure(nonNegative),
        ...provenance,
      })
      .strict(),
    statushouders: z
      .object({
        /** Taakstelling in persons per year per 1,000 inhabitants (a simple form; `national` is the Rijk's own). */
        perThousandInhabitants: figure(nonNegative).optional(),
        /**
         * The Rijk sets a national taakstelling in persons per half year ("2025-II") and shares it by
         * population: the municipality's part is its inhabitants over `population`.
         */
        national: z
          .object({
            byHalfYear: z.record(
              z.string().regex(/^\d{4}-(I|II)$/, { error: "verwacht een halfjaar als JJJJ-I of JJJJ-II" }),
              nonNegative,
            ),
            default: figure(nonNegative),
            population: figure(z.number().positive()),
            ...provenance,
          })
          .strict()
          .optional(),
        /**
         * The municipality houses statushouders who cannot be placed in a social home in time elsewhere
         * (flex homes, rooms; the agreement, H6): those waiting at least `afterMonths`, up to
         * `personsPerYear`. They count for the taakstelling.
         */
        alternatives: z
          .object({
            afterMonths: figure(z.number().int().min(0).max(120)),
            personsPerYear: figure(nonNegative),
            ...provenance,
          })
          .strict()
          .optional(),
        /**
         * Homes labelled for sale that fall vacant may house a statushouder while the taakstelling is
         * behind (the agreement, H6); a sitting tenant's home is sold instead.
         */
        useSaleHomes: z.boolean().default(false),
        ...provenance,
      })
      .strict(),
    /**
     * Domijn's local priority rules: households from the municipality go first on some homes, before
     * registration time. Who is local: a share of the regular home-seekers.
     */
    localPriority: z
      .object({
        /** Share of regular home-seekers who live in the municipality already. */
        localShare: figure(share),
        /** Local heads of these ages go first on homes up to the kwaliteitskortingsgrens. */
        youngFromAge: age,
        youngToAge: age,
        /** Local households of at most this many persons go first on homes up to the first aftoppingsgrens. */
        smallMaxPersons: z.number().int().min(1).max(9),
        /** Local heads of at least this age go first on nultredenwoningen. */
        seniorFromAge: age,
        ...provenance,
      })
      .strict()
      .optional(),
    queue: z
      .object({
        /** Yearly chance a waiting home-seeker gives up or finds a home elsewhere. */
        exitPerYear: figure(share),
        /** Years of past registrations on the list at the start (at the arrival rate, thinned by exits). */
        initialYears: figure(z.number().int().min(0).max(30)),
        /** Share of regular home-seekers who want one kern only; the rest take any kern. */
        kernPreferenceShare: figure(share),
        ...provenance,
      })
      .strict(),
    doorstroming: z
      .object({
        /** Yearly chance a senior tenant of a family home registers for a nultredenwoning. */
        registrationPerYear: figure(share),
        fromAge: figure(age),
        ...provenance,
      })
      .strict(),
    sales: z
      .object({
        /** Losser's social tenants get priority on homes Domijn sells (the agreement, H1). */
        tenantPriority: z.boolean(),
        /** Share of homes sold empty that a social tenant buys under that priority, freeing their home. */
        tenantBuyerShare: figure(share),
        ...provenance,
      })
      .strict(),
    ...provenance,
  })
  .strict();

export type AllocationInput = z.input<typeof allocationSchema>;
export type Allocation = z.output<typeof allocationSchema>;

type Issue = { path: (string | number)[]; message: string };

/** Cross-field rules of the allocation block, read defensively from the raw input (see checkReferences). */
export function checkAllocation(input: unknown, startYear?: number): Issue[] {
  const issues: Issue[] = [];
  if (input === undefined) return issues;
  const a = obj(input);
  // A table of limits must say what holds when the run starts: a year at or before the start.
  const limits = obj(a.limits);
  for (const key of ["passendIncome", "daebIncome", "rent"]) {
    const years = Object.keys(obj(obj(limits[key]).byYear)).map(Number);
    if (startYear !== undefined && years.length > 0 && !years.some((y) => y <= startYear))
      issues.push({
        path: ["allocation", "limits", key, "byYear"],
        message: `noemt geen jaar tot en met het startjaar ${startYear}; de eerste is ${Math.min(...years)}`,
      });
  }
  const at = (...path: (string | number)[]) => ["allocation", ...path];
  const sumsToOne = (block: unknown, keys: readonly string[], path: (string | number)[]) => {
    const values = keys.map((k) => num(obj(block)[k]));
    if (values.some((v) => v === undefined)) return;
    const total = (values as number[]).reduce((s, v) => s + v, 0);
    if (Math.abs(total - 1) > 0.001)
      issues.push({ path, message: `de aandelen tellen op tot ${round(total)}, verwacht 1` });
  };
  const ordered = (min: unknown, max: unknown, path: (string | number)[]) => {
    const [lo, hi] = [num(min), num(max)];
    if (lo !== undefined && hi !== undefined && hi < lo)
      issues.push({ path, message: `max (${hi}) ligt onder min (${lo})` });
  };

  const seen = new Set<unknown>();
  list(a.order).forEach((_, i) => {
    const step = (a.order as unknown[])[i];
    if (seen.has(step))
      issues.push({ path: at("order", i), message: `stap "${String(step)}" staat er dubbel in` });
    seen.add(step);
  });
  const d = obj(a.dwellings);
  sumsToOne(d.typeShares, DWELLING_TYPES, at("dwellings", "typeShares"));
  sumsToOne(d.newBuildTypeShares, DWELLING_TYPES, at("dwellings", "newBuildTypeShares"));
  sumsToOne(d.rentBandShares, RENT_BANDS, at("dwellings", "rentBandShares"));
  sumsToOne(d.energyLabelShares, ENERGY_LABELS, at("dwellings", "energyLabelShares"));
  for (const t of DWELLING_TYPES) {
    const r = obj(obj(d.rooms)[t]);
    ordered(r.min, r.max, at("dwellings", "rooms", t, "max"));
  }
  const tenants = obj(a.tenants);
  for (const t of DWELLING_TYPES) sumsToOne(tenants[t], REGULAR_TYPES, at("tenants", t));
  const households = obj(a.households);
  for (const t of HOUSEHOLD_TYPES) {
    const p = obj(households[t]);
    ordered(p.ageMin, p.ageMax, at("households", t, "ageMax"));
    const sizes = Array.isArray(p.sizeShares) ? (p.sizeShares as unknown[]).map(num) : [];
    if (sizes.length > 0 && sizes.every((v) => v !== undefined)) {
      const total = (sizes as number[]).reduce((s, v) => s + v, 0);
      if (Math.abs(total - 1) > 0.001)
        issues.push({
          path: at("households", t, "sizeShares"),
          message: `de aandelen tellen op tot ${round(total)}, verwacht 1`,
        });
    }
  }
  const statushouders = obj(a.statushouders);
  const forms = [statushouders.perThousandInhabitants, statushouders.national].filter((x) => x !== undefined);
  if (forms.length !== 1)
    issues.push({
      path: at("statushouders"),
      message: "geef de taakstelling op één manier: perThousandInhabitants of national",
    });
  const local = obj(a.localPriority);
  ordered(local.youngFromAge, local.youngToAge, at("localPriority", "youngToAge"));
  const free = obj(a.freeAllocation);
  const [cap, used] = [num(free.cap), num(free.share)];
  if (cap !== undefined && used !== undefined && used > cap)
    issues.push({
      path: at("freeAllocation", "share"),
      message: `vrije toewijzing ${round(used)} ligt boven het plafond ${round(cap)}`,
    });
  const ages = list(obj(a.turnover).byAge).map((b: Loose) => num(b.fromAge));
  for (let i = 1; i < ages.length; i++) {
    const [prev, cur] = [ages[i - 1], ages[i]];
    if (prev !== undefined && cur !== undefined && cur <= prev)
      issues.push({ path: at("turnover", "byAge", i, "fromAge"), message: "leeftijden moeten oplopen" });
  }
  if (ages.length > 0 && ages[0] !== undefined && ages[0] !== 0)
    issues.push({
      path: at("turnover", "byAge", 0, "fromAge"),
      message: "de eerste leeftijdsklasse begint bij 0",
    });
  return issues;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
