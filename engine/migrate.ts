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
  if (obj(out).schemaVersion === 2) out = fromVersion2(obj(out));
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
  // A version 1 file without a start is refused anyway (simulation.start was required); no year is guessed.
  const start =
    typeof obj(s.simulation).start === "string"
      ? Number((obj(s.simulation).start as string).slice(0, 4))
      : undefined;
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

/**
 * The one corporation a version 2 scenario knew: the owner id `domijn`, named Domijn unless the file
 * named it. This is the old format's meaning, so it lives here and nowhere else in the engine.
 */
const VERSION2_CORPORATION = { id: "domijn", name: "Domijn" };

/** Version 2's metric and target ids for the one corporation, and what they are called per corporation. */
export function renamedId(id: string): string {
  const c = VERSION2_CORPORATION.id;
  if (id === `stock.sociale_huur.${c}`) return `stock.sociale_huur@${c}`;
  if (id === `completions.${c}_sociaal`) return `completions.sociaal@${c}`;
  const window = /^domijnSocialAdditions_(\d{4})_(\d{4})$/.exec(id);
  return window ? `socialAdditions_${window[1]}_${window[2]}@${c}` : id;
}

/**
 * Version 2 → 3. Owners become data: a scenario lists its corporations (version 2 had one, `domijn`),
 * and the target of the social homes "Domijn" adds becomes a target per corporation
 * (`targets.socialAdditions`, each window naming its corporation). Metric and target ids the file
 * cites (commitments, calibration) follow their new names. Same numbers as before.
 */
function fromVersion2(v2: Loose): Loose {
  const named = Array.isArray(v2.corporations) ? obj(v2.corporations[0]).name : undefined;
  const corporations = [{ ...VERSION2_CORPORATION, ...(typeof named === "string" ? { name: named } : {}) }];
  // The list stands before the kernen, where a version 3 file has it.
  const entries = Object.entries(structuredClone(v2)).filter(([k]) => k !== "corporations");
  const at = entries.findIndex(([k]) => k === "kernen");
  entries.splice(at < 0 ? entries.length : at, 0, ["corporations", corporations]);
  const s: Loose = Object.fromEntries(entries);
  s.schemaVersion = 3;
  const targets = obj(s.targets);
  if (Array.isArray(targets.domijnSocialAdditions)) {
    const windows = targets.domijnSocialAdditions.map((w) => ({
      corporation: VERSION2_CORPORATION.id,
      ...obj(w),
    }));
    const entries = Object.entries(targets).map(([k, v]) =>
      k === "domijnSocialAdditions" ? ["socialAdditions", windows] : [k, v],
    );
    s.targets = Object.fromEntries(entries);
  }
  for (const c of Array.isArray(obj(s.agreement).commitments)
    ? (obj(s.agreement).commitments as unknown[])
    : []) {
    const commitment = obj(c);
    if (Array.isArray(commitment.modelledAs))
      commitment.modelledAs = commitment.modelledAs.map((m) =>
        typeof m === "string"
          ? m.replace(/^(target|metric):(.+)$/, (_, kind, id) => `${kind}:${renamedId(id)}`)
          : m,
      );
  }
  for (const row of Array.isArray(s.calibration) ? s.calibration : []) {
    const r = obj(row);
    if (typeof r.metric === "string") r.metric = renamedId(r.metric);
  }
  return s;
}
