import {
  type ChunkReply,
  type ChunkRequest,
  type CompletionSample,
  type MonteCarloResult,
  mergeCompletions,
  mergeResults,
  type ProgressListener,
  type ResultShape,
  type Scenario,
} from "../../engine/index";

/**
 * A small pool of workers that share one Monte Carlo: the runs are split into chunks, idle workers
 * take the next chunk, and the chunks are joined in run order (`joinRuns`: byte for byte one big run). Only the
 * latest request counts: a new one cancels the one still running, so a slider dragged across its
 * range ends with the result of its final value. A worker that throws or dies is reported, replaced,
 * and its chunk tried once more on the replacement.
 */

/** What the pool needs of a worker; the browser's comes from `spawn-worker.ts`, tests pass fakes. */
export interface ChunkWorker {
  runChunk(request: ChunkRequest, onProgress: ProgressListener): Promise<ChunkReply>;
  cancel(job: number): void;
  terminate(): void;
}

export interface PoolOptions {
  size: number;
  spawn: () => ChunkWorker;
  /** Told of every worker that failed (it has been replaced already). */
  onWorkerError?: (error: Error) => void;
}

export interface PoolJob {
  scenario: Scenario;
  seed: number;
  /** The Monte Carlo's runs; the job computes runs [from, to) of them (default: all). */
  runs: number;
  /**
   * A part of the runs: a first look computes [0, 100) and the rest [100, runs) later, and the two merged
   * (`mergeResults`) are byte for byte the whole run, so no run is computed twice.
   */
  from?: number;
  to?: number;
  /**
   * Runs [0, from) already computed (a first look): joined before this job's runs in the one merge the
   * pool makes anyway, so the whole is not copied twice (fresh memory is slow to touch in a browser).
   */
  before?: PoolRuns;
}

/** Runs computed by the pool: the Monte Carlo's rows, the projects' completions, and what the rows are. */
export interface PoolRuns {
  result: MonteCarloResult;
  completions: CompletionSample;
  shape: ResultShape;
}

/** Parts of one Monte Carlo (a first look and the rest) joined in run order: byte for byte the whole. */
function joinRuns(parts: readonly PoolRuns[]): PoolRuns {
  return {
    result: mergeResults(parts.map((p) => p.result)),
    completions: mergeCompletions(parts.map((p) => p.completions)),
    shape: parts[0].shape,
  };
}

/** Runs given as `before` that are not runs [0, from) of the job's own scenario: joining them would lie. */
const notBefore = () =>
  new Error(
    "De eerdere runs horen niet bij deze berekening (ander scenario of niet aansluitend); niets samengevoegd.",
  );

export type PoolOutcome =
  | ({ status: "done"; job: number } & PoolRuns)
  | { status: "cancelled"; job: number }
  | { status: "failed"; job: number; error: Error };

export interface WorkerPool {
  readonly size: number;
  /** Progress counts the job's own runs: `total` is `to − from`. */
  run(job: PoolJob, onProgress?: (done: number, total: number) => void): Promise<PoolOutcome>;
  dispose(): void;
}

/** Workers for this machine: one per core, at least one, at most four (more buys little at 1,000 runs). */
export function poolSize(hardwareConcurrency: number | undefined): number {
  return Math.max(1, Math.min(4, Math.floor(hardwareConcurrency ?? 1)));
}

/**
 * Run ranges [from, to) for `workers` workers: two chunks each, so a worker that finishes early takes
 * another, but no chunk under `minRuns`, since each chunk costs a message (and, the first time a worker
 * sees a scenario, a compile). Fifty, so a first look of 100 runs keeps two workers busy: of the
 * allocation model that is a few hundred milliseconds on one core.
 */
export function chunkRanges(runs: number, workers: number, minRuns = 50): [number, number][] {
  const count = Math.max(1, Math.min(2 * workers, Math.floor(runs / minRuns)));
  const ranges: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.round((i * runs) / count);
    const to = Math.round(((i + 1) * runs) / count);
    if (to > from) ranges.push([from, to]);
  }
  return ranges;
}

