import { type AffordabilityLayout, affordabilityLayout } from "./affordability/metrics";
import { type AllocationLayout, allocationLayout } from "./allocation/metrics";
import type { DistributionDef } from "./distributions";
import { SEGMENT_LABELS, SEGMENTS } from "./domain";

/**
 * What a run records: one value per metric per year. Ids are stable (files and notebooks use them);
 * per-kern metrics are `<id>@<kern>`. The layout gives each metric its row in a run's record.
 */

export type MetricUnit =
  | "woningen"
  | "aandeel"
  | "inwoners"
  | "projecten"
  | "huishoudens"
  | "personen"
  | "jaren"
  | "euro";

export interface MetricDef {
  id: string;
  label: string;
  unit: MetricUnit;
  kern?: string;
  /**
   * A year can have no value (a search time in a year nobody in the group was housed): the run records
   * NO_VALUE, and the statistics are over the runs with a value, with their number beside them. Counting
   * such a year as 0 would read as "nobody waits" where nobody was housed.
   */
  sparse?: true;
}

/** What a run records for a sparse metric in a year without a value. Negative, so never a real value. */
export const NO_VALUE = -1;

export interface MetricLayout {
  defs: MetricDef[];
  /** Metrics recorded as distributions over units and runs (see ./distributions). */
  distributions: DistributionDef[];
  stockTotal: number;
  stockBySegment: number[];
  stockDomijnSocial: number;
  shareSocial: number;
  completionsTotal: number;
  completionsBySegment: number[];
  completionsSleutel: number;
  completionsDomijnSocial: number;
  newbuildShareSocial: number;
  newbuildShareAffordable: number;
  opgaveRealised: number;
  sales: number;
  salesWarmeJas: number;
  acquisitions: number;
  demolitions: number;
  splittingAdded: number;
  projectsDropped: number;
  plansNotInTime: number;
  inhabitants: number;
  /** Per kern, indexed by kern. */
  kernStockTotal: number[];
  kernStockBySegment: number[][];
  kernShareSocial: number[];
  kernCompletionsTotal: number[];
  /** The allocation microsimulation's metrics, when the scenario has an allocation block. */
  allocation?: AllocationLayout;
  /** The affordability metrics, when the scenario has an affordability block. */
  affordability?: AffordabilityLayout;
}

export function metricLayout(
  kernIds: readonly string[],
  options: { allocation?: boolean; affordability?: boolean } = {},
): MetricLayout {
  const defs: MetricDef[] = [];
  const add = (id: string, label: string, unit: MetricUnit, kern?: string, sparse?: boolean) => {
    const def: MetricDef =
      kern === undefined
        ? { id, label, unit }
        : { id: `${id}@${kern}`, label: `${label} (${kern})`, unit, kern };
    if (sparse) def.sparse = true;
    defs.push(def);
    return defs.length - 1;
  };
  const layout: MetricLayout = {
    defs,
    distributions: [],
    stockTotal: add("stock.total", "Woningvoorraad", "woningen"),
    stockBySegment: SEGMENTS.map((s) => add(`stock.${s}`, `Voorraad ${SEGMENT_LABELS[s]}`, "woningen")),
    stockDomijnSocial: add("stock.sociale_huur.domijn", "Sociale huur van Domijn", "woningen"),
    shareSocial: add("share.sociale_huur", "Aandeel sociale huur in de voorraad", "aandeel"),
    completionsTotal: add("completions.total", "Opleveringen in het jaar", "woningen"),
    completionsBySegment: SEGMENTS.map((s) =>
      add(`completions.${s}`, `Opleveringen ${SEGMENT_LABELS[s]}`, "woningen"),
    ),
    completionsSleutel: add("completions.sleutelproject", "Opleveringen in sleutelprojecten", "woningen"),
    completionsDomijnSocial: add(
      "completions.domijn_sociaal",
      "Sociale huur opgeleverd door Domijn",
      "woningen",
    ),
    newbuildShareSocial: add(
      "newbuild_share.sociale_huur",
      "Aandeel sociale huur in de nieuwbouw (cumulatief)",
      "aandeel",
    ),
    newbuildShareAffordable: add(
      "newbuild_share.betaalbaar",
      "Aandeel betaalbaar (sociale huur, middenhuur, betaalbare koop) in de nieuwbouw (cumulatief)",
      "aandeel",
    ),
    opgaveRealised: add("opgave.realised", "Gerealiseerd van de opgave (cumulatief)", "woningen"),
    sales: add("sales.sociale_huur", "Verkocht door Domijn", "woningen"),
    salesWarmeJas: add("sales.warme_jas", "Verkocht met warme jas", "woningen"),
    acquisitions: add("acquisitions.sociale_huur", "Aangekocht voor sociale huur", "woningen"),
    demolitions: add("demolitions.total", "Gesloopt", "woningen"),
    splittingAdded: add("splitting.added", "Extra woningen door splitsing", "woningen"),
    projectsDropped: add("projects.dropped", "Uitgevallen projecten (cumulatief)", "projecten"),
    plansNotInTime: add(
      "plans.not_in_time",
      "Aandeel van de woningen gepland tot en met het jaar dat eind van dat jaar niet is opgeleverd (uitval of vertraging)",
      "aandeel",
    ),
    inhabitants: add("inhabitants", "Inwoners", "inwoners"),
    kernStockTotal: [],
    kernStockBySegment: [],
    kernShareSocial: [],
    kernCompletionsTotal: [],
  };
  for (const k of kernIds) {
    layout.kernStockTotal.push(add("stock.total", "Woningvoorraad", "woningen", k));
    layout.kernStockBySegment.push(
      SEGMENTS.map((s) => add(`stock.${s}`, `Voorraad ${SEGMENT_LABELS[s]}`, "woningen", k)),
    );
    layout.kernShareSocial.push(add("share.sociale_huur", "Aandeel sociale huur", "aandeel", k));
    layout.kernCompletionsTotal.push(add("completions.total", "Opleveringen in het jaar", "woningen", k));
  }
  if (options.allocation) layout.allocation = allocationLayout(add, kernIds);
  if (options.allocation && options.affordability) {
    layout.affordability = affordabilityLayout(add, layout.distributions);
  }
  return layout;
}
