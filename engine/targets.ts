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
  /**
   * Every year of one run at once: 1 (met) or 0 into `met`, and the target's own value (its metric, or a
   * derived figure such as a window's sum) into `values`, year y at `at + y`. One call a run with the
   * years inside, each target its own loop: a call per target and year, through one call site for all
   * targets (which then inlines none of them and boxes every number returned), took a seventh of the
   * stock model's time.
   */
  evaluate: Evaluate;
  /** Met or not in a run and year (from `evaluate`; for checks and tests, not the Monte Carlo). */
  met: (record: Float64Array, year: number) => boolean;
  /** The target's own value in a run and year (likewise). */
  value: (record: Float64Array, year: number) => number;
}

export type Evaluate = (record: Float64Array, met: Uint8Array, values: Float64Array, at: number) => void;

/** A target with its per-year `met` and `value` read from its `evaluate`. */
function withYears(def: Omit<TargetDef, "met" | "value">, nY: number): TargetDef {
  const met = new Uint8Array(nY);
  const values = new Float64Array(nY);
  return {
    ...def,
    met: (record, y) => {
      def.evaluate(record, met, values, 0);
      return met[y] === 1;
    },
    value: (record, y) => {
      def.evaluate(record, met, values, 0);
      return values[y];
    },
  };
}

const nl = (x: number) => x.toLocaleString("nl-NL", { maximumFractionDigits: 1 });
const pct = (x: number) => `${nl(x * 100)}%`;

