import { describe, expect, it } from "vitest";
import { mergeResults } from "../../../engine/merge";
import { simulate } from "../../../engine/simulate";
import { chunkRanges, createPool, poolSize } from "../../../web/client/worker-pool";
import { expectSameBytes } from "../../helpers/bytes";
import { fakeWorker, newLog } from "../../helpers/fake-worker";
import { smallScenario } from "../../helpers/fixtures";
import { parsed } from "../../helpers/scenarios";

/** Splitting, merging, cancelling and retrying do not depend on the model's size: a small scenario. */
const scenario = parsed(smallScenario());

describe("poolSize", () => {
  it("uses one worker per core, at least one and at most four", () => {
    expect(poolSize(undefined)).toBe(1);
    expect(poolSize(0)).toBe(1);
    expect(poolSize(2)).toBe(2);
    expect(poolSize(16)).toBe(4);
  });
});

describe("chunkRanges", () => {
  it("covers every run exactly once, in order", () => {
    for (const [runs, workers] of [
      [1000, 2],
      [999, 3],
      [50, 4],
      [1, 1],
    ]) {
      const ranges = chunkRanges(runs, workers);
      expect(ranges[0][0]).toBe(0);
      expect(ranges[ranges.length - 1][1]).toBe(runs);
      for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1]);
    }
  });

  it("gives two chunks per worker when there are runs enough, and none under the minimum", () => {
    expect(chunkRanges(1000, 2)).toHaveLength(4);
    // A first look of 100 runs keeps two workers busy; 75 runs make one chunk.
    expect(chunkRanges(100, 2)).toEqual([
      [0, 50],
      [50, 100],
    ]);
    expect(chunkRanges(75, 4)).toHaveLength(1);
    expect(chunkRanges(150, 4)).toHaveLength(3);
  });
});

describe("createPool", () => {
  it("splits runs over its workers and merges them into the result of one whole run", async () => {
    const log = newLog();
    const pool = createPool({ size: 2, spawn: fakeWorker(log) });
    const progress: number[] = [];
    const outcome = await pool.run({ scenario, seed: 3, runs: 400 }, (done) => progress.push(done));
    expect(outcome.status).toBe("done");
    if (outcome.status !== "done") return;
    const whole = simulate(scenario, { runs: 400, seed: 3 }).result;
    expectSameBytes(outcome.result.values, whole.values, "values");
    expectSameBytes(outcome.result.met, whole.met, "met");
    expectSameBytes(outcome.result.targetValues, whole.targetValues, "targetValues");
    expect(log.requests.length).toBe(4);
    expect(progress[progress.length - 1]).toBe(400);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
  });

  it("computes only the runs from `from` on, which merged after the first ones are the whole run", async () => {
    const log = newLog();
    const pool = createPool({ size: 2, spawn: fakeWorker(log) });
    const first = await pool.run({ scenario, seed: 3, runs: 400, from: 0, to: 100 });
    const progress: [number, number][] = [];
    const rest = await pool.run({ scenario, seed: 3, runs: 400, from: 100 }, (done, total) =>
      progress.push([done, total]),
    );
    expect(first.status === "done" && rest.status === "done").toBe(true);
    if (first.status !== "done" || rest.status !== "done") return;
    expect(rest.result.firstRun).toBe(100);
    expect(rest.result.runs).toBe(300);
    const computed = log.requests.reduce((n, r) => n + r.to - r.from, 0);
    expect(computed).toBe(400);
    const merged = mergeResults([first.result, rest.result]);
    const whole = simulate(scenario, { runs: 400, seed: 3 }).result;
    expectSameBytes(merged.values, whole.values, "values");
    expectSameBytes(merged.met, whole.met, "met");
    expect(progress[progress.length - 1]).toEqual([300, 300]);
    // Given the first runs, the pool joins them before its own in the one merge it makes anyway.
    const joined = await pool.run({ scenario, seed: 3, runs: 400, from: 100, before: first });
    expect(joined.status).toBe("done");
    if (joined.status !== "done") return;
    expect(joined.result.runs).toBe(400);
    expectSameBytes(joined.result.values, whole.values, "values");
    expectSameBytes(joined.result.targetValues, whole.targetValues, "targetValues");
    expect(joined.completions.runs).toBe(400);
    // Runs that do not end where the job starts, or of another scenario, are refused, not joined.
    const gap = await pool.run({ scenario, seed: 3, runs: 400, from: 150, before: first });
    expect(gap.status === "failed" && gap.error.message).toMatch(/eerdere runs/);
    const other = { ...scenario, name: "Ander scenario" };
    const foreign = await pool.run({ scenario: other, seed: 3, runs: 400, from: 100, before: first });
    expect(foreign.status === "failed" && foreign.error.message).toMatch(/eerdere runs/);
  });

  it("cancels the running job when a new one arrives: only the last request gets a result", async () => {
    const log = newLog();
    const pool = createPool({ size: 2, spawn: fakeWorker(log) });
    const jobs = [1, 2, 3, 4, 5].map((seed) => pool.run({ scenario, seed, runs: 400 }));
    const outcomes = await Promise.all(jobs);
    expect(outcomes.map((o) => o.status)).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
      "cancelled",
      "done",
    ]);
    const last = outcomes[4];
    if (last.status !== "done") return;
    const whole = simulate(scenario, { runs: 400, seed: 5 }).result;
    expectSameBytes(last.result.values, whole.values, "values");
    // Workers busy with a stale job were told to stop it.
    expect(log.cancels.length).toBeGreaterThan(0);
  });

  it("reports a worker that fails, replaces it and retries its chunk once", async () => {
    const log = newLog();
    let failures = 1;
    const errors: Error[] = [];
    const pool = createPool({
      size: 2,
      spawn: fakeWorker(log, () => failures-- > 0),
      onWorkerError: (e) => errors.push(e),
    });
    const outcome = await pool.run({ scenario, seed: 1, runs: 200 });
    expect(outcome.status).toBe("done");
    expect(errors.map((e) => e.message)).toEqual(["werker gestorven"]);
    expect(log.terminated).toBe(1);
  });

  it("fails the job when the retried chunk fails again, and keeps working for the next job", async () => {
    const log = newLog();
    let failing = true;
    const pool = createPool({ size: 1, spawn: fakeWorker(log, () => failing) });
    const outcome = await pool.run({ scenario, seed: 1, runs: 100 });
    expect(outcome.status).toBe("failed");
    failing = false;
    expect((await pool.run({ scenario, seed: 1, runs: 100 })).status).toBe("done");
  });
});
