import type { Model } from "../compile";
import { scenarioHash } from "../kernel/hash";
import { allocateResult, type MonteCarloResult, runMonteCarlo } from "../montecarlo";
import type { Scenario } from "../scenario";
import type { ResultShape } from "../shape";
import { type Prepared, prepare } from "../simulate";
import { type CompletionSample, mergeCompletions, sampleCompletions } from "../stock/completions";

/**
 * A chunk of Monte Carlo runs, computed in small batches with a pause between them so that a request
 * to cancel can get in. It knows nothing of workers: `engine/worker.ts` exposes it over comlink, and
 * tests call it directly in Node.
 */

export interface ChunkRequest {
  /** Increases with every request of the client; cancelling job j cancels every job up to j. */
  job: number;
  /** Already checked by `parseScenario`: data inside the engine is trusted. */
  scenario: Scenario;
  seed: number;
  /** The whole Monte Carlo's runs; this chunk computes runs [from, to). */
  runs: number;
  from: number;
  to: number;
}

export type ChunkReply =
  | {
      status: "done";
      job: number;
      result: MonteCarloResult;
      completions: CompletionSample;
      /** What the summary needs of the scenario, so the page need not compile it again. */
      shape: ResultShape;
    }
  | { status: "cancelled"; job: number };

export type ProgressListener = (done: number, total: number) => void;

/** Runs between two progress messages to the page. */
export const PROGRESS_RUNS = 50;

/**
 * Runs per batch; a cancel waits at most one batch. Of the building plan 50 runs take about 1 ms; with the
 * allocation model a run takes about 1.3 ms, so its batches are of 10 runs (about 13 ms): a lever dragged
 * across its range starts the computation of its newest value at once, not after 65 ms.
 */
export function batchRuns(model: Model): number {
  return model.allocation ? 10 : 50;
}

export interface ChunkRunner {
  runChunk(request: ChunkRequest, onProgress?: ProgressListener): Promise<ChunkReply>;
  cancel(job: number): void;
}

/** Let queued messages (a cancel) in before the next batch; a message channel is not clamped like setTimeout. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    // Node and browsers both have MessageChannel and `onmessage`; the engine is typed without the DOM.
    const channel = new MessageChannel() as unknown as {
      port1: { onmessage: (() => void) | null; close(): void };
      port2: { postMessage(message: unknown): void };
    };
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Compiled scenarios a runner keeps: the council's pool alternates between up to four scenarios (a
 * first look at each, then the rest of each), and compiling the allocation model costs 50–150 ms.
 */
const KEEP_COMPILED = 4;

export function createChunkRunner(compile: (scenario: Scenario) => Prepared = prepare): ChunkRunner {
  let cancelledUpTo = -1;
  // Every chunk of a request carries its scenario (a fresh copy after crossing to a worker): compile it
  // once per runner, recognised by its hash; the one used longest ago goes first.
  const compiled = new Map<string, Prepared>();
  const preparedFor = (scenario: Scenario): Prepared => {
    const hash = scenarioHash(scenario);
    const kept = compiled.get(hash) ?? compile(scenario);
    compiled.delete(hash);
    compiled.set(hash, kept);
    if (compiled.size > KEEP_COMPILED) compiled.delete(compiled.keys().next().value as string);
    return kept;
  };
  return {
    cancel(job) {
      cancelledUpTo = Math.max(cancelledUpTo, job);
    },
    async runChunk(request, onProgress) {
      const { job, seed, runs, from, to } = request;
      const { model, layout, targets, shape } = preparedFor(request.scenario);
      // One result for the chunk, filled batch by batch: no buffers per batch and no merge of them.
      const result = allocateResult(layout, targets, model.cal.nYears, to - from, from);
      const completions: CompletionSample[] = [];
      const batch = batchRuns(model);
      for (let start = from; start < to; start += batch) {
        if (job <= cancelledUpTo) return { status: "cancelled", job };
        const end = Math.min(to, start + batch);
        runMonteCarlo(model, layout, targets, { seed, runs, from: start, to: end, into: result });
        completions.push(sampleCompletions(model, seed, start, end));
        const crossed = Math.floor((end - from) / PROGRESS_RUNS) > Math.floor((start - from) / PROGRESS_RUNS);
        if (crossed || end === to) onProgress?.(end - from, to - from);
        if (end < to) await nextTask();
      }
      if (job <= cancelledUpTo) return { status: "cancelled", job };
      return {
        status: "done",
        job,
        result,
        completions: mergeCompletions(completions),
        shape,
      };
    },
  };
}
