import { RENT_BANDS } from "../allocation/vocabulary";
import type { DistributionDef } from "../kernel/distributions";
import type { AddMetric, ModelNames } from "../kernel/metric";

/**
 * The affordability metrics and their rows. `huurquote` and `woonlasten` are distributions over tenant
 * households and runs together (see ../distributions); the rest are one number per run and year.
 */
export interface AffordabilityLayout {
  /** Indices into the layout's distributions. */
  huurquoteDistribution: number;
  woonquoteDistribution: number;
  woonlastenDistribution: number;
  betaalrisicoCount: number;
  betaalrisicoShare: number;
  huurtoeslagTotal: number;
  energyCostMean: number;
  rentMean: number;
  /** The corporations' homes with label E, F or G at the end of the year, and homes renovated in the year. */
  labelEfg: number;
  renovated: number;
  /** Per band (RENT_BANDS order). */
  rentMeanByBand: number[];
  homesByBand: number[];
  /** The agreement's yearly check: home-seekers by what they may be offered under passend toewijzen. */
  seekersUpToAftoppingLaag: number;
  seekersUpToAftoppingHoog: number;
  seekersAnyBand: number;
}

export const SEEKER_NEEDS = ["tot_aftopping_laag", "tot_aftopping_hoog", "alle_klassen"] as const;

export function affordabilityLayout(
  add: AddMetric,
  distributions: DistributionDef[],
  names: ModelNames,
): AffordabilityLayout {
  const distribution = (def: DistributionDef) => {
    distributions.push(def);
    return distributions.length - 1;
  };
  return {
    huurquoteDistribution: distribution({
      id: "huurquote",
      label: "Huurquote: netto huur (na huurtoeslag) als deel van het besteedbaar inkomen",
      unit: "aandeel",
      min: 0,
      max: 1,
      bins: 500,
      resolution: 1e-6,
    }),
    woonquoteDistribution: distribution({
      id: "woonquote",
      label: "Woonquote: woonlasten (huur plus energie min huurtoeslag) als deel van het besteedbaar inkomen",
      unit: "aandeel",
      min: 0,
      max: 1.5,
      bins: 750,
      resolution: 1e-6,
    }),
    woonlastenDistribution: distribution({
      id: "woonlasten",
      label: "Woonlasten per maand: huur plus energie min huurtoeslag",
      unit: "euro",
      min: 0,
      max: 2000,
      bins: 800,
      resolution: 0.01,
    }),
    betaalrisicoCount: add("betaalrisico.count", "Huurders met betaalrisico", "huishoudens"),
    betaalrisicoShare: add("betaalrisico.share", "Aandeel huurders met betaalrisico", "aandeel"),
    huurtoeslagTotal: add(
      "huurtoeslag.total",
      "Huurtoeslag aan huurders van sociale huurwoningen per jaar",
      "euro",
    ),
    energyCostMean: add("energy_cost.mean", "Gemiddelde energiekosten per maand", "euro"),
    rentMean: add("rent.mean", "Gemiddelde huur per maand", "euro"),
    labelEfg: add(
      "homes.label_efg",
      `Woningen van ${names.corporation} met energielabel E, F of G`,
      "woningen",
    ),
    renovated: add(
      "homes.renovated",
      `Woningen van ${names.corporation} gerenoveerd naar een beter label`,
      "woningen",
    ),
    rentMeanByBand: RENT_BANDS.map((b) =>
      add(`rent.mean@${b}`, `Gemiddelde huur per maand, klasse tot ${b.replace("_", " ")}grens`, "euro"),
    ),
    homesByBand: RENT_BANDS.map((b) =>
      add(
        `homes.band@${b}`,
        `Sociale huurwoningen met streefhuur tot ${b.replace("_", " ")}grens`,
        "woningen",
      ),
    ),
    seekersUpToAftoppingLaag: add(
      "check.seekers@tot_aftopping_laag",
      "Woningzoekenden die passend een huur tot de eerste aftoppingsgrens moeten krijgen (1–2 personen, laag inkomen)",
      "huishoudens",
    ),
    seekersUpToAftoppingHoog: add(
      "check.seekers@tot_aftopping_hoog",
      "Woningzoekenden die passend een huur tot de tweede aftoppingsgrens moeten krijgen (3+ personen, laag inkomen)",
      "huishoudens",
    ),
    seekersAnyBand: add(
      "check.seekers@alle_klassen",
      "Woningzoekenden voor wie elke huurklasse passend is",
      "huishoudens",
    ),
  };
}
