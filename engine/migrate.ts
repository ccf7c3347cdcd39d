import { type Loose, obj } from "./kernel/loose";
import { SCHEMA_VERSION } from "./scenario";

/**
 * Scenarios saved by an earlier version of woonscenario (a file, a share link, a scenario kept in the
 * browser) are brought to the current format before they are checked, so nothing a user made is lost
 * when the format grows. Each step maps one version onto the next and keeps the meaning: a version 1
 * scenario gives the same numbers after migration as it did before.
 */
export function migrateScenario(input: unknown): unknown {
  let out = input;
  if (obj(out).schemaVersion === 1) out = fromVersion1(obj(out));
  return out;
}

/** Whether `input` claims a version this engine does not know (a file from a newer woonscenario). */
export function isFutureVersion(input: unknown): boolean {
  const v = obj(input).schemaVersion;
  return typeof v === "number" && v > SCHEMA_VERSION;
}

/**
 * Version 1 → 2. The indices that were spread over the affordability block (price year, income growth,
 * inflation) become the top-level `economy`; the rent limits of both blocks and the income limits
 * become tables by year, starting at the price year they were given in.
 */
function fromVersion1(v1: Loose): Loose {
  const s = structuredClone(v1);
  s.schemaVersion = 2;
  const start =
    typeof obj(s.simulation).start === "string"
      ? Number((obj(s.simulation).start as string).slice(0, 4))
      : 2025;
  const a = s.affordability === undefined ? undefined : obj(s.affordability);
  const priceYear = typeof a?.priceYear === "number" ? a.priceYear : start;
  const incomes = obj(a?.incomes);
  const policy = obj(a?.rentPolicy);
  s.economy = {
    priceYear,
    wageGrowth: { byYear: incomes.growth ?? {}, default: incomes.growthDefault ?? 0 },
    inflation: { byYear: policy.inflation ?? {}, default: policy.inflationDefault ?? 0 },
    basis: "estimate",
    source:
      "Overgenomen uit een scenario van woonscenario 0.4 (schemaversie 1): de inkomensgroei en inflatie van het blok affordability",
  };
  if (s.allocation !== undefined) {
    const limits = obj(obj(s.allocation).limits);
    const atPriceYear = (values: unknown) => {
      const { basis, source, note, ...rest } = obj(values);
      const flat = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, obj(v).value ?? v]));
      const table: Loose = { byYear: { [String(priceYear)]: flat } };
      for (const [k, v] of Object.entries({ basis, source, note })) if (v !== undefined) table[k] = v;
      return table;
    };
    limits.passendIncome = atPriceYear(limits.passendIncome);
    limits.daebIncome = atPriceYear(limits.daebIncome);
    limits.rent = atPriceYear(limits.rent);
    const rentLimits = obj(a?.rentLimits);
    Object.assign(obj(obj(limits.rent).byYear), obj(rentLimits.byYear));
    if (rentLimits.indexation !== undefined) obj(limits.rent).indexation = rentLimits.indexation;
  }
  if (a !== undefined) {
    delete a.priceYear;
    delete a.rentLimits;
    delete a.incomes;
    delete policy.inflation;
    delete policy.inflationDefault;
  }
  return s;
}
