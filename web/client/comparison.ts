import {
  allocationScope,
  type CompletionSpread,
  type MonteCarloResult,
  type Outcome,
  pairedDifference,
  planningScope,
  type ResultShape,
  type Scenario,
  STATISTICS,
  type SummaryJson,
  summariseCompletions,
  summaryOf,
  type TornadoBar,
  type YearStats,
} from "../../engine/index";
import type { AnalysisWorker } from "./analysis-worker";
import type { PoolRuns, WorkerPool } from "./worker-pool";

/**
 * The council's comparison: two to four scenarios run with the same seed and number of runs (so
 * their runs are paired by common random numbers), their targets side by side, the difference between
 * two of them with its own band, and the assumptions that move the outcome most. Every run is made in
 * a worker: the comparison in the pool, as the planners' notebook makes its runs, the tornado in one call
 * to the analysis worker. The pool sends the runs back with their shape, so nothing is compiled on the
 * main thread and the results are byte for byte those of Node's `simulate` at the same seed and runs.
 */

export interface Compared {
  /** The name shown; made unique when two scenarios share one. */
  label: string;
  scenario: Scenario;
  summary: SummaryJson;
  /** The runs themselves (a difference is taken run by run) and what their rows are. */
  result: MonteCarloResult;
  shape: ResultShape;
  /** When each project completes in these same runs. */
  spread: CompletionSpread[];
}

export interface ComparisonOptions {
  runs: number;
  seed: number;
}

export const COUNCIL_RUNS = 1000;

export type ProgressListener = (done: number, total: number) => void;

/**
 * What the council computes of a scenario: its building plan and, when it has one, its allocation model
 * (the targets on free allocation and statushouders), never affordability. One computation gives both:
 * the building plan's numbers are the same with the allocation model as without it, bit for bit (it
 * follows the stock and draws from streams of its own; test/web/client/comparison.slow.test.ts).
 */
export function councilScope(scenario: Scenario): Scenario {
  return scenario.allocation ? allocationScope(scenario) : planningScope(scenario);
}

/**
 * Runs [from, to) of each scenario, one scenario after the other in the pool, with the same seed and
 * runs, joined after `before[i]` (runs [0, from) of the same scenario); undefined when a newer request
 * took the pool (its caller's result is then being replaced). A failed run throws.
 */
async function runEach(
  pool: WorkerPool,
  scenarios: readonly Scenario[],
  options: ComparisonOptions,
  range: { from?: number; to?: number; before?: readonly PoolRuns[] } = {},
  onProgress?: ProgressListener,
): Promise<PoolRuns[] | undefined> {
  const ran: PoolRuns[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    const { from, to, before } = range;
    const outcome = await pool.run({ scenario, ...options, from, to, before: before?.[i] }, (done, total) =>
      onProgress?.(i * total + done, scenarios.length * total),
    );
    if (outcome.status === "cancelled") return undefined;
    if (outcome.status === "failed") throw outcome.error;
    ran.push(outcome);
  }
  return ran;
}

/** Each scenario's name, with a number after the second and later of the same name. */
export function uniqueLabels(scenarios: readonly Scenario[]): string[] {
  const seen = new Map<string, number>();
  return scenarios.map((scenario) => {
    const n = (seen.get(scenario.name) ?? 0) + 1;
    seen.set(scenario.name, n);
    return n === 1 ? scenario.name : `${scenario.name} (${n})`;
  });
}

/** The comparison of these runs, one set per scenario. */
function comparedOf(scenarios: readonly Scenario[], ran: readonly PoolRuns[], seed: number): Compared[] {
  const labels = uniqueLabels(scenarios);
  return ran.map(({ result, completions, shape }, i) => ({
    label: labels[i],
    scenario: scenarios[i],
    summary: summaryOf(result, shape, seed),
    result,
    shape,
    spread: summariseCompletions(shape.projects, completions),
  }));
}

/** Every scenario in the council's scope, all runs; undefined when a newer request took the pool. */
export async function runComparison(
  pool: WorkerPool,
  scenarios: readonly Scenario[],
  options: ComparisonOptions,
  onProgress?: ProgressListener,
): Promise<Compared[] | undefined> {
  const ran = await runEach(pool, scenarios.map(councilScope), options, {}, onProgress);
  return ran && comparedOf(scenarios, ran, options.seed);
}

/** Runs of every scenario for the comparison's first look: some hundreds of milliseconds for four scenarios. */
const FIRST_LOOK_RUNS = 100;

