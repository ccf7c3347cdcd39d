import { type ChunkReply, type ChunkRequest, createChunkRunner } from "../../engine/transport/chunk";
import type { ChunkWorker } from "../../web/client/worker-pool";

/** What a fake worker saw: its requests, the cancels it was sent, and how often it was terminated. */
export interface WorkerLog {
  requests: ChunkRequest[];
  cancels: number[];
  terminated: number;
}

export const newLog = (): WorkerLog => ({ requests: [], cancels: [], terminated: 0 });

/** A worker in the same thread: the real chunk runner, with hooks to fail or count calls. */
export function fakeWorker(log: WorkerLog, fail?: () => boolean) {
  return (): ChunkWorker => {
    const runner = createChunkRunner();
    return {
      runChunk(request, onProgress): Promise<ChunkReply> {
        log.requests.push(request);
        if (fail?.()) return Promise.reject(new Error("werker gestorven"));
        return runner.runChunk(request, onProgress);
      },
      cancel(job) {
        log.cancels.push(job);
        runner.cancel(job);
      },
      terminate() {
        log.terminated++;
      },
    };
  };
}
