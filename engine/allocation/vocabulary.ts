// The fixed vocabularies of the allocation microsimulation. Scenario files name these ids; arrays in a
// run hold their indices.

/** Kinds of social home; a nultredenwoning is step-free and meant for seniors. */
export const DWELLING_TYPES = ["eengezinswoning", "appartement", "nultredenwoning"] as const;
export type DwellingType = (typeof DWELLING_TYPES)[number];
export const EENGEZINS = 0;
export const APPARTEMENT = 1;
export const NULTREDEN = 2;

/**
 * Streefhuur bands, each up to a rent limit of the huurtoeslag system: the kwaliteitskortingsgrens, the
 * first (low) aftoppingsgrens, the second (high) aftoppingsgrens and the liberalisatiegrens.
 */
export const RENT_BANDS = ["kwaliteitskorting", "aftopping_laag", "aftopping_hoog", "liberalisatie"] as const;
export type RentBand = (typeof RENT_BANDS)[number];
export const BAND_KWALITEITSKORTING = 0;
export const BAND_AFTOPPING_LAAG = 1;
export const BAND_AFTOPPING_HOOG = 2;

export const ENERGY_LABELS = ["A", "B", "C", "D", "E", "F", "G"] as const;
export type EnergyLabel = (typeof ENERGY_LABELS)[number];

/** Who a household is; starters, families, seniors and others seek as regular home-seekers. */
export const HOUSEHOLD_TYPES = ["starter", "gezin", "senior", "overig", "urgent", "statushouder"] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];
export const REGULAR_TYPES = ["starter", "gezin", "senior", "overig"] as const;
export const TYPE_URGENT = 4;
export const TYPE_STATUSHOUDER = 5;
export const N_REGULAR_TYPES = REGULAR_TYPES.length;

/**
 * Queues of home-seekers, and the allocation steps named after them. A doorstromer is a sitting senior
 * tenant of a family home who seeks a nultredenwoning; `vrij` holds incomes above the DAEB limit,
 * who can only be housed in the free allocation space.
 */
export const GROUPS = ["urgent", "statushouder", "doorstromer", "vrij", "regulier"] as const;
export type Group = (typeof GROUPS)[number];
export const URGENT = 0;
export const STATUSHOUDER = 1;
export const DOORSTROMER = 2;
export const VRIJ = 3;
export const REGULIER = 4;
export const N_GROUPS = GROUPS.length;

export const GROUP_LABELS: Record<Group, string> = {
  urgent: "urgenten",
  statushouder: "statushouders",
  doorstromer: "doorstromers (senioren uit een eengezinswoning)",
  vrij: "vrije toewijzing (inkomen boven de DAEB-grens)",
  regulier: "regulier woningzoekenden",
};

/** Income classes against the limits: under the passend-toewijzen limit, up to the DAEB limit, above it. */
export const INCOME_LOW = 0;
export const INCOME_MIDDLE = 1;
export const INCOME_HIGH = 2;

/** Why a social home fell vacant. */
export const VACANCY_SOURCES = ["turnover", "new_building", "acquisition", "chain", "sale"] as const;
export type VacancySource = (typeof VACANCY_SOURCES)[number];
export const FROM_TURNOVER = 0;
export const FROM_NEW_BUILDING = 1;
export const FROM_ACQUISITION = 2;
export const FROM_CHAIN = 3;
export const FROM_SALE = 4;

export const VACANCY_SOURCE_LABELS: Record<VacancySource, string> = {
  turnover: "door verhuizing of overlijden (mutatie)",
  new_building: "door nieuwbouw",
  acquisition: "door aankoop",
  chain: "door doorstroming (verhuisketen)",
  sale: "doordat een huurder een verkochte woning kocht",
};
