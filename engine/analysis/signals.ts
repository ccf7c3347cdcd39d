import { N_SEGMENTS, SOCIAL } from "../kernel/cells";
import { formatCount, formatProbability } from "../kernel/format";
import { absMonth, monthsFromStart } from "../kernel/time";
import { withProgress } from "../progress";
import type { Scenario } from "../scenario";
import { planningScope } from "../scope";
import { type Prepared, prepare } from "../simulate";
import { DROPPED, OPEN } from "../stock/compile";
import type { Progress } from "../stock/progress";
import { placeCompletions } from "../stock/record";
import { startingSocialHomes } from "../targets";
import type { BehindProject } from "./monitoring";
import type { SummaryJson, SummaryTarget } from "./output";

/**
 * The signals the agreement asks for at each progress report (H1: "partijen monitoren meermaals per
 * jaar de voortgang van de projecten … de gemeente draagt zorg voor een rapportage"; a fall of the
 * social stock is discussed in the bestuurlijk overleg): the social stock below the year before, the
 * key projects behind the path to their numbers, the corporation's social additions behind, and the
 * projects behind their planned date. Each signal carries its evidence: the figures, their year and
 * where they come from (the report, the scenario, a forecast), so that a reader can check it.
 *
 * The numbers to reach and their periods are the scenario's targets; what counts as delivered, as a
 * key project or as the corporation's social home is what the engine counts (the report's completions
 * are placed with the engine's own `placeCompletions`), so this file names no municipality's figures.
 */

export type SignalLevel = "signaal" | "let op" | "op koers";

export type SignalKind = "sociale_voorraad" | "sleutelprojecten" | "corporatie" | "achter";

export interface Evidence {
  label: string;
  value: number;
  /** "woningen", "aandeel" (a chance or share, 0–1), "maanden". */
  unit: string;
  /** The year or period the figure covers, as readers say it ("2027", "okt 2025 – jun 2026"). */
  period?: string;
  /** Where the figure comes from, in Dutch. */
  source: string;
}

export interface AgreementSignal {
  id: string;
  kind: SignalKind;
  level: SignalLevel;
  title: string;
  /** One Dutch sentence that says what the signal is and why. */
  sentence: string;
  evidence: Evidence[];
}

export interface SignalInput {
  /** The scenario as the forecast at the start ran it: no progress report in it. */
  scenario: Scenario;
  progress: Progress;
  start: SummaryJson;
  now: SummaryJson;
  behind: readonly BehindProject[];
}

/** A chance that fell at least this much since the start is worth a look, even on plan. */
export const CHANCE_DROP = 0.05;

const MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const monthName = (abs: number) => `${MONTHS[abs % 12]} ${Math.floor(abs / 12)}`;

/** The signals at the report's peildatum, in the order the agreement names them. */
export function signalsOf(input: SignalInput): AgreementSignal[] {
  const { scenario, progress } = input;
  const planned = prepare(planningScope(scenario));
  const actual = prepare(planningScope(withProgress(scenario, progress)));
  const sources = sourcesOf(input);
  return [
    socialStockSignal(actual, progress, input.now, sources),
    ...windowSignals(planned, actual, progress, input, sources),
    behindSignal(input.behind, progress, sources),
  ];
}

interface Sources {
  report: string;
  scenario: string;
  start: string;
  now: string;
}

function sourcesOf({ scenario, progress, start, now }: SignalInput): Sources {
  return {
    report: `voortgangsrapportage „${progress.name}" (peildatum ${progress.peildatum})`,
    scenario: `scenario „${scenario.name}"`,
    start: `prognose bij de start (${formatCount(start.meta.runs)} runs, seed ${start.meta.seed})`,
    now: `prognose vanaf de peildatum (${formatCount(now.meta.runs)} runs, seed ${now.meta.seed})`,
  };
}

/**
 * A record of one "run" that did exactly what the report says: the delivered projects in their month,
 * nothing else. Placed by the engine's own bookkeeping, so key projects and the corporation's social
 * homes count as in every run.
 */
