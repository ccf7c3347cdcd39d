import type { Model } from "./compile";
import { N_SEGMENTS, SOCIAL } from "./kernel/cells";
import { figureValue } from "./kernel/figure";
import type { MetricUnit } from "./kernel/metric";
import { type MetricLayout, namesOf } from "./metrics";
import type { Scenario } from "./scenario";

/**
 * The agreement's targets, each in one place: its id, its Dutch label, the metric it reads, its
 * threshold and the check. The scorecard, the CLI table and the notebooks read these; they never
 * redefine a target. A check sees one run's record and a year index and says: met or not.
 */

/**
 * `deadline`: met or not in the year the agreement names. `reach`: the agreement names no year, so the
 * question is in which year it is reached; `met` then means "reached in this year or before".
 */
export type TargetKind = "deadline" | "reach";

export interface TargetDef {
  id: string;
  label: string;
  kind: TargetKind;
  /** The metric whose value the scorecard shows beside the probability. */
  metric: string;
  /** The unit of the target's value (its metric's, or "aandeel" for a ratio): how every view shows it. */
  unit: MetricUnit;
  /** Human-readable rule, e.g. "≥ 1.225 woningen". */
  rule: string;
  /**
   * The year the target is read in: the year the agreement names, the end of its period for the
   * agreement's 2025–2030 targets, the end of a window for windows; for a `reach` target the last year
   * simulated ("gehaald vóór eind 2035").
   */
  deadlineYear: number;
  /** Where the year comes from, in Dutch: "de overeenkomst noemt 2034", "einde van de overeenkomst". */
  yearBasis: string;
  /** Threshold values for charts (a line at the target). */
  threshold: number;
  met: (record: Float64Array, year: number) => boolean;
  /** The target's own value in a run and year: its metric, or a derived figure (a window's sum). */
  value: (record: Float64Array, year: number) => number;
}

const nl = (x: number) => x.toLocaleString("nl-NL", { maximumFractionDigits: 1 });
const pct = (x: number) => `${nl(x * 100)}%`;

