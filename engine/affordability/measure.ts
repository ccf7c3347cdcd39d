import type { AllocationContext } from "../allocation/context";
import { OCCUPIED, WAITING } from "../allocation/state";
import { INCOME_LOW } from "../allocation/vocabulary";
import { addSamples, type Histograms } from "../kernel/distributions";
import { energyCost } from "./energy";
import { huurtoeslagAbove } from "./huurtoeslag";
import type { AffordabilityContext } from "./rents";

/** Energy label E (A = 0 … G = 6): E, F and G are what the national agreements want gone after 2028. */
const LABEL_E = 4;

/**
 * At the end of each year: what every sampled tenant household pays and has left. Housing costs
 * (woonlasten) are rent plus energy minus huurtoeslag; the huurquote is net rent, the woonquote housing
 * costs, over disposable income; betaalrisico is what is left of disposable income after housing costs
 * falling below the norm for basic needs (PBL and Nibud's definitions; the norm is the scenario's). Every `sampleEvery`-th home is measured, the subset rotating with the
 * run, and counts are scaled back up.
 */
export function measureAffordability(
  ctx: AllocationContext,
  aff: AffordabilityContext,
  histograms: Histograms,
): void {
  const { st, record, nYears } = ctx;
  const { model, lay } = aff;
  const y = ctx.year;
  const every = model.sampleEvery;
  const offset = ctx.run % every;
  const L = y * 4;
  const kkg = model.limits[L];
  const lib = model.limits[L + 3];
  const incomeIndex = model.incomeIndex[y];
  const energyIndex = model.energyIndex[y];
  const normIndex = model.normIndex[y];
  // The huurtoeslag's euro parameters move with rents (minimum basishuur) and incomes (income floor).
  const minimum = (model.huurtoeslag.minimumBasishuur * model.limits[L]) / ctx.am.rentLimits[0];
  const floor = model.huurtoeslag.incomeFloor * incomeIndex;
  const slope = model.huurtoeslag.slope;
  const { dwState, dwBand, dwTenant, dwLabel, hhSize, hhIncome } = st;
  const net = aff.tenantNet;
  const maxRentCondition = model.maxRentCondition[y] === 1;
  const { rent: rents } = aff;
  const nDwellings = st.nDwellings;
  const aftoppingLaag = model.limits[L + 1];
  const aftoppingHoog = model.limits[L + 2];
  let n = 0;
  let risk = 0;
  let toeslagTotal = 0;
  let energyTotal = 0;
  let rentTotal = 0;
  const { huurquote, woonquote, woonlasten } = aff;
  const bandRent = aff.bandRent.fill(0);
  const bandSampled = aff.bandSampled.fill(0);
  for (let d = offset; d < nDwellings; d += every) {
    if (dwState[d] !== OCCUPIED) continue;
    const band = dwBand[d];
    const h = dwTenant[d];
    const size = hhSize[h];
    // Huurtoeslag goes by gross income; what a household can spend, by disposable income (PBL, Nibud).
    const income = hhIncome[h] * incomeIndex;
    const monthly = (net[d] * incomeIndex) / 12;
    const rent = rents[d];
    const base = minimum + (slope * Math.max(0, income - floor)) / 12;
    const aftopping = size <= 2 ? aftoppingLaag : aftoppingHoog;
    const toeslag = huurtoeslagAbove(model.huurtoeslag, base, rent, kkg, aftopping, lib, maxRentCondition);
    const energy = energyCost(model.energy, dwLabel[d], size) * energyIndex;
    const costs = rent - toeslag + energy;
    huurquote[n] = monthly > 0 ? (rent - toeslag) / monthly : 1;
    woonquote[n] = monthly > 0 ? costs / monthly : 1;
    woonlasten[n] = costs;
    if (monthly - costs < model.norms[Math.min(size, 4) - 1] * normIndex) risk++;
    n++;
    toeslagTotal += toeslag;
    energyTotal += energy;
    rentTotal += rent;
    bandRent[band] += rent;
    bandSampled[band]++;
  }
  addSamples(histograms, lay.huurquoteDistribution, y, huurquote, n);
  addSamples(histograms, lay.woonquoteDistribution, y, woonquote, n);
  addSamples(histograms, lay.woonlastenDistribution, y, woonlasten, n);
  // Homes by band and the corporations' homes by label are counted as they change (see ../allocation/state).
  let poorLabel = 0;
  for (let label = LABEL_E; label < st.corporationsByLabel.length; label++)
    poorLabel += st.corporationsByLabel[label];
  record[lay.betaalrisicoCount * nYears + y] = risk * every;
  record[lay.betaalrisicoShare * nYears + y] = n > 0 ? risk / n : 0;
  record[lay.huurtoeslagTotal * nYears + y] = toeslagTotal * 12 * every;
  record[lay.energyCostMean * nYears + y] = n > 0 ? energyTotal / n : 0;
  record[lay.rentMean * nYears + y] = n > 0 ? rentTotal / n : 0;
  record[lay.labelEfg * nYears + y] = poorLabel;
  for (let b = 0; b < 4; b++) {
    record[lay.homesByBand[b] * nYears + y] = st.bandHomes[b];
    record[lay.rentMeanByBand[b] * nYears + y] = bandSampled[b] > 0 ? bandRent[b] / bandSampled[b] : 0;
  }
  countSeekers(ctx, aff, offset, every);
}

/** The agreement's yearly check: active home-seekers by the rent passend toewijzen allows them (sampled as the homes are). */
function countSeekers(
  ctx: AllocationContext,
  aff: AffordabilityContext,
  offset: number,
  every: number,
): void {
  const { st, record, nYears } = ctx;
  const { lay } = aff;
  const y = ctx.year;
  let small = 0;
  let large = 0;
  let any = 0;
  for (let h = offset; h < st.nHouseholds; h += every) {
    // Waiting and not living in a social home: a sitting tenant who seeks another home keeps one.
    if (st.hhState[h] !== WAITING) continue;
    if (st.hhClass[h] !== INCOME_LOW) any++;
    else if (st.hhSize[h] <= 2) small++;
    else large++;
  }
  record[lay.seekersUpToAftoppingLaag * nYears + y] = small * every;
  record[lay.seekersUpToAftoppingHoog * nYears + y] = large * every;
  record[lay.seekersAnyBand * nYears + y] = any * every;
}