function recordOf(p: Prepared, completedBy: (i: number) => number): Float64Array {
  const { model, layout } = p;
  const n = model.nProjects;
  const completion = new Int32Array(2 * n).fill(DROPPED);
  for (let i = 0; i < n; i++) completion[i] = completedBy(i);
  const record = new Float64Array(layout.defs.length * model.cal.nYears);
  placeCompletions(
    model,
    layout,
    completion,
    {
      inflow: new Float64Array(model.cal.nQuarters * model.nCells),
      any: new Uint8Array(model.cal.nQuarters),
    },
    record,
  );
  return record;
}

/** The month a report says project i was delivered in; DROPPED for one still open or fallen through. */
const deliveredIn = (p: Prepared, i: number) => {
  const fixed = p.model.projectFixed[i];
  return fixed === OPEN ? DROPPED : fixed;
};

/** The year index of the peildatum in a prepared scenario's calendar. */
const peilYearIndex = (p: Prepared, progress: Progress) =>
  Math.min(Math.floor(absMonth(progress.peildatum) / 12) - p.model.cal.startYear, p.model.cal.nYears - 1);

function socialStockSignal(
  actual: Prepared,
  progress: Progress,
  now: SummaryJson,
  sources: Sources,
): AgreementSignal {
  const { model, layout } = actual;
  const { cal } = model;
  const peil = monthsFromStart(cal, progress.peildatum);
  const delivered = recordOf(actual, (i) => deliveredIn(actual, i));
  const { nOwners, nCorporations } = model.owners;
  const isSocial = (cell: number) => Math.floor(cell / nOwners) % N_SEGMENTS === SOCIAL;
  const reported = (list: readonly { year: number }[], year: number) => list.some((r) => r.year === year);
  const years: { year: number; from: number; until: number; parts: Evidence[]; net: number }[] = [];
  for (let y = 0; y <= peilYearIndex(actual, progress); y++) {
    const year = cal.startYear + y;
    const from = Math.max(cal.startAbsMonth, year * 12);
    const until = Math.min(year * 12 + 11, cal.startAbsMonth + peil);
    let sold = 0;
    let bought = 0;
    let demolished = 0;
    let split = 0;
    for (let q = 0; q < cal.nQuarters; q++) {
      const first = cal.startAbsMonth + 3 * q;
      if (Math.floor(first / 12) !== year || 3 * q > peil) continue;
      // Every corporation's sales and purchases: per corporation, quarter by quarter.
      for (let c = 0; c < nCorporations; c++) {
        sold += model.salesByQuarter[c * cal.nQuarters + q];
        bought += model.acquisitionsByQuarter[c * cal.nQuarters + q];
      }
      for (let e = 0; e < model.demolitionQuarter.length; e++)
        if (model.demolitionQuarter[e] === q && isSocial(model.demolitionCell[e]))
          demolished += model.demolitionDwellings[e];
      for (let e = 0; e < model.splittingQuarter.length; e++) {
        if (model.splittingQuarter[e] !== q) continue;
        const homes = model.splittingHomes[e];
        if (isSocial(model.splittingToCell[e])) split += homes * model.splittingUnitsPerHome[e];
        if (isSocial(model.splittingFromCell[e])) split -= homes;
      }
    }
    const built = delivered[layout.completionsBySegment[SOCIAL] * cal.nYears + y];
    const period = `${monthName(from)} – ${monthName(until)}`;
    const plan = (listed: boolean) =>
      listed ? sources.report : `${sources.scenario} (niet in de rapportage)`;
    const parts: Evidence[] = [
      { label: "sociale huur opgeleverd", value: built, unit: "woningen", period, source: sources.report },
      {
        label: "aangekocht voor sociale huur",
        value: bought,
        unit: "woningen",
        period,
        source: plan(reported(progress.acquisitions, year)),
      },
      {
        label: "sociale huur verkocht",
        value: -sold,
        unit: "woningen",
        period,
        source: plan(reported(progress.sales, year)),
      },
    ];
    if (demolished > 0)
      parts.push({
        label: "gesloopt",
        value: -demolished,
        unit: "woningen",
        period,
        source: sources.scenario,
      });
    if (split !== 0)
      parts.push({
        label: "door splitsing",
        value: split,
        unit: "woningen",
        period,
        source: sources.scenario,
      });
    const net = parts.reduce((a, b) => a + b.value, 0);
    years.push({ year, from, until, parts, net });
  }
  const fell = years.filter((y) => y.net < 0);
  const last = years[years.length - 1];
  const shown = [...fell, ...(last && !fell.includes(last) ? [last] : [])];
  const evidence: Evidence[] = shown.flatMap((y) => [
    ...y.parts,
    {
      label: `netto verandering sociale huurwoningen in ${y.year}`,
      value: y.net,
      unit: "woningen",
      period: `${monthName(y.from)} – ${monthName(y.until)}`,
      source: "som van de regels hierboven",
    },
  ]);
  const start = startingSocialHomes(model);
  const total = years.reduce((a, y) => a + y.net, 0);
  evidence.unshift({
    label: "sociale huurwoningen bij de start",
    value: start,
    unit: "woningen",
    period: monthName(cal.startAbsMonth),
    source: sources.scenario,
  });
  evidence.push({
    label: "sociale huurwoningen op de peildatum: de start plus de veranderingen",
    value: start + total,
    unit: "woningen",
    period: monthName(cal.startAbsMonth + peil),
    source: `${sources.report} en ${sources.scenario}`,
  });
  const never = now.targets.find((t) => t.id === "sociale_voorraad_daalt_niet");
  if (never)
    evidence.push({
      label: `kans dat het aantal sociale huurwoningen tot en met ${never.deadlineYear} in geen enkel jaar daalt`,
      value: never.probability,
      unit: "aandeel",
      source: sources.now,
    });
  const sentence =
    fell.length > 0
      ? `Het aantal sociale huurwoningen is gedaald in ${fell.map((y) => `${y.year} (${formatSigned(y.net)})`).join(" en ")}: meer verkocht of gesloopt dan opgeleverd en aangekocht. De overeenkomst vraagt dit te bespreken in het bestuurlijk overleg.`
      : `Het aantal sociale huurwoningen is in geen jaar sinds de start gedaald (${last ? `${last.year} tot nu: ${formatSigned(last.net)}` : "nog geen jaar"}).`;
  return {
    id: "sociale_voorraad",
    kind: "sociale_voorraad",
    level: fell.length > 0 ? "signaal" : "op koers",
    title: "Sociale voorraad lager dan het jaar ervoor",
    sentence,
    evidence,
  };
}

