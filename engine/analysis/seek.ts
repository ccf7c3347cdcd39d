import { GROUPS } from "../allocation/vocabulary";
import { figureValue } from "../kernel/figure";
import { formatCount, formatProbability, formatShare } from "../kernel/format";
import { NO_VALUE } from "../kernel/metric";
import { quantileSorted } from "../kernel/quantiles";
import { nameKey, uniform } from "../kernel/random";
import { runMonteCarlo } from "../montecarlo";
import type { Scenario } from "../scenario";
import { allocationScope, planningScope } from "../scope";
import { prepare } from "../simulate";

/**
 * "Wat is er nodig?": for a target and a wished chance, the smallest change of one lever that reaches
 * it. Every candidate runs on the same seed and the same runs (common random numbers: a project's
 * draws hang on its id and the run, not on the lever), so the chance moves with the lever and not with
 * the noise; a bisection over the lever's steps finds the smallest value whose chance reaches the wish.
 * The uncertainty of the answer comes from the runs: resampling them (a bootstrap) over the evaluated
 * values gives the range in which the answer would land with other runs.
 */

export const SEEK_LEVERS = [
  "hardHomes",
  "acceleration",
  "softDropOut",
  "procedures",
  "rentIncrease",
  "freeAllocation",
] as const;
export type SeekLever = (typeof SEEK_LEVERS)[number];

/**
 * SHBL's levers ask the other way round: not the smallest change that reaches a target, but the highest
 * value a lever may take while a limit holds with the wished chance. Their value is the lever itself
 * (a rent increase above wage growth, a share of free allocation), not a change to it.
 */
export const LIMIT_LEVERS = ["rentIncrease", "freeAllocation"] as const;
export type LimitLever = (typeof LIMIT_LEVERS)[number];
export const isLimitLever = (lever: SeekLever): lever is LimitLever =>
  (LIMIT_LEVERS as readonly string[]).includes(lever);

/** The limit each of SHBL's levers is held to: its id (the seek's target) and the metric it reads. */
export const LIMITS: Record<LimitLever, { id: string; label: string; unit: string }> = {
  rentIncrease: { id: "betaalrisico", label: "aandeel huurders met betaalrisico", unit: "aandeel" },
  freeAllocation: {
    id: "zoektijd",
    label: "zoektijd van regulier woningzoekenden (mediaan van het jaar)",
    unit: "jaren",
  },
};

export interface LeverInfo {
  label: string;
  /** The lever's unit, as users read it. */
  unit: string;
  /** The smallest change the search tells apart: its tolerance. */
  step: number;
}

export const LEVER_INFO: Record<SeekLever, LeverInfo> = {
  hardHomes: { label: "extra woningen in harde plannen", unit: "woningen", step: 5 },
  acceleration: { label: "maanden versnelling van alle plannen", unit: "maanden", step: 1 },
  softDropOut: { label: "minder uitval van zachte plannen", unit: "procentpunt", step: 0.01 },
  procedures: { label: "meer procedures per jaar", unit: "procedures per jaar", step: 1 },
  rentIncrease: {
    label: "huurverhoging boven de loonontwikkeling",
    unit: "procentpunt per jaar",
    step: 0.0025,
  },
  freeAllocation: { label: "aandeel vrije toewijzing", unit: "procent van de toewijzingen", step: 0.005 },
};

/** The range a limit lever is searched over: rents from 2 points below wage growth to 5 above; free allocation up to its cap. */
function limitRange(scenario: Scenario, lever: LimitLever): { min: number; max: number } {
  if (lever === "rentIncrease") return { min: -0.02, max: 0.05 };
  const cap = scenario.allocation ? figureValue(scenario.allocation.freeAllocation.cap) : 0;
  return { min: 0, max: cap };
}

export interface SeekRequest {
  /** The target's id (see ../targets). */
  target: string;
  lever: SeekLever;
  /** The wished chance; 0.8 unless told. */
  chance?: number;
  /** The year the target is read in; its own year unless told. */
  year?: number;
  /** For extra homes in hard plans: planned to complete before this year. */
  beforeYear?: number;
  /** For SHBL's levers: the limit to hold (a share of tenants with betaalrisico; a search time in years). */
  limit?: number;
  /** The largest change tried; the lever's own limit unless told. */
  max?: number;
  runs?: number;
  seed?: number;
}

