import type { AffordabilityModel } from "../../../../../engine/affordability/compile";
import type { AffordabilityLayout } from "../../../../../engine/affordability/metrics";
import { streefhuur } from "../../../../../engine/affordability/streefhuur";
import { INCOME_LOW } from "../../../../../engine/allocation/vocabulary";
import { nameKey, uniform } from "../../../../../engine/kernel/random";
import type { AllocationContext } from "../allocation/context";
import { OCCUPIED, REMOVED } from "../allocation/state";

/** The reference model knows one corporation: the first owner (owners as data, see engine/kernel/cells). */
const DOMIJN = 0;

/**
 * Rents home by home, on the allocation model's homes: set at the start (a share of the streefhuur),
 * set anew when a home is let (harmonised to the streefhuur, or kept), raised once a year for sitting
 * tenants by the rent policy, and never above the liberalisatiegrens.
 */

export interface AffordabilityContext {
  model: AffordabilityModel;
  lay: AffordabilityLayout;
  /** Monthly rent of each home's current or last contract; 0 for a home never let. */
  rent: Float64Array;
  /** Where each home's streefhuur lies inside its band (0…1): a property of the home, the same in every run. */
  position: Float64Array;
}

export function affordabilityContext(
  model: AffordabilityModel,
  lay: AffordabilityLayout,
  capDwellings: number,
): AffordabilityContext {
  const key = nameKey("betaalbaarheid:positie");
  return {
    model,
    lay,
    rent: new Float64Array(capDwellings),
    position: Float64Array.from({ length: capDwellings }, (_, d) => 0.15 + 0.7 * uniform(0, key, d)),
  };
}

/** The streefhuur of home d in year index y. */
export function targetRent(ctx: AllocationContext, aff: AffordabilityContext, d: number, y: number): number {
  return streefhuur(ctx.st.dwBand[d], aff.model.limits, y, aff.position[d]);
}

/** At the start of a run: sitting tenants pay their share of the streefhuur; other rows are empty. */
export function startRents(ctx: AllocationContext, aff: AffordabilityContext): void {
  aff.rent.fill(0);
  const share = aff.model.sittingRentShare;
  for (let d = 0; d < ctx.st.nDwellings; d++) aff.rent[d] = share * targetRent(ctx, aff, d, 0);
}

/**
 * The rent when home d is let to household h. In a freeze year a home that had a rent keeps it: a
 * freeze raises no rent, also not by harmonisation. Under the two-rent policy a household under the
 * passend limit pays at most the aftoppingsgrens for its size.
 */
export function rentAtLetting(ctx: AllocationContext, aff: AffordabilityContext, h: number, d: number): void {
  const { model } = aff;
  const y = ctx.year;
  const previous = aff.rent[d];
  let rent = previous;
  if (previous === 0 || (model.harmonise && model.freeze[y] === 0)) rent = targetRent(ctx, aff, d, y);
  if (model.twoRent && ctx.st.hhClass[h] === INCOME_LOW) {
    rent = Math.min(rent, model.limits[y * 4 + (ctx.st.hhSize[h] <= 2 ? 1 : 2)]);
  }
  aff.rent[d] = Math.min(rent, model.limits[y * 4 + 3]);
}

/** Once a year (in July): sitting tenants' rents go up by the policy's increase, up to the liberalisatiegrens. */
export function raiseRents(ctx: AllocationContext, aff: AffordabilityContext): void {
  const { st } = ctx;
  const y = ctx.year;
  const factor = 1 + aff.model.increase[y];
  const ceiling = aff.model.limits[y * 4 + 3];
  for (let d = 0; d < st.nDwellings; d++) {
    if (st.dwState[d] !== OCCUPIED) continue;
    const raised = aff.rent[d] * factor;
    // A home already above the ceiling (the ceiling fell, or the rent was set before) is not raised.
    if (raised > aff.rent[d]) aff.rent[d] = Math.max(aff.rent[d], Math.min(raised, ceiling));
  }
}

/**
 * Once a year: Domijn puts a warme jas on its worst-labelled homes, up to the number the scenario sets;
 * then, on the national path, renovates enough of its homes below the allowed label that none is left
 * by the target year (an equal part of what remains in each July up to it).
 */
export function insulate(ctx: AllocationContext, aff: AffordabilityContext): void {
  const { model } = aff;
  improveWorst(ctx, model.warmeJasPerYear, model.warmeJasLabel, -1);
  if (model.renovateBy < 0) return;
  const { st } = ctx;
  let below = 0;
  for (let d = 0; d < st.nDwellings; d++)
    if (st.dwLabel[d] > model.renovateAbove && st.dwState[d] !== REMOVED && st.dwOwner[d] === DOMIJN) below++;
  const julysLeft = model.renovateBy - ctx.year + 1;
  const now = julysLeft <= 1 ? below : Math.ceil(below / julysLeft);
  const done = improveWorst(ctx, now, model.renovateTo, model.renovateAbove);
  ctx.record[aff.lay.renovated * ctx.nYears + ctx.year] += done;
}

/** Bring up to `n` of Domijn's homes, worst label first, to `label`; only labels above `floor`. Returns how many. */
function improveWorst(ctx: AllocationContext, n: number, label: number, floor: number): number {
  const { st } = ctx;
  let left = n;
  for (let worst = 6; worst > Math.max(label, floor) && left > 0; worst--) {
    for (let d = 0; d < st.nDwellings && left > 0; d++) {
      if (st.dwLabel[d] !== worst || st.dwState[d] === REMOVED || st.dwOwner[d] !== DOMIJN) continue;
      st.dwLabel[d] = label;
      left--;
    }
  }
  return n - left;
}
