import { type Remote, releaseProxy, wrap } from "comlink";
import type { Scenario, SeekAnswer, SeekRequest, TargetTornado } from "../../engine/index";
import type { WorkerApi } from "../../engine/transport/worker";
import { startEngineWorker } from "./spawn-worker";

/**
 * A worker of its own for the analyses that run many scenarios in one call: "Wat is er nodig?" (a
 * search runs a dozen scenarios one after another) and the council's tornado (a scenario and each
 * assumption's two settings). They must not cancel, or be cancelled by, the page's forecasts in the
 * pool, and one call carries the scenario once, not once per setting. It stops when the page goes.
 *
 * A call cannot be stopped once the worker runs it, so a tornado asked for while another runs waits, and
 * only the newest that waited is run: the others get `undefined` (their page has moved on). A worker
 * that dies fails its call with a Dutch message and is replaced at the next call; a tornado is tried
 * once more on the new worker.
 */
export interface AnalysisWorker {
  seek(scenario: Scenario, request: SeekRequest): Promise<SeekAnswer>;
  tornado(
    scenario: Scenario,
    targets: readonly string[],
    options: { runs: number; seed: number },
  ): Promise<TargetTornado[] | undefined>;
  dispose(): void;
}

interface Running {
  worker: Worker;
  api: Remote<WorkerApi>;
  death: Promise<never>;
  dead: boolean;
}

export function startAnalysisWorker(): AnalysisWorker {
  let running: Running | undefined;
  const stop = () => {
    running?.api[releaseProxy]();
    running?.worker.terminate();
    running = undefined;
  };
  addEventListener("pagehide", stop);
  // Started on the first call: a page that never asks costs no worker.
  const started = (): Running => {
    if (running) return running;
    const { worker, death } = startEngineWorker();
    const r: Running = { worker, api: wrap<WorkerApi>(worker), death, dead: false };
    death.catch(() => {
      r.dead = true;
    });
    running = r;
    return r;
  };
  /** A call on the running worker, failed when it dies; a dead worker is replaced at the next call. */
  const call = async <T>(ask: (api: Remote<WorkerApi>) => Promise<T>): Promise<T> => {
    const r = started();
    try {
      return await Promise.race([ask(r.api), r.death]);
    } catch (error) {
      // A dead worker is replaced; an error of the engine itself leaves the worker as it is.
      if (r.dead && running === r) stop();
      throw error;
    }
  };
  return {
    seek: (scenario, request) => call((api) => api.seek(scenario, request)),
    tornado: newestOnly(
      (scenario: Scenario, targets: readonly string[], options: { runs: number; seed: number }) =>
        call((api) => api.tornado(scenario, [...targets], options)),
    ),
    dispose: stop,
  };
}

/**
 * Calls of `task` one at a time, in order; a call still waiting when a newer one comes is not made and
 * gives `undefined`. A call that fails is made once more (a dead worker is replaced in between), unless
 * a newer one came meanwhile.
 */
export function newestOnly<Args extends unknown[], T>(
  task: (...args: Args) => Promise<T>,
): (...args: Args) => Promise<T | undefined> {
  let newest = 0;
  let queue: Promise<unknown> = Promise.resolve();
  return (...args) => {
    const ticket = ++newest;
    const run = async (): Promise<T | undefined> => {
      if (ticket !== newest) return undefined;
      try {
        return await task(...args);
      } catch {
        if (ticket !== newest) return undefined;
        return task(...args);
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => {});
    return result;
  };
}