export interface SeekPoint {
  value: number;
  chance: number;
}

export interface SeekAnswer {
  target: string;
  targetLabel: string;
  year: number;
  lever: SeekLever;
  leverLabel: string;
  unit: string;
  /** The search's tolerance: one step of the lever. */
  step: number;
  wished: number;
  /** "reached": found; "already": the target reaches the wish without change; "unreachable": not even at `max`. */
  status: "reached" | "already" | "unreachable";
  /** The smallest change that reaches the wished chance (undefined when unreachable). */
  value?: number;
  /** The chance at that value (at `max` when unreachable). */
  chance: number;
  /** One step less, and its chance: below the wish. */
  below?: SeekPoint;
  /**
   * For SHBL's levers, where the answer is the highest value that holds the limit: one step more, and its
   * chance, below the wish.
   */
  above?: SeekPoint;
  /** "smallest": the smallest change that reaches a target; "highest": the highest value that holds a limit. */
  direction: "smallest" | "highest";
  /** For SHBL's levers: the limit held. */
  limit?: number;
  /** The range of the answer over resampled runs (10th–90th percentile); the upper end may be open. */
  range?: [number, number];
  /** Every evaluated value and its chance, by value: the chance against the lever. */
  curve: SeekPoint[];
  runs: number;
  seed: number;
  /** The answer in one sentence, in Dutch. */
  sentence: string;
  /** The lever's value before the change (drop-out, procedures a year), for the sentence and "pas toe". */
  base: number;
  beforeYear: number;
}

const EXTRA_ID = "extra-harde-plannen";

/** The scenario with the lever changed by `value`: what "pas toe" adds to the scenario. */
export function applyLever(
  scenario: Scenario,
  lever: SeekLever,
  value: number,
  beforeYear = defaultBeforeYear(scenario),
): Scenario {
  if (lever === "rentIncrease") {
    const a = need(scenario.affordability, "betaalbaarheid");
    // The agreement's way of setting rents (H2): with wage growth, plus the chosen difference.
    return {
      ...scenario,
      affordability: { ...a, rentPolicy: { ...a.rentPolicy, mode: "loon", spread: round(value) } },
    };
  }
  if (lever === "freeAllocation") {
    const a = need(scenario.allocation, "toewijzing");
    return {
      ...scenario,
      allocation: { ...a, freeAllocation: { ...a.freeAllocation, share: round(value) } },
    };
  }
  if (value === 0) return scenario;
  const pipeline = scenario.pipeline;
  switch (lever) {
    case "hardHomes": {
      const homes = Math.round(value);
      // 30-40-30: the agreement's mix for new building, in whole homes.
      const social = Math.round(homes * 0.3);
      const mid = Math.round(homes * 0.2);
      const affordable = Math.round(homes * 0.4) - mid;
      const project = {
        id: EXTRA_ID,
        name: `Extra woningen in harde plannen (gepland vóór ${beforeYear})`,
        kern: scenario.kernen[0].id,
        status: "hard" as const,
        plannedCompletion: `${beforeYear - 1}-12`,
        units: {
          sociale_huur: social,
          middenhuur: mid,
          betaalbare_koop: affordable,
          duur: homes - social - mid - affordable,
        },
        owner: "eigenaar_bewoner" as const,
        sleutelproject: false,
        kind: "nieuwbouw" as const,
        note: "Toegevoegd door 'Wat is er nodig?': verdeeld als 30-40-30",
      };
      return { ...scenario, projects: [...scenario.projects, project] };
    }
    case "acceleration":
      return {
        ...scenario,
        pipeline: {
          ...pipeline,
          levers: [
            ...pipeline.levers,
            {
              id: "extra-versnelling",
              label: `${formatCount(value)} maanden versnelling van alle plannen`,
              active: true,
              monthsSaved: value,
              statuses: ["hard", "zacht", "ambitie"],
              fromYear: Number(scenario.simulation.start.slice(0, 4)),
              note: "Toegevoegd door 'Wat is er nodig?'",
            },
          ],
        },
      };
    case "softDropOut": {
      const zacht = pipeline.statuses.zacht;
      const dropOut = Math.max(0, round(figureValue(zacht.dropOut) - value));
      return {
        ...scenario,
        pipeline: { ...pipeline, statuses: { ...pipeline.statuses, zacht: { ...zacht, dropOut } } },
      };
    }
    case "procedures": {
      const capacity = pipeline.capacity;
      const projectsPerYear = figureValue(capacity.projectsPerYear) + Math.round(value);
      return { ...scenario, pipeline: { ...pipeline, capacity: { ...capacity, projectsPerYear } } };
    }
  }
}