export function defineTargets(scenario: Scenario, model: Model, layout: MetricLayout): TargetDef[] {
  const nY = model.cal.nYears;
  const startYear = model.cal.startYear;
  const endYear = model.cal.endYear;
  const at = (metric: number) => (record: Float64Array, y: number) => record[metric * nY + y];
  const t = scenario.targets;
  // The agreement's own targets run to the end of its period; without an agreement block, to the end.
  const agreementEnd = Math.min(scenario.agreement?.untilYear ?? endYear, endYear);
  const agreementBasis = scenario.agreement
    ? `einde van de looptijd van de overeenkomst (${scenario.agreement.fromYear}–${scenario.agreement.untilYear})`
    : "laatste gesimuleerde jaar";
  const socialShare = figureValue(t.socialShareNewBuild);
  const affordableShare = figureValue(t.affordableShareNewBuild);
  const targets: TargetDef[] = [];

  const realised = at(layout.opgaveRealised);
  targets.push({
    id: "opgave",
    kind: "deadline",
    label: `${nl(model.opgaveHomes)} woningen gerealiseerd in ${model.opgaveDeadlineYear}`,
    metric: "opgave.realised",
    unit: "woningen",
    rule: `≥ ${nl(model.opgaveHomes)} woningen`,
    deadlineYear: model.opgaveDeadlineYear,
    yearBasis: "het jaar van de opgave",
    threshold: model.opgaveHomes,
    met: (r, y) => realised(r, y) >= model.opgaveHomes,
    value: realised,
  });

  const newbuildSocial = at(layout.newbuildShareSocial);
  targets.push({
    id: "nieuwbouw_sociaal",
    kind: "deadline",
    label: `${pct(socialShare)} sociale huur in de nieuwbouw (opgeteld sinds de start)`,
    metric: "newbuild_share.sociale_huur",
    unit: "aandeel",
    rule: `≥ ${pct(socialShare)}`,
    deadlineYear: agreementEnd,
    yearBasis: agreementBasis,
    threshold: socialShare,
    met: (r, y) => newbuildSocial(r, y) >= socialShare,
    value: newbuildSocial,
  });

  const completed = at(layout.completionsTotal);
  const completedSocial = at(layout.completionsBySegment[SOCIAL]);
  targets.push({
    id: "nieuwbouw_sociaal_jaar",
    kind: "deadline",
    label: `${pct(socialShare)} sociale huur in de nieuwbouw van het jaar`,
    metric: "completions.sociale_huur",
    unit: "aandeel",
    rule: `≥ ${pct(socialShare)} van de opleveringen`,
    deadlineYear: agreementEnd,
    yearBasis: agreementBasis,
    threshold: socialShare,
    // A year without completions adds no social homes: it does not meet the target.
    met: (r, y) => completed(r, y) > 0 && completedSocial(r, y) >= socialShare * completed(r, y),
    value: (r, y) => (completed(r, y) > 0 ? completedSocial(r, y) / completed(r, y) : 0),
  });

  const newbuildAffordable = at(layout.newbuildShareAffordable);
  targets.push({
    id: "verdeling_30_40_30",
    kind: "deadline",
    label: `30-40-30: ${pct(socialShare)} sociaal en ${pct(affordableShare)} betaalbaar in de nieuwbouw`,
    metric: "newbuild_share.betaalbaar",
    unit: "aandeel",
    rule: `sociaal ≥ ${pct(socialShare)} en betaalbaar ≥ ${pct(affordableShare)}`,
    deadlineYear: agreementEnd,
    yearBasis: agreementBasis,
    threshold: affordableShare,
    met: (r, y) => newbuildSocial(r, y) >= socialShare && newbuildAffordable(r, y) >= affordableShare,
    value: newbuildAffordable,
  });

  const share = at(layout.shareSocial);
  const startShare = startingSocialShare(model);
  targets.push({
    id: "sociale_voorraad_groeit",
    kind: "deadline",
    label: `Aandeel sociale huur groeit (start ${pct(startShare)})`,
    metric: "share.sociale_huur",
    unit: "aandeel",
    rule: `> ${pct(startShare)}`,
    deadlineYear: agreementEnd,
    yearBasis: agreementBasis,
    threshold: startShare,
    met: (r, y) => share(r, y) > startShare,
    value: share,
  });

  // The agreement asks for a signal when the number of social homes falls (H1): met while it has not
  // fallen below the year before in any year so far.
  const socialHomes = at(layout.stockBySegment[SOCIAL]);
  const startSocial = startingSocialHomes(model);
  targets.push({
    id: "sociale_voorraad_daalt_niet",
    kind: "deadline",
    label: "Aantal sociale huurwoningen daalt in geen enkel jaar (signaal)",
    metric: "stock.sociale_huur",
    unit: "woningen",
    rule: "elk jaar ≥ het jaar ervoor",
    deadlineYear: agreementEnd,
    yearBasis: agreementBasis,
    threshold: startSocial,
    met: (r, y) => {
      for (let i = 0; i <= y; i++)
        if (socialHomes(r, i) < (i === 0 ? startSocial : socialHomes(r, i - 1))) return false;
      return true;
    },
    value: socialHomes,
  });

  for (const band of t.socialShareByKern) {
    const k = model.kernIds.indexOf(band.kern);
    const kernShare = at(layout.kernShareSocial[k]);
    const [min, max] = [figureValue(band.min), figureValue(band.max)];
    targets.push({
      id: `sociaal_aandeel@${band.kern}`,
      kind: "deadline",
      label: `Aandeel sociale huur in ${band.kern} tussen ${pct(min)} en ${pct(max)}`,
      metric: `share.sociale_huur@${band.kern}`,
      unit: "aandeel",
      rule: `${pct(min)} – ${pct(max)}`,
      deadlineYear: agreementEnd,
      yearBasis: agreementBasis,
      threshold: (min + max) / 2,
      met: (r, y) => kernShare(r, y) >= min && kernShare(r, y) <= max,
      value: kernShare,
    });
  }

  // Windows: homes completed from one year up to another. Key projects, and each corporation's social
  // additions (a window names its corporation).
  const names = namesOf(scenario);
  const windows = [
    ...t.sleutelprojecten.map((window) => ({
      window,
      id: `sleutelprojecten_${window.fromYear}_${window.untilYear}`,
      label: "in sleutelprojecten (Woondeal)",
      row: layout.completionsSleutel,
      metric: "completions.sleutelproject",
    })),
    ...t.socialAdditions.map((window) => {
      const c = names.corporations.findIndex((x) => x.id === window.corporation);
      return {
        window,
        id: `socialAdditions_${window.fromYear}_${window.untilYear}@${window.corporation}`,
        label: `sociale huur toegevoegd door ${names.corporations[c].name}`,
        row: layout.completionsSocialByCorporation[c],
        metric: `completions.sociaal@${window.corporation}`,
      };
    }),
  ];
  for (const { window, id, label, row, metric } of windows) {
    const homes = figureValue(window.homes);
    const from = Math.max(0, window.fromYear - startYear);
    // Completions since the window opened; before it opens, nothing counts.
    const value = (r: Float64Array, y: number) => {
      let total = 0;
      for (let i = from; i <= y; i++) total += r[row * nY + i];
      return total;
    };
    targets.push({
      id,
      kind: "deadline",
      label: `${nl(homes)} woningen ${label} in ${window.fromYear}–${window.untilYear}`,
      metric,
      unit: "woningen",
      rule: `≥ ${nl(homes)} woningen`,
      deadlineYear: window.untilYear,
      yearBasis: "einde van de periode die de overeenkomst noemt",
      threshold: homes,
      met: (r, y) => value(r, y) >= homes,
      value,
    });
  }

  const inhabitants = figureValue(t.inhabitants);
  const people = at(layout.inhabitants);
  const growth = {
    id: "inwoners",
    label: `Groei naar ${nl(inhabitants)} inwoners`,
    metric: "inhabitants",
    unit: "inwoners" as const,
    rule: `≥ ${nl(inhabitants)} inwoners`,
    threshold: inhabitants,
    value: people,
  };
  if (t.inhabitantsYear !== undefined) {
    targets.push({
      ...growth,
      kind: "deadline",
      deadlineYear: t.inhabitantsYear,
      yearBasis: "het jaar dat het scenario noemt",
      met: (r, y) => people(r, y) >= inhabitants,
    });
  } else {
    // The agreement names no year for the growth: reached this year or before counts.
    targets.push({
      ...growth,
      kind: "reach",
      label: `Groei naar ${nl(inhabitants)} inwoners: in welk jaar gehaald?`,
      deadlineYear: endYear,
      yearBasis: "de overeenkomst noemt geen jaar",
      met: (r, y) => {
        for (let i = 0; i <= y; i++) if (people(r, i) >= inhabitants) return true;
        return false;
      },
    });
  }

  const allocation = layout.allocation;
  if (scenario.allocation && allocation) {
    const cap = figureValue(scenario.allocation.freeAllocation.cap);
    const free = at(allocation.shareFree);
    targets.push({
      id: "vrije_toewijzing",
      kind: "deadline",
      label: `Vrije toewijzing ten hoogste ${pct(cap)} van de toewijzingen`,
      metric: "share.vrije_toewijzing",
      unit: "aandeel",
      rule: `≤ ${pct(cap)}`,
      deadlineYear: agreementEnd,
      yearBasis: agreementBasis,
      threshold: cap,
      met: (r, y) => free(r, y) <= cap + 1e-9,
      value: free,
    });
    // The taakstelling is met when the persons housed since the start reach the persons asked for.
    const housed = at(allocation.statushoudersHousedCumulative);
    const asked = at(allocation.statushoudersTaakstellingCumulative);
    const ratio = (r: Float64Array, y: number) => (asked(r, y) > 0 ? housed(r, y) / asked(r, y) : 1);
    targets.push({
      id: "taakstelling_statushouders",
      kind: "deadline",
      label: "Taakstelling statushouders gehaald (opgeteld sinds de start, in personen)",
      metric: "statushouders.housed_cumulative",
      unit: "aandeel",
      rule: "≥ 100% van de taakstelling",
      deadlineYear: agreementEnd,
      yearBasis: agreementBasis,
      threshold: 1,
      met: (r, y) => ratio(r, y) >= 1 - 1e-9,
      value: ratio,
    });
  }
  return targets;
}

/** The social homes at the start of the run. */
export function startingSocialHomes(model: Model): number {
  const { nOwners } = model.owners;
  let social = 0;
  for (let c = 0; c < model.nCells; c++)
    if (Math.floor(c / nOwners) % N_SEGMENTS === SOCIAL) social += model.initialStock[c];
  return social;
}

export function startingSocialShare(model: Model): number {
  const { nOwners } = model.owners;
  let total = 0;
  let social = 0;
  for (let c = 0; c < model.nCells; c++) {
    total += model.initialStock[c];
    if (Math.floor(c / nOwners) % N_SEGMENTS === SOCIAL) social += model.initialStock[c];
  }
  return total > 0 ? social / total : 0;
}