export function defineTargets(scenario: Scenario, model: Model, layout: MetricLayout): TargetDef[] {
  const nY = model.cal.nYears;
  const startYear = model.cal.startYear;
  const endYear = model.cal.endYear;
  const t = scenario.targets;
  // The agreement's own targets run to the end of its period; without an agreement block, to the end.
  const agreementEnd = Math.min(scenario.agreement?.untilYear ?? endYear, endYear);
  const agreementBasis = scenario.agreement
    ? `einde van de looptijd van de overeenkomst (${scenario.agreement.fromYear}–${scenario.agreement.untilYear})`
    : "laatste gesimuleerde jaar";
  const socialShare = figureValue(t.socialShareNewBuild);
  const affordableShare = figureValue(t.affordableShareNewBuild);
  const targets: TargetDef[] = [];
  const push = (def: Omit<TargetDef, "met" | "value">) => targets.push(withYears(def, nY));

  const realised = layout.opgaveRealised * nY;
  const opgave = model.opgaveHomes;
  push({
    id: "opgave",
    kind: "deadline",
    label: `${nl(opgave)} woningen gerealiseerd in ${model.opgaveDeadlineYear}`,
    metric: "opgave.realised",
    unit: "woningen",
    rule: `≥ ${nl(opgave)} woningen`,
    deadlineYear: model.opgaveDeadlineYear,
    yearBasis: "het jaar van de opgave",
    threshold: opgave,
    evaluate: (r, met, values, at) => {
      for (let y = 0; y < nY; y++) {
        const v = r[realised + y];
        met[at + y] = v >= opgave ? 1 : 0;
        values[at + y] = v;
      }
    },
  });

  const newbuildSocial = layout.newbuildShareSocial * nY;
  push({
    id: "nieuwbouw_sociaal",
    kind: "deadline",
    label: `${pct(socialShare)} sociale huur in de nieuwbouw (opgeteld sinds de start)`,
    metric: "newbuild_share.sociale_huur",
    unit: "aandeel",
    rule: `≥ ${pct(socialShare)}`,
    deadlineYear: agreementEnd,
    yearBasis: agreementBasis,
    threshold: socialShare,
    evaluate: (r, met, values, at) => {
      for (let y = 0; y < nY; y++) {
        const v = r[newbuildSocial + y];
        met[at + y] = v >= socialShare ? 1 : 0;
        values[at + y] = v;
      }
    },
  });

  const completed = layout.completionsTotal * nY;
  const completedSocial = layout.completionsBySegment[SOCIAL] * nY;
  push({
    id: "nieuwbouw_sociaal_jaar",
    kind: "deadline",
    label: `${pct(socialShare)} sociale huur in de nieuwbouw van het jaar`,
    metric: "completions.sociale_huur",
    unit: "aandeel",
    rule: `≥ ${pct(socialShare)} van de opleveringen`,
    deadlineYear: agreementEnd,
    yearBasis: agreementBasis,
    threshold: socialShare,
    evaluate: (r, met, values, at) => {
      for (let y = 0; y < nY; y++) {
        const all = r[completed + y];
        const social = r[completedSocial + y];
        // A year without completions adds no social homes: it does not meet the target.
        met[at + y] = all > 0 && social >= socialShare * all ? 1 : 0;
        values[at + y] = all > 0 ? social / all : 0;
      }
    },
  });

  const newbuildAffordable = layout.newbuildShareAffordable * nY;
  push({
    id: "verdeling_30_40_30",
    kind: "deadline",
    label: `30-40-30: ${pct(socialShare)} sociaal en ${pct(affordableShare)} betaalbaar in de nieuwbouw`,
    metric: "newbuild_share.betaalbaar",
    unit: "aandeel",
    rule: `sociaal ≥ ${pct(socialShare)} en betaalbaar ≥ ${pct(affordableShare)}`,
    deadlineYear: agreementEnd,
    yearBasis: agreementBasis,
    threshold: affordableShare,
    evaluate: (r, met, values, at) => {
      for (let y = 0; y < nY; y++) {
        const affordable = r[newbuildAffordable + y];
        met[at + y] = r[newbuildSocial + y] >= socialShare && affordable >= affordableShare ? 1 : 0;
        values[at + y] = affordable;
      }
    },
  });

  const share = layout.shareSocial * nY;
  const startShare = startingSocialShare(model);
  push({
    id: "sociale_voorraad_groeit",
    kind: "deadline",
    label: `Aandeel sociale huur groeit (start ${pct(startShare)})`,
    metric: "share.sociale_huur",
    unit: "aandeel",
    rule: `> ${pct(startShare)}`,
    deadlineYear: agreementEnd,
    yearBasis: agreementBasis,
    threshold: startShare,
    evaluate: (r, met, values, at) => {
      for (let y = 0; y < nY; y++) {
        const v = r[share + y];
        met[at + y] = v > startShare ? 1 : 0;
        values[at + y] = v;
      }
    },
  });

  // The agreement asks for a signal when the number of social homes falls (H1): met while it has not
  // fallen below the year before in any year so far.
  const socialHomes = layout.stockBySegment[SOCIAL] * nY;
  const startSocial = startingSocialHomes(model);
  push({
    id: "sociale_voorraad_daalt_niet",
    kind: "deadline",
    label: "Aantal sociale huurwoningen daalt in geen enkel jaar (signaal)",
    metric: "stock.sociale_huur",
    unit: "woningen",
    rule: "elk jaar ≥ het jaar ervoor",
    deadlineYear: agreementEnd,
    yearBasis: agreementBasis,
    threshold: startSocial,
    evaluate: (r, met, values, at) => {
      let held = true;
      let before = startSocial;
      for (let y = 0; y < nY; y++) {
        const v = r[socialHomes + y];
        if (v < before) held = false;
        before = v;
        met[at + y] = held ? 1 : 0;
        values[at + y] = v;
      }
    },
  });

  for (const band of t.socialShareByKern) {
    const k = model.kernIds.indexOf(band.kern);
    const kernShare = layout.kernShareSocial[k] * nY;
    const [min, max] = [figureValue(band.min), figureValue(band.max)];
    push({
      id: `sociaal_aandeel@${band.kern}`,
      kind: "deadline",
      label: `Aandeel sociale huur in ${band.kern} tussen ${pct(min)} en ${pct(max)}`,
      metric: `share.sociale_huur@${band.kern}`,
      unit: "aandeel",
      rule: `${pct(min)} – ${pct(max)}`,
      deadlineYear: agreementEnd,
      yearBasis: agreementBasis,
      threshold: (min + max) / 2,
      evaluate: (r, met, values, at) => {
        for (let y = 0; y < nY; y++) {
          const v = r[kernShare + y];
          met[at + y] = v >= min && v <= max ? 1 : 0;
          values[at + y] = v;
        }
      },
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
    const completions = row * nY;
    push({
      id,
      kind: "deadline",
      label: `${nl(homes)} woningen ${label} in ${window.fromYear}–${window.untilYear}`,
      metric,
      unit: "woningen",
      rule: `≥ ${nl(homes)} woningen`,
      deadlineYear: window.untilYear,
      yearBasis: "einde van de periode die de overeenkomst noemt",
      threshold: homes,
      evaluate: (r, met, values, at) => {
        // Completions since the window opened; before it opens, nothing counts.
        let total = 0;
        for (let y = 0; y < nY; y++) {
          if (y >= from) total += r[completions + y];
          met[at + y] = total >= homes ? 1 : 0;
          values[at + y] = total;
        }
      },
    });
  }

  const inhabitants = figureValue(t.inhabitants);
  const people = layout.inhabitants * nY;
  const growth = {
    id: "inwoners",
    label: `Groei naar ${nl(inhabitants)} inwoners`,
    metric: "inhabitants",
    unit: "inwoners" as const,
    rule: `≥ ${nl(inhabitants)} inwoners`,
    threshold: inhabitants,
  };
  if (t.inhabitantsYear !== undefined) {
    push({
      ...growth,
      kind: "deadline",
      deadlineYear: t.inhabitantsYear,
      yearBasis: "het jaar dat het scenario noemt",
      evaluate: (r, met, values, at) => {
        for (let y = 0; y < nY; y++) {
          const v = r[people + y];
          met[at + y] = v >= inhabitants ? 1 : 0;
          values[at + y] = v;
        }
      },
    });
  } else {
    // The agreement names no year for the growth: reached this year or before counts.
    push({
      ...growth,
      kind: "reach",
      label: `Groei naar ${nl(inhabitants)} inwoners: in welk jaar gehaald?`,
      deadlineYear: endYear,
      yearBasis: "de overeenkomst noemt geen jaar",
      evaluate: (r, met, values, at) => {
        let reached = false;
        for (let y = 0; y < nY; y++) {
          const v = r[people + y];
          if (v >= inhabitants) reached = true;
          met[at + y] = reached ? 1 : 0;
          values[at + y] = v;
        }
      },
    });
  }

  const allocation = layout.allocation;
  if (scenario.allocation && allocation) {
    const cap = figureValue(scenario.allocation.freeAllocation.cap);
    const free = allocation.shareFree * nY;
    push({
      id: "vrije_toewijzing",
      kind: "deadline",
      label: `Vrije toewijzing ten hoogste ${pct(cap)} van de toewijzingen`,
      metric: "share.vrije_toewijzing",
      unit: "aandeel",
      rule: `≤ ${pct(cap)}`,
      deadlineYear: agreementEnd,
      yearBasis: agreementBasis,
      threshold: cap,
      evaluate: (r, met, values, at) => {
        for (let y = 0; y < nY; y++) {
          const v = r[free + y];
          met[at + y] = v <= cap + 1e-9 ? 1 : 0;
          values[at + y] = v;
        }
      },
    });
    // The taakstelling is met when the persons housed since the start reach the persons asked for.
    const housed = allocation.statushoudersHousedCumulative * nY;
    const asked = allocation.statushoudersTaakstellingCumulative * nY;
    push({
      id: "taakstelling_statushouders",
      kind: "deadline",
      label: "Taakstelling statushouders gehaald (opgeteld sinds de start, in personen)",
      metric: "statushouders.housed_cumulative",
      unit: "aandeel",
      rule: "≥ 100% van de taakstelling",
      deadlineYear: agreementEnd,
      yearBasis: agreementBasis,
      threshold: 1,
      evaluate: (r, met, values, at) => {
        for (let y = 0; y < nY; y++) {
          const a = r[asked + y];
          const ratio = a > 0 ? r[housed + y] / a : 1;
          met[at + y] = ratio >= 1 - 1e-9 ? 1 : 0;
          values[at + y] = ratio;
        }
      },
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