function need<T>(block: T | undefined, name: string): T {
  if (block === undefined) throw new Error(`het scenario heeft geen ${name}: deze hefboom kan er niets mee`);
  return block;
}

/** Extra homes count for the opgave when planned about three years after the start (the issue's "vóór 2028"). */
export function defaultBeforeYear(scenario: Scenario): number {
  return Math.min(Number(scenario.simulation.start.slice(0, 4)) + 3, scenario.simulation.endYear);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function leverMax(scenario: Scenario, lever: SeekLever): number {
  switch (lever) {
    case "rentIncrease":
    case "freeAllocation":
      return limitRange(scenario, lever).max;
    case "hardHomes":
      return 2000;
    case "acceleration":
      return 60;
    case "softDropOut":
      return figureValue(scenario.pipeline.statuses.zacht.dropOut);
    case "procedures":
      return 40;
  }
}

const FIRST_GUESS: Record<Exclude<SeekLever, LimitLever>, number> = {
  hardHomes: 16,
  acceleration: 4,
  softDropOut: 4,
  procedures: 2,
};

/**
 * The smallest change of one lever that gives the target the wished chance; for SHBL's levers, the
 * highest value of the lever that holds the limit with the wished chance.
 */
export function seek(scenario: Scenario, request: SeekRequest): SeekAnswer {
  if (isLimitLever(request.lever)) return seekHighest(scenario, { ...request, lever: request.lever });
  const wished = request.chance ?? 0.8;
  const runs = request.runs ?? scenario.simulation.runs;
  const seed = request.seed ?? scenario.simulation.seed;
  const { lever } = request;
  const info = LEVER_INFO[lever];
  const step = info.step;
  const beforeYear = request.beforeYear ?? defaultBeforeYear(scenario);
  // The building plan alone answers its own targets forty times faster than the whole model.
  const planning = planningScope(scenario);
  const inPlanning = prepare(planning).targets.some((t) => t.id === request.target);
  const scope = inPlanning ? planning : scenario;
  const first = prepare(scope);
  const target = first.targets.find((t) => t.id === request.target);
  if (!target) throw new Error(`onbekend doel "${request.target}"`);
  const year = request.year ?? target.deadlineYear;
  const y = year - first.model.cal.startYear;
  if (y < 0 || y >= first.model.cal.nYears) throw new Error(`jaar ${year} ligt buiten de simulatieperiode`);
  const maxSteps = Math.max(0, Math.floor(round((request.max ?? leverMax(scenario, lever)) / step)));

  // Candidates on the grid of steps: k steps of the lever. Each holds, per run, whether the target is met.
  const met = new Map<number, Uint8Array>();
  const evaluate = (k: number): number => {
    let m = met.get(k);
    if (!m) {
      const p = prepare(applyLever(scope, lever, round(k * step), beforeYear));
      const t = p.targets.findIndex((d) => d.id === request.target);
      const result = runMonteCarlo(p.model, p.layout, p.targets, { seed, runs });
      const offset = (t * result.nYears + y) * runs;
      m = result.met.slice(offset, offset + runs);
      met.set(k, m);
    }
    return share(m);
  };

  let status: SeekAnswer["status"] = "reached";
  let hi = 0;
  let lo = -1;
  if (evaluate(0) >= wished) status = "already";
  else {
    lo = 0;
    const guess = FIRST_GUESS[lever as Exclude<SeekLever, LimitLever>];
    hi = Math.min(guess, maxSteps);
    while (hi > lo && evaluate(hi) < wished && hi < maxSteps) {
      lo = hi;
      hi = Math.min(2 * hi, maxSteps);
    }
    if (hi === lo || evaluate(hi) < wished) status = "unreachable";
    else {
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (evaluate(mid) >= wished) hi = mid;
        else lo = mid;
      }
      // A few values around the answer, so that resampled runs can land between them.
      for (const d of [-4, -2, 2, 4]) if (hi + d > 0 && hi + d <= maxSteps) evaluate(hi + d);
    }
  }

  const curve = curveOf(met, (k) => round(k * step));
  const reachedAt = status === "unreachable" ? maxSteps : hi;
  const answer: SeekAnswer = {
    target: target.id,
    targetLabel: target.label,
    year,
    lever,
    leverLabel: info.label,
    unit: info.unit,
    step,
    wished,
    status,
    value: status === "unreachable" ? undefined : round(hi * step),
    chance: share(met.get(reachedAt) ?? new Uint8Array()),
    below:
      status === "reached"
        ? { value: round(lo * step), chance: share(met.get(lo) as Uint8Array) }
        : undefined,
    range: status === "reached" ? bootstrapRange(met, wished, runs, step, "smallest") : undefined,
    curve,
    runs,
    seed,
    sentence: "",
    base: baseOf(scenario, lever),
    beforeYear,
    direction: "smallest",
  };
  answer.sentence = seekSentence(answer);
  return answer;
}