/**
 * Where the comparison is: a first look from the first runs of each scenario, all runs, or the first look
 * still because computing the rest failed.
 */
export type ComparisonState = "voorlopig" | "klaar" | "mislukt";

export interface Scored {
  compared: readonly Compared[];
  state: ComparisonState;
  /** The runs per scenario the comparison shown rests on, and those it will rest on when all are in. */
  runs: number;
  total: number;
  /** What went wrong, when computing the rest failed. */
  problem?: string;
}

/**
 * For a notebook cell (an async generator): the comparison of the first `firstLook` runs of each scenario,
 * then of all runs. The rest of the runs is computed after the first look's and joined to them (byte for
 * byte one whole run), so the first look costs no extra run. Should the rest fail, the first look stays,
 * said to be one, with the problem; should the first look fail, the cell shows the error. A newer
 * comparison cancels the pool's work for this one once this one's first look is out (the notebook
 * runtime waits for a cell's first value before it computes the cell anew); this one then yields no more.
 */
export async function* comparisons(
  pool: WorkerPool,
  scenarios: readonly Scenario[],
  options: ComparisonOptions,
  firstLook = FIRST_LOOK_RUNS,
): AsyncGenerator<Scored, void, unknown> {
  const scoped = scenarios.map(councilScope);
  const look = firstLook > 0 && firstLook < options.runs ? firstLook : 0;
  const first = look > 0 ? await runEach(pool, scoped, options, { from: 0, to: look }) : [];
  if (!first) return;
  // Asked for before the first look is summarised and drawn, so the workers never wait on this thread.
  const pending = runEach(pool, scoped, options, { from: look, before: look > 0 ? first : undefined });
  // Handled here too: should the cell be left while it waits at the first look, a failure is not loose.
  pending.catch(() => {});
  const total = options.runs;
  const firstCompared = comparedOf(scenarios, first, options.seed);
  if (look > 0) yield { compared: firstCompared, state: "voorlopig", runs: look, total };
  let all: PoolRuns[] | undefined;
  try {
    all = await pending;
  } catch (error) {
    if (look === 0) throw error;
    const problem = error instanceof Error ? error.message : String(error);
    yield { compared: firstCompared, state: "mislukt", runs: look, total, problem };
    return;
  }
  if (all) yield { compared: comparedOf(scenarios, all, options.seed), state: "klaar", runs: total, total };
}

/**
 * For a notebook cell: the result of a request, or, when a newer request took the pool, a promise that
 * never settles, so the cell keeps what it shows until the newer request's cell replaces it.
 */
export function unlessReplaced<T>(request: Promise<T | undefined>): Promise<T> {
  return request.then((value) => (value === undefined ? new Promise<T>(() => {}) : value));
}

/** Statistics per year of `b − a`, run by run. */
export function differenceRows(a: Compared, b: Compared, metric: string): YearStats[] {
  const stats = pairedDifference(
    { layout: { defs: a.shape.metrics }, result: a.result },
    { layout: { defs: b.shape.metrics }, result: b.result },
    metric,
  );
  return a.summary.years.map((year, y) => {
    const row = { year } as YearStats;
    STATISTICS.forEach((s, i) => {
      row[s] = stats[y * STATISTICS.length + i];
    });
    return row;
  });
}

/**
 * The two outcomes the council asks about, each a target of the agreement read in its own year: the
 * social share at the end of the agreement and the homes realised by the opgave's year.
 */
export const TORNADO_TARGETS = ["sociale_voorraad_groeit", "opgave"] as const;

export interface TornadoResult {
  /** The target whose outcome this is (one of TORNADO_TARGETS). */
  target: (typeof TORNADO_TARGETS)[number];
  outcome: Outcome;
  base: number;
  bars: TornadoBar[];
}

/**
 * The tornado of the first scenario's building plan, for each of TORNADO_TARGETS: it and each
 * assumption's low and high setting run with one seed and runs, every outcome read from the same runs,
 * all in one call to the analysis worker (see ./analysis-worker). Undefined when a newer tornado was
 * asked for while this one waited (its page has moved on).
 */
export async function tornadoFor(
  worker: Pick<AnalysisWorker, "tornado">,
  scenario: Scenario,
  options: ComparisonOptions,
): Promise<TornadoResult[] | undefined> {
  const tornados = await worker.tornado(planningScope(scenario), TORNADO_TARGETS, options);
  return tornados?.flatMap((t) => {
    const target = TORNADO_TARGETS.find((id) => id === t.target);
    return target ? [{ ...t, target }] : [];
  });
}
