import type { AddMetric, ModelNames } from "../kernel/metric";
import { GROUP_LABELS, GROUPS, REGULAR_TYPES, VACANCY_SOURCE_LABELS, VACANCY_SOURCES } from "./vocabulary";

/**
 * The allocation's metrics and their rows in a run's record. Ids are stable: `allocations.<group>`,
 * `search_time.<group>` (median years registered at allocation, over the year's allocations; no value
 * in a year without any: a sparse metric, see ../metrics), `queue.total`, `vacancies.<source>`, and so on; per kern `<id>@<kern>`.
 */

const SPARSE = true;

export interface AllocationLayout {
  allocationsTotal: number;
  /** Per group (GROUPS order). */
  allocations: number[];
  searchTimeMedian: number[];
  searchTimeP90: number[];
  /** Median search time per regular household type (starter, gezin, senior, overig), whatever the queue. */
  searchTimeByType: number[];
  queueTotal: number;
  queue: number[];
  vacanciesTotal: number;
  /** Per VACANCY_SOURCES. */
  vacancies: number[];
  vacanciesCarriedOver: number;
  vacanciesRemoved: number;
  vacanciesOpen: number;
  sharePassend: number;
  passendExceptions: number;
  statushoudersHoused: number;
  statushoudersTaakstelling: number;
  statushoudersHousedCumulative: number;
  statushoudersTaakstellingCumulative: number;
  /** Persons housed outside social rent by the municipality, and households housed in homes labelled for sale. */
  statushoudersAlternative: number;
  housedElsewhere: number;
  saleHomesToStatushouders: number;
  /** Share of tenant households, and of households waiting without a social home, whose head is 65 or older. */
  shareTenants65: number;
  shareSeekers65: number;
  /** Tenants who moved out in the year over the social homes: the mutatiegraad. */
  turnoverRate: number;
  shareFree: number;
  registered: number;
  leftQueue: number;
  movedOut: number;
  salesToTenants: number;
  dwellings: number;
  /** Per kern. */
  kernAllocations: number[];
  kernVacancies: number[];
  kernSearchTimeRegulier: number[];
  /** `search_time.<type>@<kern>`, `[type][kern]`: a starter in Overdinkel, a senior in Losser. */
  kernSearchTimeByType: number[][];
}