/** The chance at every lever step tried, in the order of the steps, at the lever's value of each. */
function curveOf(met: Map<number, Uint8Array>, valueAt: (step: number) => number) {
  return [...met.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, m]) => ({ value: valueAt(k), chance: share(m) }));
}

function share(m: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < m.length; i++) n += m[i];
  return m.length > 0 ? n / m.length : 0;
}

function baseOf(scenario: Scenario, lever: SeekLever): number {
  if (lever === "rentIncrease")
    return scenario.affordability ? figureValue(scenario.affordability.rentPolicy.spread) : 0;
  if (lever === "freeAllocation")
    return scenario.allocation ? figureValue(scenario.allocation.freeAllocation.share) : 0;
  if (lever === "softDropOut") return figureValue(scenario.pipeline.statuses.zacht.dropOut);
  if (lever === "procedures") return figureValue(scenario.pipeline.capacity.projectsPerYear);
  return 0;
}

/**
 * Resample the runs (the same resample for every evaluated value) and take, per resample, the
 * smallest evaluated value that reaches the wish (for a limit lever: the highest that still holds it);
 * the 10th and 90th percentile of those. A resample that no evaluated value satisfies counts as the
 * last evaluated value in the search's direction. `toValue` turns a grid step into the lever's value.
 */
function bootstrapRange(
  met: Map<number, Uint8Array>,
  wished: number,
  runs: number,
  step: number,
  direction: "smallest" | "highest",
  toValue: (k: number) => number = (k) => k * step,
): [number, number] {
  const ks = [...met.keys()].sort((a, b) => (direction === "smallest" ? a - b : b - a));
  const B = 200;
  const answers = new Float64Array(B);
  const key = nameKey("wat-is-er-nodig:bootstrap");
  const pick = new Int32Array(runs);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < runs; i++) pick[i] = Math.floor(uniform(key, b, i) * runs);
    let found = ks[ks.length - 1];
    for (const k of ks) {
      const m = met.get(k) as Uint8Array;
      let n = 0;
      for (let i = 0; i < runs; i++) n += m[pick[i]];
      if (n / runs >= wished) {
        found = k;
        break;
      }
    }
    answers[b] = found;
  }
  answers.sort();
  return [round(toValue(quantileSorted(answers, 0.1))), round(toValue(quantileSorted(answers, 0.9)))];
}

const pct = (x: number) => `${formatCount(x * 100)}%`;

function amount(a: Pick<SeekAnswer, "lever" | "base" | "beforeYear">, v: number): string {
  switch (a.lever) {
    case "rentIncrease":
      return `${points(v)} procentpunt per jaar boven de loonontwikkeling`;
    case "freeAllocation":
      return `${points(v)}% vrije toewijzing`;
    case "hardHomes":
      return `${formatCount(v)} woningen extra in harde plannen, gepland vóór ${a.beforeYear}`;
    case "acceleration":
      return `${formatCount(v)} ${v === 1 ? "maand" : "maanden"} versnelling van alle harde en zachte plannen en ambities`;
    case "softDropOut":
      return `${formatCount(v * 100)} procentpunt minder uitval van zachte plannen (${pct(a.base - v)} in plaats van ${pct(a.base)})`;
    case "procedures":
      return `${formatCount(v)} ${v === 1 ? "procedure" : "procedures"} per jaar meer (${formatCount(a.base + v)} in plaats van ${formatCount(a.base)})`;
  }
}

