import { describe, expect, it } from "vitest";
import { planningScope } from "../../../engine/scope";
import { prepare, simulate } from "../../../engine/simulate";
import { batchRuns, createChunkRunner, PROGRESS_RUNS } from "../../../engine/transport/chunk";
import { expectSameBytes } from "../../helpers/bytes";
import { smallScenario } from "../../helpers/fixtures";
import { parsed } from "../../helpers/scenarios";

const scenario = parsed(smallScenario());

describe("createChunkRunner", () => {
  it("computes a chunk equal to the same runs of one whole Monte Carlo", async () => {
    const runner = createChunkRunner();
    const reply = await runner.runChunk({ job: 1, scenario, seed: 5, runs: 120, from: 0, to: 120 });
    expect(reply.status).toBe("done");
    if (reply.status !== "done") return;
    const whole = simulate(scenario, { runs: 120, seed: 5 }).result;
    expectSameBytes(reply.result.values, whole.values, "values");
    expectSameBytes(reply.result.met, whole.met, "met");
    expect(reply.completions.runs).toBe(120);
  });

  it("reports progress every 50 runs, ending at the chunk's size", async () => {
    const runner = createChunkRunner();
    const seen: number[] = [];
    await runner.runChunk({ job: 1, scenario, seed: 1, runs: 500, from: 200, to: 330 }, (done, total) => {
      expect(total).toBe(130);
      seen.push(done);
    });
    expect(seen).toEqual([PROGRESS_RUNS, 2 * PROGRESS_RUNS, 130]);
  });

  it("computes the allocation model in batches of 10 runs, the building plan in batches of 50", () => {
    // A cancel waits at most a batch: about 13 ms of the whole model, 1 ms of the building plan.
    expect(batchRuns(prepare(scenario).model)).toBe(10);
    expect(batchRuns(prepare(planningScope(scenario)).model)).toBe(50);
  });

  it("stops a chunk whose job is cancelled while it runs, and every older job with it", async () => {
    const runner = createChunkRunner();
    const pending = runner.runChunk({ job: 4, scenario, seed: 1, runs: 1000, from: 0, to: 1000 });
    runner.cancel(5);
    expect((await pending).status).toBe("cancelled");
    const newer = await runner.runChunk({ job: 6, scenario, seed: 1, runs: 10, from: 0, to: 10 });
    expect(newer.status).toBe("done");
  });

  it("compiles each of up to four scenarios once, as the council's pool alternates between them", async () => {
    const compiled: string[] = [];
    const runner = createChunkRunner((s) => {
      compiled.push(s.name);
      return prepare(s);
    });
    const four = ["a", "b", "c", "d"].map((name) => ({ ...scenario, name }));
    for (const round of [0, 1])
      for (const s of four)
        await runner.runChunk({
          job: 1 + round,
          scenario: s,
          seed: 1,
          runs: 20,
          from: 10 * round,
          to: 10 * round + 10,
        });
    expect(compiled).toEqual(["a", "b", "c", "d"]);
    // A fifth pushes out the one used longest ago.
    await runner.runChunk({
      job: 3,
      scenario: { ...scenario, name: "e" },
      seed: 1,
      runs: 10,
      from: 0,
      to: 10,
    });
    await runner.runChunk({ job: 4, scenario: four[0], seed: 1, runs: 10, from: 0, to: 10 });
    expect(compiled).toEqual(["a", "b", "c", "d", "e", "a"]);
  });
});