const formatSigned = (x: number) => (x > 0 ? `+${formatCount(x)}` : x < 0 ? `−${formatCount(-x)}` : "0");

/** A piece of evidence's value as readers read it: a chance as a percentage, a count with its unit. */
export function formatEvidence(e: Pick<Evidence, "value" | "unit">): string {
  if (e.unit === "aandeel") return formatProbability(e.value);
  const one = Math.abs(e.value) === 1;
  const unit = one && e.unit === "woningen" ? "woning" : one && e.unit === "maanden" ? "maand" : e.unit;
  return `${e.value < 0 ? `−${formatCount(-e.value)}` : formatCount(e.value)} ${unit}`;
}

/**
 * The targets over a period that count completions of one kind: the key projects' numbers and the
 * corporation's social additions. Delivered (the report) against the path the scenario's plan lays to
 * the number: the homes its projects planned to deliver in the period by the peildatum.
 */
function windowSignals(
  planned: Prepared,
  actual: Prepared,
  progress: Progress,
  input: SignalInput,
  sources: Sources,
): AgreementSignal[] {
  const { layout } = actual;
  const kinds = new Map<string, "sleutelprojecten" | "corporatie">([
    [layout.defs[layout.completionsSleutel].id, "sleutelprojecten"],
    ...layout.completionsSocialByCorporation.map((m) => [layout.defs[m].id, "corporatie"] as const),
  ]);
  const peil = monthsFromStart(planned.model.cal, progress.peildatum);
  const plan = recordOf(planned, (i) =>
    planned.model.projectPlanned[i] <= peil ? planned.model.projectPlanned[i] : DROPPED,
  );
  const done = recordOf(actual, (i) => deliveredIn(actual, i));
  const y = peilYearIndex(actual, progress);
  const signals: AgreementSignal[] = [];
  for (const target of actual.targets) {
    const kind = kinds.get(target.metric);
    if (!kind) continue;
    const was = planned.targets.find((t) => t.id === target.id);
    const atStart = input.start.targets.find((t) => t.id === target.id);
    const now = input.now.targets.find((t) => t.id === target.id);
    if (!was) continue;
    const delivered = target.value(done, y);
    const onPlan = was.value(plan, y);
    const behind = delivered < onPlan;
    const fell = atStart && now ? atStart.probability - now.probability >= CHANCE_DROP - 1e-9 : false;
    const evidence: Evidence[] = [
      {
        label: "opgeleverd in de periode tot de peildatum",
        value: delivered,
        unit: "woningen",
        period: `tot en met ${progress.peildatum}`,
        source: sources.report,
      },
      {
        label: "gepland in de periode tot de peildatum (het pad naar het aantal)",
        value: onPlan,
        unit: "woningen",
        period: `tot en met ${progress.peildatum}`,
        source: `${sources.scenario}: geplande oplevering per project`,
      },
      {
        label: "het aantal dat de overeenkomst vraagt",
        value: target.threshold,
        unit: "woningen",
        period: String(target.deadlineYear),
        source: sources.scenario,
      },
      ...chanceEvidence(atStart, now, sources),
    ];
    const chances = atStart && now ? chanceText(atStart, now) : "";
    const sentence = behind
      ? `${target.label}: ${formatCount(delivered)} opgeleverd tot de peildatum, terwijl het plan er ${formatCount(onPlan)} had gepland; ${formatCount(onPlan - delivered)} achter op het pad.${chances}`
      : onPlan === 0 && delivered === 0
        ? `${target.label}: het plan levert tot de peildatum nog niets op in deze periode.${chances}`
        : `${target.label}: ${formatCount(delivered)} opgeleverd tot de peildatum, het plan had er ${formatCount(onPlan)}.${chances}`;
    signals.push({
      id: `${kind}:${target.id}`,
      kind,
      level: behind ? "signaal" : fell ? "let op" : "op koers",
      // The title says what the level says: "op koers" under a title "… achter" would read both ways.
      title: `${
        kind === "sleutelprojecten"
          ? "Sleutelprojecten"
          : `Sociale toevoegingen van ${corporationOf(actual, target.metric)}`
      } ${behind ? "achter op het pad" : "op het pad"}`,
      sentence,
      evidence,
    });
  }
  return signals;
}

