import { type CompletionSpread, summariseCompletions } from "../engine/completions";
import { type SummaryJson, toSummaryJson } from "../engine/output";
import type { Scenario } from "../engine/scenario";
import { type Prepared, prepare } from "../engine/simulate";
import { summarise } from "../engine/summary";
import { ENGINE_VERSION } from "../engine/version";
import { type Signal, signal } from "./signal";
import type { WorkerPool } from "./worker-pool";

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
  request(scenario: Scenario): Promise<void>;
}

export function createSession(pool: WorkerPool, now: () => number = () => performance.now()): Session {
  const result = signal<RunResult | undefined>(undefined);
  const progress = signal<Progress>({ running: false, done: 0, total: 0 });
  const problem = signal("");
  let prepared: Prepared | undefined;
  return {
    result,
    progress,
    problem,
    async request(scenario) {
      const start = now();
      performance.mark("woonscenario:berekening-start");
      const { seed, runs } = scenario.simulation;
      progress.set({ running: true, done: 0, total: runs });
      const running = pool.run({ scenario, seed, runs }, (done, total) => {
        progress.set({ running: true, done, total });
      });
      // Compile the scenario here while the workers run: the summary needs its layout and targets.
      if (prepared?.scenario !== scenario) prepared = prepare(scenario);
      const outcome = await running;
      if (outcome.status === "cancelled") return;
      progress.set({ running: false, done: outcome.status === "done" ? runs : 0, total: runs });
      if (outcome.status === "failed") {
        problem.set(`De berekening is mislukt: ${outcome.error.message}`);
        return;
      }
      performance.mark("woonscenario:runs-klaar");
      if (prepared?.scenario !== scenario) prepared = prepare(scenario);
      const meta = {
        engineVersion: ENGINE_VERSION,
        scenarioName: scenario.name,
        scenarioHash: prepared.hash,
        seed,
        runs,
      };
      const summary = toSummaryJson(prepared, meta, summarise(outcome.result));
      const spread = summariseCompletions(prepared.model, outcome.completions);
      problem.set("");
      result.set({ summary, spread, scenario, elapsed: now() - start });
    },
  };
}
