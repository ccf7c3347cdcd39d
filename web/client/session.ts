import {
  type CompletionSpread,
  type Scenario,
  type SummaryJson,
  summariseCompletions,
  summaryOf,
} from "../../engine/index";
import type { Cell } from "../common/csv";
import { runTable } from "./run-table";
import { type Signal, signal } from "./signal";
import type { PoolRuns, WorkerPool } from "./worker-pool";

/**
 * One scenario in, one result out: the pool computes the runs, this turns them into the summary the
 * charts read (the same `summary.json` the command line writes) and the projects' completion spread.
 * Only the newest scenario's result is published; older ones are cancelled in the pool.
 */

export interface RunResult {
  summary: SummaryJson;
  spread: CompletionSpread[];
  scenario: Scenario;
  /** Milliseconds from the request to the summary, for the page's status line. */
  elapsed: number;
  /** A quick first look with fewer runs, shown on opening while the full run is under way. */
  preliminary: boolean;
  /** The values of every run of the given metrics, for the per-run CSV (see ./run-table). */
  perRun?: (ids: readonly string[]) => Cell[][];
  /**
   * The last full result of another scenario, so a chart can say what the last edit did ("vorige
   * berekening"); it carries no previous of its own.
   */
  previous?: RunResult;
}

export interface Progress {
  running: boolean;
  done: number;
  total: number;
}

export interface Session {
  result: Signal<RunResult | undefined>;
  progress: Signal<Progress>;
  /** Dutch messages about failed runs and replaced workers; empty when all is well. */
  problem: Signal<string>;
  /** Compute `scenario`; with `preview`, first publish a result of that many runs. */
  request(scenario: Scenario, options?: { preview?: number }): Promise<void>;
}

export function createSession(pool: WorkerPool, now: () => number = () => performance.now()): Session {
  const result = signal<RunResult | undefined>(undefined);
  const progress = signal<Progress>({ running: false, done: 0, total: 0 });
  const problem = signal("");
  let lastFull: RunResult | undefined;
  /** What a new full result of `hash` is compared with: the last of another scenario. */
  const previousFor = (hash: string): RunResult | undefined => {
    if (!lastFull) return undefined;
    if (lastFull.summary.meta.scenarioHash !== hash)
      return { ...lastFull, previous: undefined, perRun: undefined };
    return lastFull.previous;
  };
  return {
    result,
    progress,
    problem,
    async request(scenario, options = {}) {
      const start = now();
      performance.mark("woonscenario:berekening-start");
      const { seed, runs } = scenario.simulation;
      progress.set({ running: true, done: 0, total: runs });
      // The workers send the scenario's shape with their runs: nothing is compiled on this thread.
      const summarised = (ran: PoolRuns) => ({
        status: "done" as const,
        summary: summaryOf(ran.result, ran.shape, seed),
        spread: summariseCompletions(ran.shape.projects, ran.completions),
        perRun: runTable(ran.result, ran.shape),
      });
      const preview = options.preview ?? 0;
      let first: PoolRuns | undefined;
      if (preview > 0 && preview < runs) {
        const ran = await pool.run({ scenario, seed, runs, from: 0, to: preview });
        if (ran.status === "cancelled") return;
        if (ran.status === "done") first = ran;
      }
      // The rest of the runs, merged after the first look's: together byte for byte one whole run. Asked
      // for before the first look is summarised and drawn, so the workers never wait on this thread.
      const from = first ? preview : 0;
      if (first) progress.set({ running: true, done: preview, total: runs });
      const pending = pool.run({ scenario, seed, runs, from, before: first }, (done) =>
        progress.set({ running: true, done: from + done, total: runs }),
      );
      if (first) result.set({ ...summarised(first), scenario, elapsed: now() - start, preliminary: true });
      const rest = await pending;
      const outcome = rest.status !== "done" ? rest : summarised(rest);
      if (outcome.status === "cancelled") return;
      if (outcome.status === "failed") {
        progress.set({ running: false, done: 0, total: runs });
        problem.set(`De berekening is mislukt: ${outcome.error.message}`);
        return;
      }
      performance.mark("woonscenario:runs-klaar");
      problem.set("");
      const full: RunResult = {
        ...outcome,
        scenario,
        elapsed: now() - start,
        preliminary: false,
        previous: previousFor(outcome.summary.meta.scenarioHash),
      };
      lastFull = full;
      result.set(full);
      // Done only once the result is out: a test or a reader waiting for "klaar" sees the final one.
      progress.set({ running: false, done: runs, total: runs });
    },
  };
}