/** A share as percentage points with up to two decimals: 0.0125 → "1,25", −0.005 → "−0,5". */
export const points = (x: number) =>
  (x * 100).toLocaleString("nl-NL", { maximumFractionDigits: 2 }).replace("-", "−");

const range = (a: SeekAnswer, [lo, hi]: [number, number]) => {
  const f = (x: number) =>
    isLimitLever(a.lever) ? points(x) : a.lever === "softDropOut" ? formatCount(x * 100) : formatCount(x);
  return lo === hi ? "" : ` (${f(lo)}–${f(hi)} bij andere runs)`;
};

/** The answer in one Dutch sentence, with its uncertainty. */
export function seekSentence(a: SeekAnswer): string {
  if (a.direction === "highest") return limitSentence(a);
  const goal = a.targetLabel.includes(String(a.year))
    ? `„${a.targetLabel}"`
    : `„${a.targetLabel}" in ${a.year}`;
  if (a.status === "already")
    return `${goal} heeft al ${formatProbability(a.chance)} kans, ten minste de gevraagde ${pct(a.wished)}: er is niets extra nodig.`;
  if (a.status === "unreachable") {
    const max = a.curve.length > 0 ? a.curve[a.curve.length - 1].value : 0;
    return `Ook met ${amount(a, max)} komt de kans op ${goal} niet verder dan ${formatProbability(a.chance)}; gevraagd was ${pct(a.wished)}.`;
  }
  const v = a.value as number;
  const r = a.range ? range(a, a.range) : "";
  const lead = a.lever === "procedures" ? "" : "ongeveer ";
  return `Voor ${pct(a.wished)} kans op ${goal} is nodig: ${lead}${amount(a, v).replace(/^([\d.,]+)/, `$1${r}`)}; daarmee ${formatShare(a.chance)} kans, met één stap minder ${formatShare(a.below?.chance ?? 0)}.`;
}

/** The limit a limit lever holds, as readers say it: "betaalrisico ten hoogste 15,0% in 2030". */
function limitText(lever: LimitLever, limit: number, year: number): string {
  return lever === "rentIncrease"
    ? `het aandeel huurders met betaalrisico ten hoogste ${formatShare(limit)} in ${year}`
    : `de zoektijd van regulier woningzoekenden (mediaan) ten hoogste ${limit.toLocaleString("nl-NL", { maximumFractionDigits: 2 })} jaar in ${year}`;
}

function limitSentence(a: SeekAnswer): string {
  const lever = a.lever as LimitLever;
  const goal = limitText(lever, a.limit ?? 0, a.year);
  const first = a.curve[0]?.value ?? 0;
  const last = a.curve[a.curve.length - 1]?.value ?? 0;
  if (a.status === "already")
    return `Ook met ${amount(a, last)}, het hoogste dat is gezocht, blijft ${goal} met ${formatProbability(a.chance)} kans (gevraagd ${pct(a.wished)}).`;
  if (a.status === "unreachable")
    return `Zelfs met ${amount(a, first)} blijft ${goal} maar met ${formatProbability(a.chance)} kans; gevraagd was ${pct(a.wished)}.`;
  const v = a.value as number;
  const [lo, hi] = a.range ?? [v, v];
  const spread = lo === hi ? "" : ` (${points(lo)} tot ${points(hi)} bij andere runs)`;
  const how =
    lever === "rentIncrease"
      ? `kan de huur hoogstens ${points(v)} procentpunt per jaar boven de loonontwikkeling stijgen${spread}`
      : `kan de vrije toewijzing hoogstens ${points(v)}% van de toewijzingen zijn${spread}`;
  const step = lever === "rentIncrease" ? "¼ procentpunt" : "½ procentpunt";
  return `Om met ${pct(a.wished)} kans ${goal} te houden, ${how}; daarmee ${formatShare(a.chance)} kans, met ${step} meer ${formatShare(a.above?.chance ?? 0)}.`;
}

