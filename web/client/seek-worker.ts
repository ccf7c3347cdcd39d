import { type Remote, releaseProxy, wrap } from "comlink";
import type { Scenario, SeekAnswer, SeekRequest } from "../../engine/index";
import type { WorkerApi } from "../../engine/transport/worker";

/**
 * A worker of its own for "Wat is er nodig?": a search runs a dozen scenarios one after another, and
 * it must not cancel, or be cancelled by, the page's forecasts in the pool. It stops when the page goes.
 */
export interface SeekWorker {
  seek(scenario: Scenario, request: SeekRequest): Promise<SeekAnswer>;
  dispose(): void;
}

export function startSeekWorker(): SeekWorker {
  let worker: Worker | undefined;
  let api: Remote<WorkerApi> | undefined;
  const dispose = () => {
    api?.[releaseProxy]();
    worker?.terminate();
    worker = undefined;
    api = undefined;
  };
  addEventListener("pagehide", dispose);
  return {
    seek(scenario, request) {
      // Started on the first search: a page that never asks costs no worker.
      if (!api) {
        worker = new Worker(new URL("../../engine/transport/worker.ts", import.meta.url), { type: "module" });
        api = wrap<WorkerApi>(worker);
      }
      return api.seek(scenario, request);
    },
    dispose,
  };
}
