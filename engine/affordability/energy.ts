/**
 * Monthly energy costs by energy label and household size. A better label costs less; the warme jas
 * (roof, façade, floor and glass insulation Domijn puts on a home before it sells it) lifts a home to
 * the scenario's label (about B).
 */
export { ENERGY_LABELS } from "../allocation/vocabulary";

export interface EnergyParams {
  /** Euros a month for a one-person household, per label in the order of ENERGY_LABELS. */
  monthlyByLabel: Float64Array;
  /** Extra euros a month per person beyond the first. */
  perExtraPerson: number;
}

export function energyCost(p: EnergyParams, label: number, persons: number): number {
  return p.monthlyByLabel[label] + p.perExtraPerson * Math.max(0, persons - 1);
}

/** The label after a warme jas: never worse than before. */
export function afterWarmeJas(label: number, warmeJasLabel: number): number {
  return Math.min(label, warmeJasLabel);
}