export function allocationLayout(
  add: AddMetric,
  kernIds: readonly string[],
  names: ModelNames,
): AllocationLayout {
  const layout: AllocationLayout = {
    allocationsTotal: add("allocations.total", "Toewijzingen sociale huur", "huishoudens"),
    allocations: GROUPS.map((g) =>
      add(`allocations.${g}`, `Toewijzingen aan ${GROUP_LABELS[g]}`, "huishoudens"),
    ),
    searchTimeMedian: GROUPS.map((g) =>
      add(
        `search_time.${g}`,
        `Zoektijd ${GROUP_LABELS[g]} (mediaan van het jaar)`,
        "jaren",
        undefined,
        SPARSE,
      ),
    ),
    searchTimeP90: GROUPS.map((g) =>
      add(
        `search_time.${g}.p90`,
        `Zoektijd ${GROUP_LABELS[g]} (P90 van het jaar)`,
        "jaren",
        undefined,
        SPARSE,
      ),
    ),
    searchTimeByType: REGULAR_TYPES.map((t) =>
      add(
        `search_time.${t}`,
        `Zoektijd ${TYPE_LABELS[t]} (mediaan van het jaar)`,
        "jaren",
        undefined,
        SPARSE,
      ),
    ),
    queueTotal: add("queue.total", "Wachtenden aan het eind van het jaar", "huishoudens"),
    queue: GROUPS.map((g) => add(`queue.${g}`, `Wachtenden: ${GROUP_LABELS[g]}`, "huishoudens")),
    vacanciesTotal: add("vacancies.total", "Vrijgekomen woningen (inclusief overloop)", "woningen"),
    vacancies: VACANCY_SOURCES.map((s) =>
      add(`vacancies.${s}`, `Vrijgekomen ${VACANCY_SOURCE_LABELS[s]}`, "woningen"),
    ),
    vacanciesCarriedOver: add("vacancies.carried_over", "Leegstand uit het vorige jaar", "woningen"),
    vacanciesRemoved: add("vacancies.removed", "Leeg verkocht of gesloopt", "woningen"),
    vacanciesOpen: add("vacancies.open", "Leeg aan het eind van het jaar", "woningen"),
    sharePassend: add(
      "share.passend_toegewezen",
      "Aandeel passend toegewezen (van toewijzingen aan inkomens onder de grens)",
      "aandeel",
      undefined,
      SPARSE,
    ),
    passendExceptions: add(
      "allocations.passend_uitzondering",
      "Toewijzingen met maatwerk-uitzondering",
      "huishoudens",
    ),
    statushoudersHoused: add("statushouders.housed", "Statushouders gehuisvest", "personen"),
    statushoudersTaakstelling: add("statushouders.taakstelling", "Taakstelling statushouders", "personen"),
    statushoudersHousedCumulative: add(
      "statushouders.housed_cumulative",
      "Statushouders gehuisvest (cumulatief)",
      "personen",
    ),
    statushoudersTaakstellingCumulative: add(
      "statushouders.taakstelling_cumulative",
      "Taakstelling statushouders (cumulatief)",
      "personen",
    ),
    statushoudersAlternative: add(
      "statushouders.alternative",
      "Statushouders gehuisvest buiten de sociale huur (alternatieven van de gemeente)",
      "personen",
    ),
    housedElsewhere: add(
      "households.housed_elsewhere",
      "Huishoudens (statushouders) van de wachtlijst gehuisvest buiten de sociale huur",
      "huishoudens",
    ),
    saleHomesToStatushouders: add(
      "statushouders.in_sale_homes",
      "Statushouders gehuisvest in een woning met verkooplabel",
      "huishoudens",
    ),
    shareTenants65: add("share.tenants_65plus", "Aandeel huurders van 65 jaar of ouder", "aandeel"),
    shareSeekers65: add(
      "share.seekers_65plus",
      "Aandeel woningzoekenden (zonder sociale huurwoning) van 65 jaar of ouder",
      "aandeel",
    ),
    turnoverRate: add(
      "rate.mutatie",
      "Mutatiegraad: vertrokken huurders als deel van de sociale huurwoningen",
      "aandeel",
    ),
    shareFree: add("share.vrije_toewijzing", "Aandeel vrije toewijzing", "aandeel"),
    registered: add("households.registered", "Nieuw ingeschreven woningzoekenden", "huishoudens"),
    leftQueue: add("households.left_queue", "Uitgeschreven zonder sociale huurwoning", "huishoudens"),
    movedOut: add("tenants.moved_out", "Vertrokken huurders (mutatie)", "huishoudens"),
    salesToTenants: add(
      "sales.to_tenants",
      `Verkochte woningen gekocht door huurders uit ${names.municipality}`,
      "woningen",
    ),
    dwellings: add("dwellings.sociale_huur", "Sociale huurwoningen in de microsimulatie", "woningen"),
    kernAllocations: [],
    kernVacancies: [],
    kernSearchTimeRegulier: [],
    kernSearchTimeByType: REGULAR_TYPES.map(() => []),
  };
  for (const k of kernIds) {
    layout.kernAllocations.push(add("allocations.total", "Toewijzingen sociale huur", "huishoudens", k));
    layout.kernVacancies.push(
      add("vacancies.total", "Vrijgekomen woningen (inclusief overloop)", "woningen", k),
    );
    layout.kernSearchTimeRegulier.push(
      add(
        "search_time.regulier",
        `Zoektijd ${GROUP_LABELS.regulier} (mediaan van het jaar)`,
        "jaren",
        k,
        SPARSE,
      ),
    );
    REGULAR_TYPES.forEach((t, i) => {
      layout.kernSearchTimeByType[i].push(
        add(`search_time.${t}`, `Zoektijd ${TYPE_LABELS[t]} (mediaan van het jaar)`, "jaren", k, SPARSE),
      );
    });
  }
  return layout;
}

const TYPE_LABELS: Record<(typeof REGULAR_TYPES)[number], string> = {
  starter: "starters",
  gezin: "gezinnen",
  senior: "senioren",
  overig: "overige huishoudens",
};