interface Slot {
  worker: ChunkWorker;
  busyWith: number | undefined;
}

interface Active {
  job: number;
  request: PoolJob;
  queue: { range: [number, number]; attempts: number }[];
  done: Map<number, PoolRuns>;
  progress: Map<number, number>;
  chunks: number;
  /** Runs in the job's range, for its progress. */
  size: number;
  onProgress?: (done: number, total: number) => void;
  resolve: (outcome: PoolOutcome) => void;
}

export function createPool(options: PoolOptions): WorkerPool {
  const slots: Slot[] = Array.from({ length: options.size }, () => ({
    worker: options.spawn(),
    busyWith: undefined,
  }));
  let lastJob = 0;
  let active: Active | undefined;

  const finish = (a: Active, outcome: PoolOutcome) => {
    if (active === a) active = undefined;
    a.resolve(outcome);
  };

  const dispatch = () => {
    const a = active;
    if (!a) return;
    for (const slot of slots) {
      if (slot.busyWith !== undefined || a.queue.length === 0) continue;
      const chunk = a.queue.shift()!;
      runOn(slot, a, chunk);
    }
  };

  const runOn = (slot: Slot, a: Active, chunk: Active["queue"][number]) => {
    const [from, to] = chunk.range;
    const { scenario, seed, runs } = a.request;
    slot.busyWith = a.job;
    const onProgress = (done: number) => {
      if (active !== a) return;
      a.progress.set(from, done);
      let total = 0;
      for (const n of a.progress.values()) total += n;
      a.onProgress?.(total, a.size);
    };
    slot.worker.runChunk({ job: a.job, scenario, seed, runs, from, to }, onProgress).then(
      (reply) => {
        slot.busyWith = undefined;
        if (active === a && reply.status === "done") {
          a.done.set(from, { result: reply.result, completions: reply.completions, shape: reply.shape });
          if (a.done.size === a.chunks) {
            const parts = [...a.done.values()];
            const { before } = a.request;
            if (before && before.shape.scenarioHash !== parts[0].shape.scenarioHash)
              finish(a, { status: "failed", job: a.job, error: notBefore() });
            else finish(a, { status: "done", job: a.job, ...joinRuns(before ? [before, ...parts] : parts) });
          }
        }
        dispatch();
      },
      (reason: unknown) => {
        const error = reason instanceof Error ? reason : new Error(String(reason));
        slot.worker.terminate();
        slot.worker = options.spawn();
        slot.busyWith = undefined;
        options.onWorkerError?.(error);
        if (active === a) {
          // A worker may die of its own (out of memory, a crash); an error the engine throws would
          // come back the same, so each chunk gets one more try only.
          if (chunk.attempts < 1) a.queue.unshift({ range: chunk.range, attempts: chunk.attempts + 1 });
          else finish(a, { status: "failed", job: a.job, error });
        }
        dispatch();
      },
    );
  };

  return {
    size: slots.length,
    run(request, onProgress) {
      const job = ++lastJob;
      if (active) finish(active, { status: "cancelled", job: active.job });
      // Workers still busy with an older job stop at their next batch.
      for (const slot of slots) if (slot.busyWith !== undefined) slot.worker.cancel(job - 1);
      const from = request.from ?? 0;
      const size = (request.to ?? request.runs) - from;
      const { before } = request;
      if (before && (before.result.firstRun !== 0 || before.result.runs !== from))
        return Promise.resolve({ status: "failed", job, error: notBefore() });
      const ranges = chunkRanges(size, slots.length).map(([a, b]): [number, number] => [a + from, b + from]);
      return new Promise<PoolOutcome>((resolve) => {
        active = {
          job,
          request,
          queue: ranges.map((range) => ({ range, attempts: 0 })),
          done: new Map(),
          progress: new Map(),
          chunks: ranges.length,
          size,
          onProgress,
          resolve,
        };
        dispatch();
      });
    },
    dispose() {
      if (active) finish(active, { status: "cancelled", job: active.job });
      for (const slot of slots) slot.worker.terminate();
    },
  };
}