/** The corporation whose social additions a target counts: the one its metric names. */
function corporationOf(p: Prepared, metric: string): string {
  const { owners } = p.model;
  const c = p.layout.completionsSocialByCorporation.findIndex((m) => p.layout.defs[m].id === metric);
  return owners.corporationNames[c] ?? "de corporatie";
}

function chanceEvidence(
  atStart: SummaryTarget | undefined,
  now: SummaryTarget | undefined,
  sources: Sources,
): Evidence[] {
  const out: Evidence[] = [];
  if (atStart)
    out.push({
      label: "kans op het aantal, bij de start",
      value: atStart.probability,
      unit: "aandeel",
      source: sources.start,
    });
  if (now)
    out.push({
      label: "kans op het aantal, nu",
      value: now.probability,
      unit: "aandeel",
      source: sources.now,
    });
  return out;
}

const chanceText = (atStart: SummaryTarget, now: SummaryTarget) =>
  ` Kans op het aantal: ${formatProbability(atStart.probability)} bij de start, nu ${formatProbability(now.probability)}.`;

function behindSignal(
  behind: readonly BehindProject[],
  progress: Progress,
  sources: Sources,
): AgreementSignal {
  const homes = behind.reduce((a, b) => a + b.homes, 0);
  return {
    id: "achter",
    kind: "achter",
    level: behind.length > 0 ? "signaal" : "op koers",
    title: "Projecten achter op hun geplande datum",
    sentence:
      behind.length === 0
        ? `Geen project loopt achter op de peildatum ${progress.peildatum}.`
        : `${formatCount(behind.length)} ${behind.length === 1 ? "project loopt" : "projecten lopen"} achter op de geplande datum, samen ${formatCount(homes)} woningen: ${behind.map((b) => `${b.id} ${b.name} (${b.monthsLate === 0 ? "gepland deze maand" : `${formatCount(b.monthsLate)} maanden`})`).join("; ")}.`,
    evidence: behind.map((b) => ({
      label: `${b.id} ${b.name} (${formatCount(b.homes)} woningen, ${b.status}), maanden te laat`,
      value: b.monthsLate,
      unit: "maanden",
      period: `gepland ${b.planned}`,
      source: `${sources.report} en ${sources.scenario}`,
    })),
  };
}
