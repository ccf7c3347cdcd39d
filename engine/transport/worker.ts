import { expose, transfer } from "comlink";
import { type SeekAnswer, type SeekRequest, seek } from "../analysis/seek";
import { type TargetTornado, targetTornados } from "../analysis/sensitivity";
import type { Scenario } from "../scenario";
import { type ChunkReply, type ChunkRequest, createChunkRunner, type ProgressListener } from "./chunk";

/**
 * The Web Worker entry: comlink over the chunk runner, nothing more. Results cross by transfer of
 * their typed arrays' buffers, not by copying an object graph.
 */

const runner = createChunkRunner();

export const workerApi = {
  async runChunk(request: ChunkRequest, onProgress?: ProgressListener): Promise<ChunkReply> {
    const reply = await runner.runChunk(request, onProgress);
    if (reply.status !== "done") return reply;
    const { result, completions } = reply;
    const buffers = [result.values, result.met, result.targetValues, completions.months].map((a) => a.buffer);
    return transfer(reply, buffers as ArrayBuffer[]);
  },
  cancel(job: number): void {
    runner.cancel(job);
  },
  /** The council's tornado: each target's, from the scenario and every assumption's two settings, in one call. */
  tornado(scenario: Scenario, targets: string[], options: { runs: number; seed: number }): TargetTornado[] {
    return targetTornados(scenario, targets, options);
  },
  /** "Wat is er nodig?": the smallest change of one lever that reaches a target's wished chance. */
  seek(scenario: Scenario, request: SeekRequest): SeekAnswer {
    return seek(scenario, request);
  },
};

export type WorkerApi = typeof workerApi;

expose(workerApi);
