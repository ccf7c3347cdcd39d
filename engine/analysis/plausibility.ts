import { formatPath, type InputProblem } from "../kernel/errors";
import { figureValue } from "../kernel/figure";
import { formatCount, formatDecimal } from "../kernel/format";
import type { Scenario } from "../scenario";

/**
 * The "onwaarschijnlijk" tier below the hard limits (engine/stock/schema.ts LIMITS): a scenario that
 * passes them can still hold figures no municipality has, most often a typo (an extra zero, months
 * for years). These are warnings, not errors: the scenario still runs, and the user decides.
 * Each warning names the field, in the paths the error messages use.
 */

export const PLAUSIBLE = {
  /** A project larger than this share of its kern's starting stock. */
  projectShareOfKern: 0.25,
  /** All projects together larger than this share of the municipality's starting stock. */
  projectsShareOfStock: 0.5,
  /** Inhabitants per dwelling at the start. */
  personsPerDwelling: { min: 1, max: 4 },
  /** The most likely delay of a status, an objection or a shock, in months. */
  delayModeMonths: 60,
  /** Years simulated. */
  periodYears: 30,
} as const;

type Months = { min: unknown; mode: unknown; max: unknown };

export function plausibilityWarnings(scenario: Scenario): InputProblem[] {
  const warnings: InputProblem[] = [];
  const warn = (path: PropertyKey[], message: string) => warnings.push({ path: formatPath(path), message });

  const stockByKern = new Map<string, number>();
  let stockTotal = 0;
  for (const row of scenario.stock) {
    const n = figureValue(row.dwellings);
    stockByKern.set(row.kern, (stockByKern.get(row.kern) ?? 0) + n);
    stockTotal += n;
  }

  let projectsTotal = 0;
  scenario.projects.forEach((p, i) => {
    const u = p.units;
    const homes =
      figureValue(u.sociale_huur) +
      figureValue(u.middenhuur) +
      figureValue(u.betaalbare_koop) +
      figureValue(u.duur);
    projectsTotal += homes;
    const kernStock = stockByKern.get(p.kern) ?? 0;
    if (homes > PLAUSIBLE.projectShareOfKern * kernStock) {
      warn(
        ["projects", i, "units"],
        `onwaarschijnlijk: project ${p.id} heeft ${formatCount(homes)} woningen, meer dan een kwart van de ${formatCount(kernStock)} woningen in ${p.kern} bij de start; klopt het aantal?`,
      );
    }
  });
  if (stockTotal > 0 && projectsTotal > PLAUSIBLE.projectsShareOfStock * stockTotal) {
    warn(
      ["projects"],
      `onwaarschijnlijk: de projecten samen hebben ${formatCount(projectsTotal)} woningen, meer dan de helft van de ${formatCount(stockTotal)} woningen in de gemeente bij de start`,
    );
  }

  const inhabitants = figureValue(scenario.municipality.inhabitants);
  if (stockTotal > 0) {
    const perDwelling = inhabitants / stockTotal;
    const { min, max } = PLAUSIBLE.personsPerDwelling;
    if (perDwelling < min || perDwelling > max) {
      warn(
        ["municipality", "inhabitants"],
        `onwaarschijnlijk: ${formatCount(inhabitants)} inwoners op ${formatCount(stockTotal)} woningen is ${formatDecimal(perDwelling)} per woning; gebruikelijk is ${min} tot ${max}`,
      );
    }
  }

  const delay = (months: Months, path: PropertyKey[]) => {
    const mode = figureValue(months.mode as number);
    if (mode > PLAUSIBLE.delayModeMonths) {
      warn(
        [...path, "mode"],
        `onwaarschijnlijk: een gebruikelijke vertraging van ${formatCount(mode)} maanden (meer dan ${PLAUSIBLE.delayModeMonths / 12} jaar); bedoelde je weken of jaren?`,
      );
    }
  };
  for (const [status, a] of Object.entries(scenario.pipeline.statuses)) {
    delay(a.delayMonths, ["pipeline", "statuses", status, "delayMonths"]);
    delay(a.objection.months, ["pipeline", "statuses", status, "objection", "months"]);
  }
  scenario.pipeline.shocks.forEach((s, i) => {
    delay(s.delayMonths, ["pipeline", "shocks", i, "delayMonths"]);
  });

  const years = scenario.simulation.endYear - Number(scenario.simulation.start.slice(0, 4)) + 1;
  if (years > PLAUSIBLE.periodYears) {
    warn(
      ["simulation", "endYear"],
      `onwaarschijnlijk: ${years} jaar simuleren; na ${PLAUSIBLE.periodYears} jaar zeggen de aannames weinig meer`,
    );
  }
  return warnings;
}
