import { type Remote, releaseProxy, wrap } from "comlink";
import type { Scenario, SeekAnswer, SeekRequest, TargetTornado } from "../../engine/index";
import type { WorkerApi } from "../../engine/transport/worker";

/**
 * A worker of its own for the analyses that run many scenarios in one call: "Wat is er nodig?" (a
 * search runs a dozen scenarios one after another) and the council's tornado (a scenario and each
 * assumption's two settings). They must not cancel, or be cancelled by, the page's forecasts in the
 * pool, and one call carries the scenario once, not once per setting. It stops when the page goes.
 */
export interface AnalysisWorker {
  seek(scenario: Scenario, request: SeekRequest): Promise<SeekAnswer>;
  tornado(
    scenario: Scenario,
    targets: readonly string[],
    options: { runs: number; seed: number },
  ): Promise<TargetTornado[]>;
  dispose(): void;
}

export function startAnalysisWorker(): AnalysisWorker {
  let worker: Worker | undefined;
  let api: Remote<WorkerApi> | undefined;
  const dispose = () => {
    api?.[releaseProxy]();
    worker?.terminate();
    worker = undefined;
    api = undefined;
  };
  addEventListener("pagehide", dispose);
  // Started on the first call: a page that never asks costs no worker.
  const started = (): Remote<WorkerApi> => {
    if (!api) {
      worker = new Worker(new URL("../../engine/transport/worker.ts", import.meta.url), { type: "module" });
      api = wrap<WorkerApi>(worker);
    }
    return api;
  };
  return {
    seek: (scenario, request) => started().seek(scenario, request),
    tornado: (scenario, targets, options) => started().tornado(scenario, [...targets], options),
    dispose,
  };
}