/**
 * SHBL's levers: the highest value of the lever that holds the limit with the wished chance. The
 * chance falls as the lever rises (more rent increase, more betaalrisico; more free allocation, longer
 * waits for the others), so a bisection over the lever's grid finds the last value that holds.
 */
function seekHighest(scenario: Scenario, request: SeekRequest & { lever: LimitLever }): SeekAnswer {
  const { lever } = request;
  const wished = request.chance ?? 0.8;
  const runs = request.runs ?? scenario.simulation.runs;
  const seed = request.seed ?? scenario.simulation.seed;
  const info = LEVER_INFO[lever];
  const step = info.step;
  if (request.limit === undefined) throw new Error(`geef de grens voor ${LIMITS[lever].label}`);
  const limit = request.limit;
  // Betaalrisico needs the whole model; the search time only the allocation.
  const scope = lever === "rentIncrease" ? scenario : allocationScope(scenario);
  const first = prepare(applyLever(scope, lever, baseOf(scenario, lever)));
  const { cal } = first.model;
  const agreementEnd = Math.min(scenario.agreement?.untilYear ?? cal.endYear, cal.endYear);
  const year = request.year ?? agreementEnd;
  const y = year - cal.startYear;
  if (y < 0 || y >= cal.nYears) throw new Error(`jaar ${year} ligt buiten de simulatieperiode`);
  const { min, max } = limitRange(scenario, lever);
  const top = Math.max(0, Math.floor(round((max - min) / step)));
  const leverAt = (k: number) => round(min + k * step);

  const met = new Map<number, Uint8Array>();
  const evaluate = (k: number): number => {
    let m = met.get(k);
    if (!m) {
      const p = prepare(applyLever(scope, lever, leverAt(k)));
      const metric = metricOf(p, lever);
      const result = runMonteCarlo(p.model, p.layout, p.targets, { seed, runs });
      const offset = (metric * result.nYears + y) * runs;
      m = new Uint8Array(runs);
      for (let r = 0; r < runs; r++) {
        const v = result.values[offset + r];
        // A year without a value (nobody housed) does not show the limit held.
        m[r] = v !== NO_VALUE && v <= limit + 1e-9 ? 1 : 0;
      }
      met.set(k, m);
    }
    return share(m);
  };

  let status: SeekAnswer["status"] = "reached";
  let lo = 0;
  let hi = top;
  if (evaluate(top) >= wished) status = "already";
  else if (evaluate(0) < wished) status = "unreachable";
  else {
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (evaluate(mid) >= wished) lo = mid;
      else hi = mid;
    }
    for (const d of [-4, -2, 2, 4]) if (lo + d >= 0 && lo + d <= top) evaluate(lo + d);
  }
  const at = status === "already" ? top : status === "unreachable" ? 0 : lo;
  const curve = curveOf(met, leverAt);
  const answer: SeekAnswer = {
    target: LIMITS[lever].id,
    targetLabel: limitText(lever, limit, year),
    year,
    lever,
    leverLabel: info.label,
    unit: info.unit,
    step,
    wished,
    status,
    value: status === "unreachable" ? undefined : leverAt(at),
    chance: share(met.get(at) ?? new Uint8Array()),
    above:
      status === "reached" ? { value: leverAt(hi), chance: share(met.get(hi) as Uint8Array) } : undefined,
    range: status === "reached" ? bootstrapRange(met, wished, runs, step, "highest", leverAt) : undefined,
    curve,
    runs,
    seed,
    sentence: "",
    base: baseOf(scenario, lever),
    beforeYear: defaultBeforeYear(scenario),
    direction: "highest",
    limit,
  };
  answer.sentence = seekSentence(answer);
  return answer;
}

/** The metric a limit lever's limit reads, through the layout (no id written here). */
function metricOf(p: ReturnType<typeof prepare>, lever: LimitLever): number {
  if (lever === "rentIncrease") {
    const a = need(p.layout.affordability, "betaalbaarheid");
    return a.betaalrisicoShare;
  }
  const a = need(p.layout.allocation, "toewijzing");
  return a.searchTimeMedian[GROUPS.indexOf("regulier")];
}
