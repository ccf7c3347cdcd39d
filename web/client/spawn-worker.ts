import { proxy, type Remote, releaseProxy, wrap } from "comlink";
import type { ChunkReply, ChunkRequest, ProgressListener } from "../../engine/index";
import type { WorkerApi } from "../../engine/transport/worker";
import { createSession, type Session } from "./session";
import { type ChunkWorker, createPool, poolSize, type WorkerPool } from "./worker-pool";

/** An engine worker, watched from its first moment: it rejects `death` when it fails to load or throws. */
export function startEngineWorker(): { worker: Worker; death: Promise<never> } {
  const worker = new Worker(new URL("../../engine/transport/worker.ts", import.meta.url), { type: "module" });
  let died: ((error: Error) => void) | undefined;
  const death = new Promise<never>((_, reject) => {
    died = reject;
  });
  // Nobody may be waiting when it dies; that is not an unhandled error of its own.
  death.catch(() => {});
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    died?.(new Error(`De rekenwerker is gestopt: ${event.message || "onbekende fout"}`));
  });
  worker.addEventListener("messageerror", () =>
    died?.(new Error("Een bericht van de rekenwerker was onleesbaar")),
  );
  return { worker, death };
}

/**
 * A real Web Worker running the engine, seen through comlink. A worker that dies (a failed load, an
 * uncaught error) rejects the chunk it was running, so the pool can report and replace it.
 */
export function spawnWorker(): ChunkWorker {
  const { worker, death } = startEngineWorker();
  const api: Remote<WorkerApi> = wrap<WorkerApi>(worker);
  return {
    runChunk(request: ChunkRequest, onProgress: ProgressListener): Promise<ChunkReply> {
      return Promise.race([api.runChunk(request, proxy(onProgress)), death]);
    },
    cancel(job) {
      api.cancel(job).catch(() => {});
    },
    terminate() {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}

/**
 * A session on a pool of this machine's workers, as every notebook page starts one: a worker that
 * fails is reported on the session, and the workers stop when the page goes.
 */
export function startBrowserSession(): Session {
  let session: Session | undefined;
  const pool = createPool({
    size: poolSize(navigator.hardwareConcurrency),
    spawn: spawnWorker,
    onWorkerError: (error) =>
      session?.problem.set(`Een rekenwerker viel uit en is vervangen (${error.message}).`),
  });
  session = createSession(pool);
  addEventListener("pagehide", () => pool.dispose());
  return session;
}

/**
 * A pool for the council's page (see ./comparison): each scenario's runs on this machine's cores; the
 * tornado goes to the analysis worker (./analysis-worker) in one call, so neither cancels the other. Its
 * workers stop when the page goes.
 */
export function startCouncilPool(): WorkerPool {
  const pool = createPool({ size: poolSize(navigator.hardwareConcurrency), spawn: spawnWorker });
  addEventListener("pagehide", () => pool.dispose());
  return pool;
}
