import { describe, expect, it } from "vitest";
import { toSummaryJson } from "../../../engine/analysis/output";
import { simulate } from "../../../engine/simulate";
import { createSession, type RunResult } from "../../../web/client/session";
import { createPool } from "../../../web/client/worker-pool";
import { fakeWorker, newLog } from "../../helpers/fake-worker";
import { smallScenario } from "../../helpers/fixtures";
import { parsed } from "../../helpers/scenarios";

/** A small scenario of 200 runs with every sub-model: what the session does does not depend on the model's size. */
const scenario = parsed(smallScenario(200));
const session = () => createSession(createPool({ size: 2, spawn: fakeWorker(newLog()) }));

describe("createSession", () => {
  it("publishes the summary Node's simulate gives for the same scenario and seed", async () => {
    const s = session();
    await s.request(scenario);
    const node = simulate(scenario);
    expect(s.result.get()?.summary).toEqual(toSummaryJson(node.prepared.shape, node.meta, node.summary));
    expect(s.progress.get()).toEqual({ running: false, done: 200, total: 200 });
  });

  it("shows a preliminary result of fewer runs first when asked, then the full one", async () => {
    const s = session();
    const seen: RunResult[] = [];
    s.result.subscribe((r) => r && seen.push(r));
    await s.request(scenario, { preview: 50 });
    expect(seen.map((r) => [r.summary.meta.runs, r.preliminary])).toEqual([
      [50, true],
      [200, false],
    ]);
  });

  it("keeps the first look's runs: the full result computes only the rest, and is Node's to the byte", async () => {
    const log = newLog();
    const s = createSession(createPool({ size: 2, spawn: fakeWorker(log) }));
    const progress: number[] = [];
    s.progress.subscribe((p) => progress.push(p.done));
    await s.request(scenario, { preview: 50 });
    expect(log.requests.reduce((n, r) => n + r.to - r.from, 0)).toBe(200);
    const node = simulate(scenario);
    expect(s.result.get()?.summary).toEqual(toSummaryJson(node.prepared.shape, node.meta, node.summary));
    // Progress goes on from the first look's runs, never back.
    const changes = progress.filter((p, i) => i === 0 || p !== progress[i - 1]);
    expect(changes.slice(0, 2)).toEqual([0, 50]);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
    expect(progress[progress.length - 1]).toBe(200);
  });

  it("gives each full result the previous full result of another scenario, to compare against", async () => {
    const s = session();
    const other = { ...scenario, simulation: { ...scenario.simulation, seed: 2, runs: 100 } };
    const small = { ...scenario, simulation: { ...scenario.simulation, runs: 100 } };
    await s.request(small);
    expect(s.result.get()?.previous).toBeUndefined();
    await s.request(other, { preview: 50 });
    expect(s.result.get()?.previous?.summary.meta.seed).toBe(1);
    // The same scenario again keeps what it is compared with; chains do not grow.
    await s.request(other);
    expect(s.result.get()?.previous?.summary.meta.seed).toBe(1);
    expect(s.result.get()?.previous?.previous).toBeUndefined();
  });

  it("publishes only the newest of overlapping requests", async () => {
    const s = session();
    const seen: number[] = [];
    s.result.subscribe((r) => r && seen.push(r.summary.meta.seed));
    const other = { ...scenario, simulation: { ...scenario.simulation, seed: 2 } };
    await Promise.all([s.request(scenario), s.request(other)]);
    expect(seen).toEqual([2]);
  });

  it("reports a failed run in Dutch and keeps the last result", async () => {
    let fail = false;
    const s = createSession(createPool({ size: 1, spawn: fakeWorker(newLog(), () => fail) }));
    await s.request(scenario);
    const before = s.result.get();
    fail = true;
    await s.request({ ...scenario, simulation: { ...scenario.simulation, seed: 9 } });
    expect(s.problem.get()).toMatch(/^De berekening is mislukt/);
    expect(s.result.get()).toBe(before);
  });
});
