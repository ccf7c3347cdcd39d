import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { scenarioHash } from "../../kernel/hash";
import { mergeResults } from "../../merge";
import { type MonteCarloResult, runMonteCarlo } from "../../montecarlo";
import type { Scenario } from "../../scenario";
import { type Prepared, prepare } from "../../simulate";

/**
 * `run --threads N`: the runs split into chunks over N Node worker threads, each computing its chunk with
 * `runMonteCarlo` as one thread does, merged in order by `mergeResults`: the same bytes as one thread.
 * Not the browser's chunk runner: that one cuts a chunk into batches of 50 (so a cancel gets in) and
 * samples every project's completions for the planners' Gantt chart, work the command line does not
 * need (it took a second thread's gain away). The worker is this same module (in the built CLI: the
 * bundle itself), recognised by its workerData.
 */

const MARK = "woonscenario-threads";
/** Runs per chunk handed to a worker: small enough to balance, large enough to keep messages few. */
const CHUNK_RUNS = 500;

/** `--threads`: a whole number ≥ 1, or `auto` for the available cores; default 1. */
export function parseThreads(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === "auto") return availableParallelism();
  if (!/^[1-9][0-9]*$/.test(value) || Number(value) > 256)
    throw new Error(`--threads moet een geheel getal van 1 tot en met 256 zijn, of auto; niet ${value}`);
  return Number(value);
}

export async function simulateThreaded(
  scenario: Scenario,
  runs: number,
  seed: number,
  threads: number,
  onProgress?: (done: number) => void,
): Promise<MonteCarloResult> {
  const chunks: [number, number][] = [];
  for (let from = 0; from < runs; from += CHUNK_RUNS) chunks.push([from, Math.min(runs, from + CHUNK_RUNS)]);
  const results: MonteCarloResult[] = new Array(chunks.length);
  const self = new URL(import.meta.url);
  const tsSource = self.pathname.endsWith(".ts");
  // The parent's flags, less those only an entry script may take; from the TypeScript sources, tsx too.
  const inherited: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const a = process.execArgv[i];
    if (/^(--eval|-e|--print|-p)$/.test(a)) i++;
    else if (!/^(--input-type|--eval|--print)\b/.test(a)) inherited.push(a);
  }
  const execArgv = inherited;
  let next = 0;
  let done = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      // From the TypeScript sources (tsx, tests) the worker registers tsx before loading this module.
      const worker = tsSource
        ? new Worker(
            `import("tsx/esm/api").then((t) => t.register()).then(() => import(${JSON.stringify(self.href)}))`,
            { eval: true, workerData: MARK, execArgv: inherited },
          )
        : new Worker(self, { workerData: MARK, execArgv });
      const give = () => {
        if (next >= chunks.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const index = next++;
        const [from, to] = chunks[index];
        const request: ThreadRequest = { scenario, seed, runs, from, to };
        worker.postMessage({ index, request });
      };
      worker.on("message", (message: { index: number; result?: MonteCarloResult; error?: string }) => {
        if (message.error !== undefined || !message.result) {
          void worker.terminate();
          reject(new Error(message.error ?? "worker zonder resultaat"));
          return;
        }
        results[message.index] = message.result;
        const [from, to] = chunks[message.index];
        done += to - from;
        onProgress?.(done);
        give();
      });
      worker.on("error", reject);
      give();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, chunks.length)) }, one));
  return mergeResults(results);
}

interface ThreadRequest {
  scenario: Scenario;
  seed: number;
  /** The whole Monte Carlo's runs; this chunk computes runs [from, to). */
  runs: number;
  from: number;
  to: number;
}

if (!isMainThread && workerData === MARK && parentPort) {
  const port = parentPort;
  // Every chunk carries the same scenario: compiled once per thread, recognised by its hash.
  let cached: Prepared | undefined;
  port.on("message", ({ index, request }: { index: number; request: ThreadRequest }) => {
    try {
      const { scenario, seed, runs, from, to } = request;
      if (cached?.hash !== scenarioHash(scenario)) cached = prepare(scenario);
      const { model, layout, targets } = cached;
      const result = runMonteCarlo(model, layout, targets, { seed, runs, from, to });
      port.postMessage({ index, result });
    } catch (error) {
      port.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
