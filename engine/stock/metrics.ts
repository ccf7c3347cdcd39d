import { SEGMENT_LABELS, SEGMENTS } from "../kernel/domain";
import type { AddMetric, ModelNames } from "../kernel/metric";

/** The stock and pipeline model's metrics and their rows in a run's record: totals, then per kern. */
export interface StockLayout {
  stockTotal: number;
  stockBySegment: number[];
  /** Social rent per corporation, in the scenario's order (`stock.sociale_huur@<corporation>`). */
  stockSocialByCorporation: number[];
  shareSocial: number;
  completionsTotal: number;
  completionsBySegment: number[];
  completionsSleutel: number;
  /** Social rent each corporation adds by completions (`completions.sociaal@<corporation>`). */
  completionsSocialByCorporation: number[];
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
  /**
   * Sales and purchases per corporation, only with more than one corporation (with one they are the
   * totals above): `sales.sociale_huur@<corporation>`, `acquisitions.sociale_huur@<corporation>`.
   */
  salesByCorporation: number[];
  acquisitionsByCorporation: number[];
  /** Per kern, indexed by kern. */
  kernStockTotal: number[];
  kernStockBySegment: number[][];
  kernShareSocial: number[];
  kernCompletionsTotal: number[];
}

export function stockLayout(add: AddMetric, kernIds: readonly string[], names: ModelNames): StockLayout {
  const { corporation, corporations } = names;
  const layout: StockLayout = {
    stockTotal: add("stock.total", "Woningvoorraad", "woningen"),
    stockBySegment: SEGMENTS.map((s) => add(`stock.${s}`, `Voorraad ${SEGMENT_LABELS[s]}`, "woningen")),
    stockSocialByCorporation: corporations.map((c) =>
      add(`stock.sociale_huur@${c.id}`, `Sociale huur van ${c.name}`, "woningen"),
    ),
    shareSocial: add("share.sociale_huur", "Aandeel sociale huur in de voorraad", "aandeel"),
    completionsTotal: add("completions.total", "Opleveringen in het jaar", "woningen"),
    completionsBySegment: SEGMENTS.map((s) =>
      add(`completions.${s}`, `Opleveringen ${SEGMENT_LABELS[s]}`, "woningen"),
    ),
    completionsSleutel: add("completions.sleutelproject", "Opleveringen in sleutelprojecten", "woningen"),
    completionsSocialByCorporation: corporations.map((c) =>
      add(`completions.sociaal@${c.id}`, `Sociale huur opgeleverd door ${c.name}`, "woningen"),
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
    sales: add("sales.sociale_huur", `Verkocht door ${corporation}`, "woningen"),
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
    salesByCorporation: [],
    acquisitionsByCorporation: [],
    kernStockTotal: [],
    kernStockBySegment: [],
    kernShareSocial: [],
    kernCompletionsTotal: [],
  };
  if (corporations.length > 1) {
    for (const c of corporations) {
      layout.salesByCorporation.push(
        add(`sales.sociale_huur@${c.id}`, `Verkocht door ${c.name}`, "woningen"),
      );
      layout.acquisitionsByCorporation.push(
        add(`acquisitions.sociale_huur@${c.id}`, `Aangekocht door ${c.name} voor sociale huur`, "woningen"),
      );
    }
  }
  for (const k of kernIds) {
    layout.kernStockTotal.push(add("stock.total", "Woningvoorraad", "woningen", k));
    layout.kernStockBySegment.push(
      SEGMENTS.map((s) => add(`stock.${s}`, `Voorraad ${SEGMENT_LABELS[s]}`, "woningen", k)),
    );
    layout.kernShareSocial.push(add("share.sociale_huur", "Aandeel sociale huur", "aandeel", k));
    layout.kernCompletionsTotal.push(add("completions.total", "Opleveringen in het jaar", "woningen", k));
  }
  return layout;
}
